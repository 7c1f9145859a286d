package org.stochad.internal;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.Parallel;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * The shared frame of the built-in estimators: one row of numbers per sample, computed from
 * streams derived from (seed, i) alone, in parallel, then reduced in sample order so that the
 * result is bit-identical for any thread count.
 */
abstract class SampleEstimator implements Estimator {

    /** Stream domain of the program's own randomness. */
    static final long PROGRAM_DOMAIN = 0;
    /** Stream domain of pruning decisions. */
    static final long PRUNING_DOMAIN = 1;
    /** First stream domain of the replay reservoirs. */
    static final long RESERVOIR_DOMAIN = 2;

    private final int parallelism;

    /** @param parallelism worker threads, &ge; 1 */
    protected SampleEstimator(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism = " + parallelism + " is less than 1");
        }
        this.parallelism = parallelism;
    }

    /** @return the number of worker threads */
    public int parallelism() {
        return parallelism;
    }

    /**
     * One sample.
     *
     * @param program the program
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @param sample  the sample index
     * @return the sample's row
     */
    protected abstract SampleRow sample(StochasticProgram program, double[] theta, long seed, int sample);

    /**
     * Finishes the rows' per-sample gradient estimates, in place, once every sample is in (for
     * terms that need the whole batch, such as a baseline); the default leaves them as they are.
     *
     * @param rows one row per sample
     */
    protected void gradients(SampleRow[] rows) {
    }

    /** @return the fewest samples this estimator accepts */
    protected int minimumSamples() {
        return 1;
    }

    @Override
    public final GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
        if (program == null) {
            throw new IllegalArgumentException("program = null");
        }
        if (theta == null || theta.length == 0) {
            throw new IllegalArgumentException("theta must have at least one component");
        }
        for (int j = 0; j < theta.length; j++) {
            if (!Double.isFinite(theta[j])) {
                throw new IllegalArgumentException("theta[" + j + "] = " + theta[j] + " is not finite");
            }
        }
        if (samples < minimumSamples()) {
            throw new IllegalArgumentException("samples = " + samples + " is less than " + minimumSamples());
        }
        long start = System.nanoTime();
        SampleRow[] rows = new SampleRow[samples];
        Parallel.forEach(samples, parallelism, i -> rows[i] = sample(program, theta, seed, i));
        int k = theta.length;
        gradients(rows);
        double[] column = new double[samples];
        double[] mean = new double[k];
        double[] variance = new double[k];
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < samples; i++) {
                column[i] = rows[i].gradient[j];
            }
            mean[j] = Mean.of(column).getAsDouble();
            variance[j] = samples > 1 ? Variance.of(column).getAsDouble() : 0;
            se[j] = Math.sqrt(variance[j] / samples);
        }
        for (int i = 0; i < samples; i++) {
            column[i] = rows[i].value;
        }
        double value = Mean.of(column).getAsDouble();
        return new GradientEstimate(value, mean, se, variance, samples, System.nanoTime() - start);
    }

    // ------------------------------------------------------------ helpers for subclasses

    /** @return a sampler over the program's root stream of sample i */
    static TrackingSampler sampler(DrawRule rule, long seed, int sample) {
        return new TrackingSampler(rule, AddressedStream.root(seed, sample, PROGRAM_DOMAIN));
    }

    /**
     * @param theta the point
     * @param k     tangent directions: parameter j gets the unit tangent e_j (0 gives plain values)
     * @return the parameter triples
     */
    static StochasticTriple[] seeded(double[] theta, int k) {
        StochasticTriple[] t = new StochasticTriple[theta.length];
        for (int j = 0; j < theta.length; j++) {
            if (k == 0) {
                t[j] = StochasticTriple.constant(theta[j]);
            } else {
                double[] tangent = new double[k];
                tangent[j] = 1;
                t[j] = StochasticTriple.of(theta[j], tangent);
            }
        }
        return t;
    }

    /**
     * @param theta     the point
     * @param direction the one parameter that gets tangent 1
     * @return the parameter triples for a single directional derivative
     */
    static StochasticTriple[] directional(double[] theta, int direction) {
        StochasticTriple[] t = new StochasticTriple[theta.length];
        for (int j = 0; j < theta.length; j++) {
            t[j] = StochasticTriple.of(theta[j], j == direction ? 1.0 : 0.0);
        }
        return t;
    }

    /**
     * @param out a program's output
     * @param k   the number of parameters
     * @return its tangent δ₀ … δ_{k−1} (0 where it carries fewer directions)
     */
    static double[] deltas(StochasticTriple out, int k) {
        double[] d = new double[k];
        for (int j = 0; j < k; j++) {
            d[j] = out.delta(j);
        }
        return d;
    }

    static StochasticTriple checkedOutput(StochasticTriple out) {
        if (out == null) {
            throw new IllegalStateException("the program returned null");
        }
        return out;
    }
}
