package org.stochad.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.random.AddressedStream;

/**
 * The shared frame of the built-in estimators: one row of numbers per sample, computed from
 * streams derived from (seed, i) alone, in parallel, then reduced in sample order so that the
 * result is bit-identical for any thread count.
 */
public abstract class SampleEstimator implements Estimator {

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
     * @return the row: f first, then whatever {@link #gradients} reads
     */
    protected abstract double[] sample(StochasticProgram program, double[] theta, long seed, int sample);

    /**
     * Turns the rows into per-sample gradient estimates, in place; the default takes the rows
     * as [f, g₁ … g_k].
     *
     * @param rows one row per sample
     * @param k    the number of parameters
     */
    protected void gradients(double[][] rows, int k) {
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
        double[][] rows = new double[samples][];
        runAll(samples, i -> rows[i] = sample(program, theta, seed, i));
        int k = theta.length;
        gradients(rows, k);
        double[] column = new double[samples];
        double[] mean = new double[k];
        double[] variance = new double[k];
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < samples; i++) {
                column[i] = rows[i][j + 1];
            }
            mean[j] = Mean.of(column).getAsDouble();
            variance[j] = samples > 1 ? Variance.of(column).getAsDouble() : 0;
            se[j] = Math.sqrt(variance[j] / samples);
        }
        for (int i = 0; i < samples; i++) {
            column[i] = rows[i][0];
        }
        double value = Mean.of(column).getAsDouble();
        return new GradientEstimate(value, mean, se, variance, samples, System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface SampleTask {
        void run(int i);
    }

    private void runAll(int samples, SampleTask task) {
        int threads = Math.min(parallelism, samples);
        if (threads <= 1) {
            for (int i = 0; i < samples; i++) {
                task.run(i);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stochad-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < samples; i += threads) {
                        task.run(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("estimate interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ helpers for subclasses

    /**
     * Adds the score-function term (f − b)·S_j to each row's gradient, for rows laid out as
     * [f, g₁ … g_k, S₁ … S_k]; with a baseline, b is the mean of f over the other rows (so it does
     * not depend on the row it is applied to), otherwise 0.
     *
     * @param rows     one row per sample
     * @param k        the number of parameters
     * @param baseline whether to subtract the leave-one-out mean of f
     */
    protected static void addScoreTerm(double[][] rows, int k, boolean baseline) {
        int n = rows.length;
        double total = 0;
        for (double[] row : rows) {
            total += row[0];
        }
        for (double[] row : rows) {
            double b = baseline ? (total - row[0]) / (n - 1) : 0;
            for (int j = 0; j < k; j++) {
                row[j + 1] += (row[0] - b) * row[k + j + 1];
            }
        }
    }

    /** @return a sampler over the program's root stream of sample i */
    static TrackingSampler sampler(RunContext ctx, long seed, int sample) {
        return new TrackingSampler(ctx, AddressedStream.root(seed, sample, PROGRAM_DOMAIN));
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

    static StochasticTriple checkedOutput(StochasticTriple out) {
        if (out == null) {
            throw new IllegalStateException("the program returned null");
        }
        return out;
    }
}
