package org.stochad.internal;

import org.stochad.ChunkedEstimator;
import org.stochad.EstimateChunk;
import org.stochad.EstimateRequest;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * The shared frame of the built-in estimators: one row of numbers per sample, computed from
 * streams derived from (seed, i) alone, folded into streaming sums per chunk of consecutive
 * sample indices, and the chunks merged in index order — constant memory for any sample count,
 * and a result bit-identical for any thread count. Serializable, so a distributed engine can ship
 * an estimator to the machines that run its chunks (an estimator built from a part that is not
 * serializable, e.g. a lambda {@link Engine.ScoreSource}, is not).
 */
abstract class SampleEstimator implements ChunkedEstimator, java.io.Serializable {

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

    /** @return how the rows' numbers make the per-sample gradient estimates */
    SampleSums.Reduction reduction() {
        return SampleSums.Reduction.PLAIN;
    }

    /**
     * The estimator that runs the samples of one estimate, with whatever it decided before the
     * first sample (e.g. one-sided finite differences at a domain's edge); the default is this.
     *
     * @param program the program
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @return the estimator to run the samples with
     */
    SampleEstimator prepare(StochasticProgram program, double[] theta, long seed) {
        return this;
    }

    /** @return a remark the estimate carries, or "" */
    String note() {
        return "";
    }

    @Override
    public final GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
        checkArguments(program, theta);
        return estimate(program, theta, checkedRequest(samples, seed));
    }

    @Override
    public final GradientEstimate sampleEstimate(StochasticProgram program, double[] theta, long seed, long sample) {
        checkArguments(program, theta);
        if (sample < 0 || sample > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample = " + sample + " is not a sample index in [0, "
                    + Integer.MAX_VALUE + "]");
        }
        if (reduction() != SampleSums.Reduction.PLAIN) {
            throw new IllegalStateException(name() + ": a single sample has no estimate of its own (its baseline"
                    + " comes from the other samples); estimate at least 2 samples");
        }
        long start = System.nanoTime();
        SampleEstimator prepared = prepare(program, theta, seed);
        SampleRow row = prepared.sample(program, theta, seed, (int) sample);
        double[] x = new double[theta.length];
        row.features(SampleSums.Reduction.PLAIN, x);
        checkFinite(row.value, x, 1, (int) sample, seed);
        double[] nan = new double[x.length];
        java.util.Arrays.fill(nan, Double.NaN);
        return new GradientEstimate(row.value, x, nan, nan, 1, System.nanoTime() - start, prepared.note());
    }

    @Override
    public final GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        checkArguments(program, theta);
        long start = System.nanoTime();
        int samples = request.samples();
        long seed = request.seed();
        int chunks = (int) ((samples + (long) CHUNK_SIZE - 1) / CHUNK_SIZE);
        SampleEstimator prepared = prepare(program, theta, seed);
        SampleSums all = ChunkFold.fold(chunks, parallelism, c -> {
            long first = (long) c * CHUNK_SIZE;
            return prepared.run(program, theta, seed, first, (int) Math.min(CHUNK_SIZE, samples - first));
        }, request.progress(), name());
        return all.finish(System.nanoTime() - start);
    }

    @Override
    public final EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count) {
        checkArguments(program, theta);
        if (first < 0 || count < 1 || first + count - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk: first = " + first + ", count = " + count
                    + " is not a range of sample indices in [0, " + Integer.MAX_VALUE + "]");
        }
        return prepare(program, theta, seed).run(program, theta, seed, first, count);
    }

    @Override
    public final GradientEstimate finish(EstimateChunk all, long nanos) {
        if (!(all instanceof SampleSums sums)) {
            throw new IllegalArgumentException("finish: " + all + " was not made by a built-in estimator");
        }
        return sums.finish(nanos);
    }

    private SampleSums run(StochasticProgram program, double[] theta, long seed, long first, int count) {
        SampleSums.Reduction reduction = reduction();
        int k = theta.length;
        int d = reduction.features;
        SampleSums sums = new SampleSums(reduction, k, first, note());
        double[] x = new double[k * d];
        for (long i = first; i < first + count; i++) {
            int sample = (int) i;
            SampleRow row = sample(program, theta, seed, sample);
            row.features(reduction, x);
            checkFinite(row.value, x, d, sample, seed);
            sums.add(row.value, x);
        }
        return sums;
    }

    private void checkFinite(double f, double[] x, int d, int sample, long seed) {
        String what = null;
        double bad = 0;
        if (!Double.isFinite(f)) {
            what = "its value";
            bad = f;
        } else {
            for (int i = 0; i < x.length && what == null; i++) {
                if (!Double.isFinite(x[i])) {
                    what = (d == 1 ? "its gradient estimate" : "a term of its gradient estimate") + " (component "
                            + i / d + ")";
                    bad = x[i];
                }
            }
        }
        if (what != null) {
            throw new IllegalStateException(name() + ": sample " + sample + " of seed " + seed + " gave " + what
                    + " = " + bad + "; Samplers.primal(" + seed + ", " + sample
                    + ") replays that sample's draws");
        }
    }

    private static EstimateRequest checkedRequest(int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples = " + samples
                    + " is less than 2 (a standard error needs at least two samples)");
        }
        return new EstimateRequest(samples, seed, ProgressListener.none());
    }

    private static void checkArguments(StochasticProgram program, double[] theta) {
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
