package org.stochad.lund.io;

import java.io.Serializable;
import org.stochad.lund.EventTally;

/**
 * The summary table and the six standard histograms of a run, counted per block of
 * {@value #BLOCK} consecutive events and merged block after block in index order: the same numbers
 * whether the blocks were counted here, event by event ({@link #inOrder(double)}), or on other
 * machines ({@link #add}, the machines' block tallies handed over in block order) — so a run of
 * 10⁹ events needs only 10⁶ small tallies, never its events, to reach the caller.
 */
public final class GeneratorTally implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Events per block. */
    public static final int BLOCK = 1024;

    private final EventTally summary = new EventTally();
    private final GeneratorHistograms histograms;

    /** @param eCm the string mass (GeV), which sets the rapidity range of the histograms */
    public GeneratorTally(double eCm) {
        this.histograms = new GeneratorHistograms(eCm);
    }

    /**
     * Counts one event of this block.
     *
     * @param o the event's observables ({@link GeneratorHistograms#observe})
     */
    public void accept(GeneratorHistograms.Observed o) {
        summary.accept(o.event().multiplicity(), o.charged(), o.event().restarts(), o.sumPt2(), o.thrust());
        histograms.fill(o);
    }

    /**
     * Adds the tally of the next block.
     *
     * @param next the later block's tally
     */
    public void add(GeneratorTally next) {
        summary.add(next.summary);
        histograms.add(next.histograms);
    }

    /** @return the summary */
    public EventTally summary() {
        return summary;
    }

    /** @return the histograms */
    public GeneratorHistograms histograms() {
        return histograms;
    }

    /**
     * @param eCm the string mass (GeV)
     * @return a counter that takes events 0, 1, 2, … in order and tallies them block by block
     */
    public static InOrder inOrder(double eCm) {
        return new InOrder(eCm);
    }

    /** Takes a run's events in index order and tallies them in blocks of {@value #BLOCK}. */
    public static final class InOrder {
        private final double eCm;
        private final GeneratorTally total;
        private GeneratorTally block;
        private int inBlock;

        private InOrder(double eCm) {
            this.eCm = eCm;
            this.total = new GeneratorTally(eCm);
            this.block = new GeneratorTally(eCm);
        }

        /** @param o the next event's observables */
        public void accept(GeneratorHistograms.Observed o) {
            block.accept(o);
            if (++inBlock == BLOCK) {
                total.add(block);
                block = new GeneratorTally(eCm);
                inBlock = 0;
            }
        }

        /** @return the tally of every event so far (the last, partial block included) */
        public GeneratorTally finish() {
            if (inBlock > 0) {
                total.add(block);
                block = new GeneratorTally(eCm);
                inBlock = 0;
            }
            return total;
        }
    }
}
