package org.stochad.internal;

import java.util.List;
import org.stochad.Estimator;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

/**
 * Stochastic AD by replay of alternative paths: one primal run with k tangents registers every
 * candidate flip; the program is then re-run with a chosen draw forced to its alternative and
 * every other draw reading the same addressed streams.
 *
 * <p>For k parameters the candidates carry a weight per direction and one shared alternative is
 * chosen by the weight vector's L1 norm; direction j's estimate is
 * δ_j + W·(w_j/‖w‖₁)·(f_alt − f) with W = Σ‖w‖₁ over all candidates. This is unbiased for every
 * direction, costs one replay for any k, and its variance stays close to that of separate
 * per-direction choices when the directions share their flips — the usual case, since one draw's
 * weights along different directions are all proportional to the same boundary density.
 */
public final class ReplayEstimator extends SampleEstimator {

    private final StochasticAdOptions options;

    /** @param options replay options */
    public ReplayEstimator(StochasticAdOptions options) {
        super(options.threads());
        this.options = options;
    }

    @Override
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        return replaySample(program, theta, seed, sample, false);
    }

    /**
     * One sample: f and the stochastic-AD gradient, and, when {@code withScore}, the pathwise
     * derivative δ and the score S of the same primal run.
     */
    SampleRow replaySample(VectorProgram program, double[] theta, long seed, int sample, boolean withScore) {
        int k = theta.length;
        int m = options.exhaustiveReplay() ? 0 : options.alternativeCount();
        Reservoir[] reservoirs = new Reservoir[m];
        for (int r = 0; r < m; r++) {
            reservoirs[r] = new Reservoir(AddressedStream.root(seed, sample, RESERVOIR_DOMAIN + r));
        }
        RecordRule rule = new RecordRule(k, reservoirs, options.exhaustiveReplay(), options.bernoulliTwoSided());
        StochasticTriple[] out = checkedOutputs(program.run(sampler(rule, seed, sample), seeded(theta, k)));
        double[] f = values(out);
        double[] reported = withScore ? rule.reportedScoreEstimate() : null;
        if (reported != null && reported.length != f.length * k) {
            throw new IllegalArgumentException("hybrid SAD/score: sample " + sample + " reported a score-function"
                    + " estimate of length " + reported.length + " for " + f.length + " outputs and " + k
                    + " parameters");
        }
        if (withScore && reported == null && rule.blind() != null) {
            throw new IllegalArgumentException("hybrid SAD/score: the score-function half cannot be right here: "
                    + rule.blind());
        }
        SampleRow row;
        if (!withScore) {
            row = new SampleRow(f, deltas(out, k), null, null);
        } else if (reported == null) {
            row = new SampleRow(f, deltas(out, k), deltas(out, k), rule.score());
        } else {
            // the program's own score-function estimate stands in the place of δ + (f − b)·S, with S = 0
            row = new SampleRow(f, deltas(out, k), reported, new double[k], true);
        }
        double[] g = row.gradient;
        if (options.exhaustiveReplay()) {
            List<Candidate> all = rule.allCandidates();
            if (all.size() > options.maxPathCount()) {
                throw new IllegalStateException("exhaustive replay would need " + all.size()
                        + " paths, more than maxPaths = " + options.maxPathCount());
            }
            for (Candidate c : all) {
                double[] df = difference(replay(program, theta, seed, sample, c), f);
                for (int i = 0; i < f.length; i++) {
                    for (int j = 0; j < k; j++) {
                        g[i * k + j] += c.weights()[j] * df[i];
                    }
                }
            }
            return row;
        }
        Candidate[] replayed = new Candidate[m];
        double[][] replayedDf = new double[m][];
        int replays = 0;
        for (Reservoir r : reservoirs) {
            Candidate c = r.chosen();
            if (c == null) {
                continue;
            }
            // reservoirs that kept the same flip share its alternative run: the program is
            // deterministic given its streams, so a second run would return the same value
            int seen = 0;
            while (seen < replays && replayed[seen] != c) {
                seen++;
            }
            double[] df;
            if (seen < replays) {
                df = replayedDf[seen];
            } else {
                df = difference(replay(program, theta, seed, sample, c), f);
                replayed[replays] = c;
                replayedDf[replays++] = df;
            }
            double scale = r.total() / c.norm() / m;
            for (int i = 0; i < f.length; i++) {
                for (int j = 0; j < k; j++) {
                    g[i * k + j] += scale * c.weights()[j] * df[i];
                }
            }
        }
        return row;
    }

    /** @return f_alt − f per output, the alternative run having returned as many outputs as the primal one */
    private static double[] difference(double[] fAlt, double[] f) {
        if (fAlt.length != f.length) {
            throw new IllegalStateException("replay: the alternative run returned " + fAlt.length
                    + " outputs, the primal run " + f.length);
        }
        double[] df = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            df[i] = fAlt[i] - f[i];
        }
        return df;
    }

    private static double[] replay(VectorProgram program, double[] theta, long seed, int sample, Candidate c) {
        ForcedRule rule = new ForcedRule(c);
        double[] fAlt = values(checkedOutputs(program.run(sampler(rule, seed, sample), seeded(theta, 0))));
        if (!rule.targetReached()) {
            throw new IllegalStateException("replay: the forced draw was never reached; the program is not"
                    + " deterministic given its sampler's streams (does it read a clock, Math.random()"
                    + " or shared mutable state?)");
        }
        return fAlt;
    }

    @Override
    public String name() {
        String twoSided = options.bernoulliTwoSided() ? ", two-sided Bernoulli flips" : "";
        return options.exhaustiveReplay() ? "stochastic AD (replay, exhaustive" + twoSided + ")"
                : "stochastic AD (replay, m=" + options.alternativeCount() + twoSided + ")";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new ReplayEstimator(options.parallelism(threads));
    }
}
