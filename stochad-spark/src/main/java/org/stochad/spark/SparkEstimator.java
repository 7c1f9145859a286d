package org.stochad.spark;

import java.util.List;
import org.stochad.ChunkedEstimator;
import org.stochad.EstimateChunk;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticProgram;
import org.stochad.VectorProgram;

/**
 * Runs any {@link ChunkedEstimator} on a Spark cluster: the chunks of sample indices are spread
 * over Spark tasks, each task runs its chunks with the estimator's own {@link ChunkedEstimator#chunk}
 * — the code of a local run — and the driver merges the chunks' sums strictly in chunk order, so
 * the estimate is bit-identical to {@code estimator.estimate(...)} on one machine for the same
 * seed, whatever the number of executors and partitions.
 *
 * <p>The estimator and the program travel to the executors by Java serialisation; both are
 * checked on the driver first, and a value that cannot travel fails at once with a message
 * naming its class and the field that holds it. A program that cannot be made serializable can
 * be named by a {@link Recipe} instead ({@link #estimate(Recipe, double[], EstimateRequest)}).
 */
public final class SparkEstimator implements ChunkedEstimator {

    private final SparkCluster cluster;
    private final ChunkedEstimator estimator;
    private final int partitions;

    private SparkEstimator(SparkCluster cluster, ChunkedEstimator estimator, int partitions) {
        this.cluster = cluster;
        this.estimator = estimator;
        this.partitions = partitions;
    }

    /**
     * @param cluster   the running Spark application
     * @param estimator the estimator to distribute (every built-in one is a serializable {@link ChunkedEstimator})
     * @return the estimator on the cluster, with as many partitions as the cluster has cores
     * @throws IllegalArgumentException when the estimator is not a {@link ChunkedEstimator} or cannot be serialised
     */
    public static SparkEstimator of(SparkCluster cluster, Estimator estimator) {
        if (cluster == null) {
            throw new IllegalArgumentException("cluster = null");
        }
        if (estimator instanceof SparkEstimator s) {
            return new SparkEstimator(cluster, s.estimator, s.partitions);
        }
        if (!(estimator instanceof ChunkedEstimator chunked)) {
            throw new IllegalArgumentException("estimator " + (estimator == null ? null : estimator.name())
                    + " is not a ChunkedEstimator: its estimate cannot be split into chunks");
        }
        Shipping.check("estimator " + chunked.name(), chunked);
        return new SparkEstimator(cluster, chunked, 0);
    }

    /**
     * @param cluster    the running Spark application
     * @param estimators estimators to distribute
     * @return each on the cluster, in order (e.g. for a variance study over a list of θ points)
     */
    public static List<Estimator> all(SparkCluster cluster, List<? extends Estimator> estimators) {
        return estimators.stream().map(e -> (Estimator) of(cluster, e)).toList();
    }

    /**
     * @param n the number of Spark tasks per estimate, &ge; 1 (the estimate does not depend on it)
     * @return this estimator splitting each estimate into that many tasks
     */
    public SparkEstimator withPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions = " + n + " is less than 1");
        }
        return new SparkEstimator(cluster, estimator, n);
    }

    /** @return the estimator that runs the chunks */
    public ChunkedEstimator estimator() {
        return estimator;
    }

    @Override
    public GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
        return estimate(program, theta, new EstimateRequest(samples, seed, ProgressListener.none()));
    }

    @Override
    public GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        if (program == null) {
            throw new IllegalArgumentException("program = null");
        }
        Shipping.check("program", program);
        return estimate(new Given(program), theta, request);
    }

    /**
     * Estimates the gradient of a program that is made on each executor from a recipe.
     *
     * @param program the program's recipe
     * @param theta   the parameter point
     * @param request the number of samples, the seed and the progress listener (one unit per Spark task)
     * @return the estimate, bit-identical to {@code estimator().estimate(program.make(), theta, request)}
     * @throws IllegalArgumentException for bad arguments or a recipe that cannot be serialised
     */
    public GradientEstimate estimate(Recipe<? extends StochasticProgram> program, double[] theta,
                                     EstimateRequest request) {
        checkArguments(program, theta, request);
        Shipping.check("program recipe", program);
        long start = System.nanoTime();
        EstimateChunk all = merged(new ChunkOfSamples(estimator, program, theta.clone(), request.seed(),
                request.samples()), request);
        return estimator.finish(all, System.nanoTime() - start);
    }

    /**
     * Estimates a Jacobian on the cluster: the chunks of sample indices run as Spark tasks with the
     * estimator's own {@link ChunkedEstimator#jacobianChunk}, merged on the driver in chunk order.
     *
     * @param program the program with several outputs (serializable: it travels to the executors)
     * @param theta   the parameter point
     * @param request the number of samples, the seed and the progress listener (one unit per Spark task)
     * @return the estimate, bit-identical to {@code estimator().jacobian(program, theta, request)}
     * @throws IllegalArgumentException for bad arguments or a program that cannot be serialised
     */
    @Override
    public JacobianEstimate jacobian(VectorProgram program, double[] theta, EstimateRequest request) {
        checkArguments(program, theta, request);
        Shipping.check("program", program);
        long start = System.nanoTime();
        EstimateChunk all = merged(new JacobianChunkOfSamples(estimator, program, theta.clone(), request.seed(),
                request.samples()), request);
        return estimator.finishJacobian(all, System.nanoTime() - start);
    }

    private static void checkArguments(Object program, double[] theta, EstimateRequest request) {
        if (program == null || request == null) {
            throw new IllegalArgumentException("program = " + program + ", request = " + request);
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

    /** Runs the request's chunks of samples as Spark tasks and merges their sums in chunk order. */
    private EstimateChunk merged(ChunkTask<EstimateChunk> work, EstimateRequest request) {
        long chunks = (request.samples() + (long) CHUNK_SIZE - 1) / CHUNK_SIZE;
        int tasks = partitions > 0 ? partitions : cluster.parallelism();
        EstimateChunk[] all = {null};
        cluster.run(name(), chunks, tasks, chunks, work, c -> all[0] = all[0] == null ? c : all[0].merge(c),
                request.progress());
        return all[0];
    }

    @Override
    public EstimateChunk jacobianChunk(VectorProgram program, double[] theta, long seed, long first, int count) {
        return estimator.jacobianChunk(program, theta, seed, first, count);
    }

    @Override
    public JacobianEstimate finishJacobian(EstimateChunk all, long nanos) {
        return estimator.finishJacobian(all, nanos);
    }

    @Override
    public EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count) {
        return estimator.chunk(program, theta, seed, first, count);
    }

    @Override
    public GradientEstimate sampleEstimate(StochasticProgram program, double[] theta, long seed, long sample) {
        return estimator.sampleEstimate(program, theta, seed, sample);
    }

    @Override
    public GradientEstimate finish(EstimateChunk all, long nanos) {
        return estimator.finish(all, nanos);
    }

    @Override
    public String name() {
        return estimator.name();
    }

    /**
     * @param threads ignored beyond its check: the cluster's executors run the chunks
     * @return this estimator (its estimates do not depend on threads)
     */
    @Override
    public Estimator withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is less than 1");
        }
        return this;
    }

    @Override
    public String toString() {
        return name() + " on Spark " + cluster.settings().master();
    }

    /**
     * A recipe that hands out a serializable program itself.
     *
     * @param program the program
     */
    private record Given(StochasticProgram program) implements Recipe<StochasticProgram> {
        @Override
        public StochasticProgram make() {
            return program;
        }
    }

    /** Chunk c of an estimate: samples c·s … min(n, (c+1)·s) − 1 by the estimator's own chunk code. */
    private static final class ChunkOfSamples implements ChunkTask<EstimateChunk> {
        private final ChunkedEstimator estimator;
        private final Recipe<? extends StochasticProgram> recipe;
        private final double[] theta;
        private final long seed;
        private final int samples;
        private transient StochasticProgram program;

        ChunkOfSamples(ChunkedEstimator estimator, Recipe<? extends StochasticProgram> recipe, double[] theta,
                       long seed, int samples) {
            this.estimator = estimator;
            this.recipe = recipe;
            this.theta = theta;
            this.seed = seed;
            this.samples = samples;
        }

        @Override
        public EstimateChunk run(long chunk) {
            if (program == null) {
                program = recipe.make();
            }
            long first = chunk * CHUNK_SIZE;
            return estimator.chunk(program, theta, seed, first, (int) Math.min(CHUNK_SIZE, samples - first));
        }
    }

    /** Chunk c of a Jacobian estimate, by the estimator's own {@link ChunkedEstimator#jacobianChunk}. */
    private static final class JacobianChunkOfSamples implements ChunkTask<EstimateChunk> {
        private final ChunkedEstimator estimator;
        private final VectorProgram program;
        private final double[] theta;
        private final long seed;
        private final int samples;

        JacobianChunkOfSamples(ChunkedEstimator estimator, VectorProgram program, double[] theta, long seed,
                               int samples) {
            this.estimator = estimator;
            this.program = program;
            this.theta = theta;
            this.seed = seed;
            this.samples = samples;
        }

        @Override
        public EstimateChunk run(long chunk) {
            long first = chunk * CHUNK_SIZE;
            return estimator.jacobianChunk(program, theta, seed, first, (int) Math.min(CHUNK_SIZE, samples - first));
        }
    }
}
