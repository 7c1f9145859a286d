package org.stochad.shower;

import java.util.List;

/**
 * Everything one simulated shower left behind: its hits, its track segments, its depth and loss.
 *
 * @param hits     the hits in the order they were made
 * @param segments the track segments in the order they were travelled
 * @param depth    D, the mean radius of the hits flagged 1
 * @param loss     (D − target)²
 */
public record ShowerEvent(List<Hit> hits, List<Segment> segments, double depth, double loss) {

    /**
     * Copies the lists.
     *
     * @param hits the hits in the order they were made
     * @param segments the track segments in the order they were travelled
     * @param depth D, the mean radius of the hits flagged 1
     * @param loss (D − target)²
     */
    public ShowerEvent {
        hits = List.copyOf(hits);
        segments = List.copyOf(segments);
    }

    /** What a hit records. */
    public enum Kind {
        /** The particle stepped through without interacting (flag 0). */
        PASS,
        /** The particle interacted on this step (flag 1). */
        INTERACTION,
        /** The particle ended here, below threshold or escaping (flag 1). */
        END
    }

    /**
     * One hit, at the particle's position before its step.
     *
     * @param x        x position
     * @param y        y position
     * @param energy   the particle's energy
     * @param lineage  the particle's lineage id (1 for the primary, 2i and 2i+1 for the daughters of i)
     * @param step     the generation
     * @param kind     what happened
     */
    public record Hit(double x, double y, double energy, long lineage, int step, Kind kind) {

        /** @return the hit's flag: true for interactions and ends */
        public boolean flagged() {
            return kind != Kind.PASS;
        }

        /** @return the hit's radius */
        public double radius() {
            return Math.sqrt(x * x + y * y);
        }
    }

    /**
     * One step of one particle.
     *
     * @param x0      start x
     * @param y0      start y
     * @param x1      end x
     * @param y1      end y
     * @param energy  the particle's energy during the step
     * @param lineage the particle's lineage id
     */
    public record Segment(double x0, double y0, double x1, double y1, double energy, long lineage) {
    }

    /** @return the hits flagged 1 */
    public List<Hit> flaggedHits() {
        return hits.stream().filter(Hit::flagged).toList();
    }

    /** @return the number of interactions */
    public long interactions() {
        return hits.stream().filter(h -> h.kind() == Kind.INTERACTION).count();
    }
}
