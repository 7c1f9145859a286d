package org.stochad;

import org.stochad.internal.Engine;

/**
 * The extension point for score-function estimators whose score comes from somewhere other than
 * the sampler — a reweighting, an event record: give each sample's f, pathwise derivative and
 * score, and the estimate is (f − b)·S + ∂f/∂θ over the samples, in parallel and bit-identical
 * for any thread count, with b = 0 or the leave-one-out batch mean of f. Serializable (to run its
 * chunks on other machines) when the subclass's own fields are.
 */
public abstract class ScoreEstimator implements ChunkedEstimator, java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean baseline;
    private final int parallelism;
    /** Built from the three fields above, again after deserialisation. */
    private transient ChunkedEstimator engine;

    /**
     * @param name        the estimator's name
     * @param baseline    whether to subtract the leave-one-out batch mean of f
     * @param parallelism worker threads, &ge; 1
     */
    protected ScoreEstimator(String name, boolean baseline, int parallelism) {
        this.name = name;
        this.baseline = baseline;
        this.parallelism = parallelism;
        this.engine = Engine.scoreEstimator(name, this::sample, baseline, parallelism);
    }

    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        engine = Engine.scoreEstimator(name, this::sample, baseline, parallelism);
    }

    /**
     * One sample; sample i must use only randomness derived from (seed, i).
     *
     * @param program the program
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @param sample  the sample index
     * @return f, its pathwise derivative and the score, one component per parameter
     */
    protected abstract ScoredSample sample(StochasticProgram program, double[] theta, long seed, int sample);

    @Override
    public final GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
        return engine.estimate(program, theta, samples, seed);
    }

    @Override
    public final GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        return engine.estimate(program, theta, request);
    }

    @Override
    public final GradientEstimate sampleEstimate(StochasticProgram program, double[] theta, long seed, long sample) {
        return engine.sampleEstimate(program, theta, seed, sample);
    }

    @Override
    public final EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count) {
        return engine.chunk(program, theta, seed, first, count);
    }

    @Override
    public final GradientEstimate finish(EstimateChunk all, long nanos) {
        return engine.finish(all, nanos);
    }

    @Override
    public String name() {
        return engine.name();
    }
}
