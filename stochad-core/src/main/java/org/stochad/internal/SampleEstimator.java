package org.stochad.internal;

import org.stochad.ChunkedEstimator;
import org.stochad.EstimateChunk;
import org.stochad.EstimateRequest;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

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
     * One sample of a program of m outputs (m = 1 for a scalar program, given as a
     * {@link ScalarProgram}).
     *
     * @param program the program
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @param sample  the sample index
     * @return the sample's row
     */
    protected abstract SampleRow sample(VectorProgram program, double[] theta, long seed, int sample);

    /**
     * A scalar program seen as a program of one output.
     *
     * @param program the scalar program
     */
    record ScalarProgram(StochasticProgram program) implements VectorProgram {
        @Override
        public StochasticTriple[] run(org.stochad.Sampler sampler, StochasticTriple[] theta) {
            return new StochasticTriple[] {checkedOutput(program.run(sampler, theta))};
        }
    }

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
    SampleEstimator prepare(VectorProgram program, double[] theta, long seed) {
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
        VectorProgram p = new ScalarProgram(program);
        SampleEstimator prepared = prepare(p, theta, seed);
        SampleRow row = prepared.sample(p, theta, seed, (int) sample);
        double[] x = new double[theta.length];
        row.features(SampleSums.Reduction.PLAIN, x);
        checkFinite(row.values, x, 1, (int) sample, seed);
        double[] nan = new double[x.length];
        java.util.Arrays.fill(nan, Double.NaN);
        return new GradientEstimate(row.values[0], x, nan, nan, 1, System.nanoTime() - start, prepared.note());
    }

    @Override
    public final GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        checkArguments(program, theta);
        long start = System.nanoTime();
        return fold(new ScalarProgram(program), theta, request).finish(System.nanoTime() - start);
    }

    @Override
    public final JacobianEstimate jacobian(VectorProgram program, double[] theta, EstimateRequest request) {
        checkArguments(program, theta);
        long start = System.nanoTime();
        return fold(program, theta, request).finishJacobian(System.nanoTime() - start);
    }

    private SampleSums fold(VectorProgram program, double[] theta, EstimateRequest request) {
        int samples = request.samples();
        long seed = request.seed();
        int chunks = (int) ((samples + (long) CHUNK_SIZE - 1) / CHUNK_SIZE);
        SampleEstimator prepared = prepare(program, theta, seed);
        return ChunkFold.fold(chunks, parallelism, c -> {
            long first = (long) c * CHUNK_SIZE;
            return prepared.run(program, theta, seed, first, (int) Math.min(CHUNK_SIZE, samples - first));
        }, request.progress(), name());
    }

    @Override
    public final EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count) {
        checkArguments(program, theta);
        if (first < 0 || count < 1 || first + count - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk: first = " + first + ", count = " + count
                    + " is not a range of sample indices in [0, " + Integer.MAX_VALUE + "]");
        }
        VectorProgram p = new ScalarProgram(program);
        return prepare(p, theta, seed).run(p, theta, seed, first, count);
    }

    @Override
    public final EstimateChunk jacobianChunk(VectorProgram program, double[] theta, long seed, long first,
                                             int count) {
        checkArguments(program, theta);
        if (first < 0 || count < 1 || first + count - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("jacobianChunk: first = " + first + ", count = " + count
                    + " is not a range of sample indices in [0, " + Integer.MAX_VALUE + "]");
        }
        return prepare(program, theta, seed).run(program, theta, seed, first, count);
    }

    @Override
    public final JacobianEstimate finishJacobian(EstimateChunk all, long nanos) {
        if (!(all instanceof SampleSums sums)) {
            throw new IllegalArgumentException("finishJacobian: " + all + " was not made by a built-in estimator");
        }
        return sums.finishJacobian(nanos);
    }

    @Override
    public final GradientEstimate finish(EstimateChunk all, long nanos) {
        if (!(all instanceof SampleSums sums)) {
            throw new IllegalArgumentException("finish: " + all + " was not made by a built-in estimator");
        }
        return sums.finish(nanos);
    }

    private SampleSums run(VectorProgram program, double[] theta, long seed, long first, int count) {
        SampleSums.Reduction reduction = reduction();
        int k = theta.length;
        int d = reduction.features;
        SampleSums sums = null;
        double[] x = null;
        boolean reported = false;
        for (long i = first; i < first + count; i++) {
            int sample = (int) i;
            SampleRow row = sample(program, theta, seed, sample);
            if (sums == null) {
                sums = new SampleSums(reduction, row.outputs(), k, first, note());
                x = new double[row.outputs() * k * d];
            } else if (row.outputs() != sums.outputs()) {
                throw new IllegalStateException(name() + ": sample " + sample + " of seed " + seed + " returned "
                        + row.outputs() + " outputs, sample " + first + " returned " + sums.outputs()
                        + " (a vector program must return the same number of outputs on every run)");
            }
            if (i == first) {
                reported = row.reportedScore;
            } else if (row.reportedScore != reported) {
                throw new IllegalStateException(name() + ": sample " + sample + " of seed " + seed
                        + (row.reportedScore ? " reported" : " did not report") + " a score-function estimate, sample "
                        + first + (reported ? " did" : " did not") + " (a program that reports one must report it"
                        + " in every run)");
            }
            row.features(reduction, x);
            checkFinite(row.values, x, d, sample, seed);
            sums.add(row.values, x);
        }
        return sums;
    }

    private void checkFinite(double[] f, double[] x, int d, int sample, long seed) {
        String what = null;
        double bad = 0;
        for (int i = 0; i < f.length && what == null; i++) {
            if (!Double.isFinite(f[i])) {
                what = f.length == 1 ? "its value" : "output " + i;
                bad = f[i];
            }
        }
        if (what == null) {
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

    private static void checkArguments(Object program, double[] theta) {
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
     * @param out a program's outputs
     * @param k   the number of parameters
     * @return their tangents, δ_ij at i·k + j (0 where an output carries fewer directions)
     */
    static double[] deltas(StochasticTriple[] out, int k) {
        double[] d = new double[out.length * k];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < k; j++) {
                d[i * k + j] = out[i].delta(j);
            }
        }
        return d;
    }

    /**
     * @param out a program's outputs
     * @return their values
     */
    static double[] values(StochasticTriple[] out) {
        double[] v = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            v[i] = out[i].value();
        }
        return v;
    }

    /**
     * @param out a vector program's outputs
     * @return them, checked to be at least one and none null
     */
    static StochasticTriple[] checkedOutputs(StochasticTriple[] out) {
        if (out == null) {
            throw new IllegalStateException("the program returned null");
        }
        if (out.length == 0) {
            throw new IllegalStateException("the program returned no outputs");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("the program returned null as output " + i);
            }
        }
        return out;
    }

    static StochasticTriple checkedOutput(StochasticTriple out) {
        if (out == null) {
            throw new IllegalStateException("the program returned null");
        }
        return out;
    }
}
