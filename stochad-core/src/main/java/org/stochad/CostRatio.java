package org.stochad;

/**
 * What an estimator costs relative to running the program plainly ({@link Estimators#primal()}):
 * wall time of the estimate over wall time of the same samples run with no derivative
 * bookkeeping, both on one thread, after one untimed warm-up of each.
 *
 * <p>{@code CostRatio.measure(Estimators.stochasticAd(), program, θ, EstimateRequest.samples(10_000).seed(1))}
 * gives e.g. {@code stochastic AD (replay, m=1): 2.9× the primal run (31.0 ms vs 10.7 ms)}.
 * A single measurement on a busy machine is noisy; repeat it, or use the JMH benchmarks for
 * publishable numbers.
 *
 * @param estimator      the estimator's name
 * @param estimatorNanos the wall time of its estimate
 * @param primalNanos    the wall time of the plain runs of the same samples
 */
public record CostRatio(String estimator, long estimatorNanos, long primalNanos) {

    /** @return estimatorNanos / primalNanos */
    public double ratio() {
        return (double) estimatorNanos / Math.max(1, primalNanos);
    }

    /**
     * Measures the ratio on one thread.
     *
     * @param estimator the estimator
     * @param program   the program
     * @param theta     the parameter point
     * @param request   the samples and seed of both runs (its progress listener is not used)
     * @return the measured times
     * @throws IllegalArgumentException for bad arguments
     */
    public static CostRatio measure(Estimator estimator, StochasticProgram program, double[] theta,
                                    EstimateRequest request) {
        if (estimator == null) {
            throw new IllegalArgumentException("estimator = null");
        }
        Estimator single = estimator.withParallelism(1);
        Estimator primal = Estimators.primal().withParallelism(1);
        int warmUp = Math.min(request.samples(), 1000);
        single.estimate(program, theta, warmUp, request.seed());
        primal.estimate(program, theta, warmUp, request.seed());
        long t0 = System.nanoTime();
        single.estimate(program, theta, request.samples(), request.seed());
        long t1 = System.nanoTime();
        primal.estimate(program, theta, request.samples(), request.seed());
        long t2 = System.nanoTime();
        return new CostRatio(estimator.name(), t1 - t0, t2 - t1);
    }

    /** @return e.g. {@code hybrid SAD/score (m=1): 3.1× the primal run (31.0 ms vs 10.0 ms)} */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %.2f× the primal run (%.1f ms vs %.1f ms)", estimator, ratio(),
                estimatorNanos / 1e6, primalNanos / 1e6);
    }
}
