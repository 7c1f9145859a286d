package org.stochad.internal;

import org.stochad.ChunkedEstimator;
import org.stochad.Estimator;
import org.stochad.Sampler;
import org.stochad.ScoredSample;
import org.stochad.StochasticProgram;
import org.stochad.VectorProgram;

/** The engine's entry points for the public face: samplers outside the estimators, and estimators built from parts. */
public final class Engine {

    private Engine() {
    }

    /**
     * @param seed   the seed
     * @param sample the sample index
     * @return a sampler making plain draws from the program's root stream of that sample
     */
    public static Sampler primalSampler(long seed, long sample) {
        return new TrackingSampler(PrimalRule.INSTANCE,
                AddressedStream.root(seed, sample, SampleEstimator.PROGRAM_DOMAIN));
    }

    /**
     * @param seed   the seed
     * @param sample the sample index
     * @return the plain program stream of that sample (what {@link #primalSampler} draws from)
     */
    public static org.stochad.UniformStream primalStream(long seed, long sample) {
        return AddressedStream.root(seed, sample, SampleEstimator.PROGRAM_DOMAIN);
    }

    /**
     * @param seed the seed
     * @return a propagating sampler (one tangent direction) over the root streams of sample 0
     */
    public static Sampler propagatingSampler(long seed) {
        return new TrackingSampler(new PropagateRule(AddressedStream.root(seed, 0, SampleEstimator.PRUNING_DOMAIN)),
                AddressedStream.root(seed, 0, SampleEstimator.PROGRAM_DOMAIN));
    }

    /** One sample of a score-type estimator, computed by code outside the engine. */
    @FunctionalInterface
    public interface ScoreSource {
        /**
         * @param program the program
         * @param theta   the parameter point
         * @param seed    the estimate's seed
         * @param sample  the sample index
         * @return f, its pathwise derivative and the score
         */
        ScoredSample sample(StochasticProgram program, double[] theta, long seed, int sample);
    }

    /**
     * @param name        the estimator's name
     * @param source      computes each sample
     * @param baseline    whether to subtract the leave-one-out batch mean of f
     * @param parallelism worker threads
     * @return the estimator (f − b)·S + δ over the samples of {@code source}
     */
    public static ChunkedEstimator scoreEstimator(String name, ScoreSource source, boolean baseline, int parallelism) {
        return new SourcedScoreEstimator(name, source, baseline, parallelism);
    }

    /** The score-function estimator over samples computed outside the engine. */
    private static final class SourcedScoreEstimator extends SampleEstimator {
        private final String name;
        private final ScoreSource source;
        private final boolean baseline;

        SourcedScoreEstimator(String name, ScoreSource source, boolean baseline, int parallelism) {
            super(parallelism);
            this.name = name;
            this.source = source;
            this.baseline = baseline;
        }

        @Override
        protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
            if (!(program instanceof ScalarProgram scalar)) {
                throw new UnsupportedOperationException(name + " estimates scalar programs only (no Jacobian)");
            }
            ScoredSample s = source.sample(scalar.program(), theta, seed, sample);
            int k = theta.length;
            double[] pathwise = s.pathwise();
            double[] score = s.score();
            if (pathwise.length != k || score.length != k) {
                throw new IllegalStateException(name + ": sample " + sample + " has " + pathwise.length
                        + " pathwise and " + score.length + " score components for " + k + " parameters");
            }
            return new SampleRow(s.value(), pathwise, null, score);
        }

        @Override
        SampleSums.Reduction reduction() {
            return baseline ? SampleSums.Reduction.SCORE_BASELINE : SampleSums.Reduction.PLAIN;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Estimator withParallelism(int threads) {
            return new SourcedScoreEstimator(name, source, baseline, threads);
        }
    }
}
