package org.stochad.shower;

import java.util.ArrayList;
import java.util.List;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;

/**
 * One run of the shower with one Bernoulli draw per particle and step: generation by generation,
 * every alive particle steps, may end, and otherwise draws its interaction from the material.
 *
 * <p>Addressing of the random numbers (what couples an alternative world to the primal one):
 * each particle reads from a stream, and its step at generation g reads substream g of it. When a
 * particle splits, the first daughter keeps the parent's stream and the second gets substream
 * −(1 + level) of it, level being the parent's depth in the particle tree (the number of splits
 * above it), which is unique along the chain of particles sharing a stream. So when a replay
 * removes a split, the parent goes on with exactly the numbers its first daughter had (and nearly
 * its path), and when it splits later the new branch gets the second daughter's numbers; when a
 * replay adds a split, the converse holds. Particles elsewhere in the tree keep all their numbers.
 */
final class Simulation {

    /** Observer of the hot loop; null when nothing is recorded. */
    interface Recorder {
        void hit(double x, double y, double energy, long lineage, int step, ShowerEvent.Kind kind);

        void segment(double x0, double y0, double x1, double y1, double energy, long lineage);
    }

    /**
     * The interaction probability per step at a point, as a triple whose tangent is ∂p/∂θ along
     * the run's directions (no tangent in primal, finite-difference and replayed runs).
     */
    interface Material {
        StochasticTriple probability(double x, double y);
    }

    /** The outcome of one run: the sum of the flagged hits' radii and their number. */
    record Outcome(double flaggedRadiusSum, int flaggedHits) {

        double depth() {
            return flaggedRadiusSum / flaggedHits;
        }
    }

    static final long DIRECTION_KEY = 0;
    static final long PRIMARY_KEY = 1;
    static final int MAX_GENERATIONS = 10_000_000;
    private static final StochasticTriple ONE = StochasticTriple.constant(1);

    private static final class Particle {
        double x;
        double y;
        double dx;
        double dy;
        double energy;
        final long lineage;
        final Sampler stream;
        final int level;

        Particle(double x, double y, double dx, double dy, double energy, long lineage, Sampler stream, int level) {
            this.x = x;
            this.y = y;
            this.dx = dx;
            this.dy = dy;
            this.energy = energy;
            this.lineage = lineage;
            this.stream = stream;
            this.level = level;
        }
    }

    private Simulation() {
    }

    static Outcome run(ShowerConfig c, Sampler root, StochasticTriple theta, Recorder recorder) {
        return run(c, root, material(theta), recorder);
    }

    /** The uniform material whose inner radius is theta. */
    static Material material(StochasticTriple theta) {
        double thetaValue = theta.value();
        int directions = theta.directions();
        double[] thetaTangent = theta.tangent();
        return (x, y) -> interactionProbability(x, y, thetaValue, directions, thetaTangent);
    }

    /** The depth loss (D − targetDepth)². */
    static double loss(ShowerConfig c, double depth) {
        double d = depth - c.targetDepth();
        return d * d;
    }

    /** One shower with all its hits and segments, its depth and its depth loss. */
    static ShowerEvent event(ShowerConfig c, Sampler root, Material material) {
        List<ShowerEvent.Hit> hits = new ArrayList<>();
        List<ShowerEvent.Segment> segments = new ArrayList<>();
        Outcome o = run(c, root, material, new Recorder() {
            @Override
            public void hit(double x, double y, double energy, long lineage, int step, ShowerEvent.Kind kind) {
                hits.add(new ShowerEvent.Hit(x, y, energy, lineage, step, kind));
            }

            @Override
            public void segment(double x0, double y0, double x1, double y1, double energy, long lineage) {
                segments.add(new ShowerEvent.Segment(x0, y0, x1, y1, energy, lineage));
            }
        });
        double depth = o.depth();
        return new ShowerEvent(hits, segments, depth, loss(c, depth));
    }

    static Outcome run(ShowerConfig c, Sampler root, Material material, Recorder recorder) {
        double phi = Math.PI * (2 * root.fork(DIRECTION_KEY).uniform() - 1);
        List<Particle> alive = new ArrayList<>();
        alive.add(new Particle(0, 0, Math.cos(phi), Math.sin(phi), c.initialEnergy(), 1, root.fork(PRIMARY_KEY), 0));
        double step = c.stepLength();
        double escape2 = c.escapeRadius() * c.escapeRadius();
        double bump = c.directionBump();
        double radiusSum = 0;
        int flagged = 0;
        for (int generation = 0; !alive.isEmpty(); generation++) {
            if (generation >= MAX_GENERATIONS) {
                throw new IllegalStateException("shower: still " + alive.size() + " particles alive after "
                        + MAX_GENERATIONS + " generations");
            }
            List<Particle> next = new ArrayList<>(alive.size() + 2);
            for (Particle p : alive) {
                double nx = p.x + step * p.dx;
                double ny = p.y + step * p.dy;
                double r = Math.sqrt(p.x * p.x + p.y * p.y);
                if (p.energy < c.energyThreshold() || nx * nx + ny * ny > escape2) {
                    radiusSum += r;
                    flagged++;
                    if (recorder != null) {
                        recorder.hit(p.x, p.y, p.energy, p.lineage, generation, ShowerEvent.Kind.END);
                    }
                    continue;
                }
                Sampler draws = p.stream.fork(generation);
                boolean interacts = draws.bernoulli(material.probability(nx, ny)).eq(ONE);
                if (recorder != null) {
                    recorder.hit(p.x, p.y, p.energy, p.lineage, generation,
                            interacts ? ShowerEvent.Kind.INTERACTION : ShowerEvent.Kind.PASS);
                    recorder.segment(p.x, p.y, nx, ny, p.energy, p.lineage);
                }
                if (!interacts) {
                    p.x = nx;
                    p.y = ny;
                    next.add(p);
                    continue;
                }
                radiusSum += r;
                flagged++;
                double split = c.splitProbability();
                if (split >= 1 || split > 0 && draws.uniform() < split) {
                    next.add(daughter(p, nx, ny, bump, 0, p.stream));
                    next.add(daughter(p, nx, ny, -bump, 1, p.stream.fork(-1L - p.level)));
                } else {
                    p.energy = Math.max(p.energy - c.energyLoss(), 0);
                    double kx = draws.uniform() < 0.5 ? bump : -bump;
                    double ky = draws.uniform() < 0.5 ? bump : -bump;
                    double ux = p.dx + kx;
                    double uy = p.dy + ky;
                    double norm = Math.sqrt(ux * ux + uy * uy);
                    p.dx = ux / norm;
                    p.dy = uy / norm;
                    p.x = nx;
                    p.y = ny;
                    next.add(p);
                }
            }
            alive = next;
        }
        return new Outcome(radiusSum, flagged);
    }

    private static Particle daughter(Particle parent, double x, double y, double kick, int branch, Sampler stream) {
        double ux = parent.dx + kick;
        double uy = parent.dy + kick;
        double norm = Math.sqrt(ux * ux + uy * uy);
        return new Particle(x, y, ux / norm, uy / norm, parent.energy / 2, 2 * parent.lineage + branch,
                stream, parent.level + 1);
    }

    /** The material probability as a triple: plain value, tangent ∂p/∂θ times θ's tangent. */
    private static StochasticTriple interactionProbability(double x, double y, double theta, int directions,
                                                           double[] thetaTangent) {
        double r = Math.sqrt(x * x + y * y);
        double inner = MaterialMap.innerEdge(r, theta);
        double outer = MaterialMap.outerEdge(r, theta);
        double edges = 0.5 * inner * outer;
        if (edges == 0) {
            return StochasticTriple.constant(0);
        }
        double p = edges * MaterialMap.pattern(x, y, r);
        if (directions == 0) {
            return StochasticTriple.constant(p);
        }
        double dp = 10 * p * (inner - outer);
        double[] tangent = new double[directions];
        for (int j = 0; j < directions; j++) {
            tangent[j] = dp * thetaTangent[j];
        }
        return StochasticTriple.of(p, tangent);
    }
}
