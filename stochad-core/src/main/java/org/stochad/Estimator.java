package org.stochad;

/** A way to estimate ∇θ E[f(θ)] of a {@link StochasticProgram} from independent samples. */
public interface Estimator {

    /**
     * Estimates the gradient.
     *
     * @param program the program
     * @param theta   the parameter point (k components give a k-vector gradient)
     * @param samples the number of independent samples
     * @param seed    the seed; sample i uses only streams derived from (seed, i)
     * @return the estimate
     * @throws IllegalArgumentException for bad arguments, or when the program passes a bad
     *                                  parameter to the sampler
     */
    GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed);

    /**
     * Estimates the gradient with the sample count and seed named in a request, so they cannot
     * be swapped: {@code estimate(program, θ, EstimateRequest.samples(10_000).seed(42))}. The
     * built-in estimators report progress per chunk of samples to the request's listener; this
     * default reports the whole estimate as one unit.
     *
     * @param program the program
     * @param theta   the parameter point (k components give a k-vector gradient)
     * @param request the number of samples, the seed and the progress listener
     * @return the estimate, equal to {@code estimate(program, theta, request.samples(), request.seed())}
     * @throws IllegalArgumentException for bad arguments, or when the program passes a bad
     *                                  parameter to the sampler
     */
    default GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        ProgressListener progress = request.progress();
        progress.start(name(), 1);
        try {
            GradientEstimate g = estimate(program, theta, request.samples(), request.seed());
            progress.advance(1, "");
            return g;
        } finally {
            progress.finish();
        }
    }

    /** @return a short human-readable name, for tables and plots */
    String name();

    /**
     * @param threads the number of worker threads (1 runs on the caller's thread)
     * @return the same estimator running on that many threads; results do not depend on it
     */
    Estimator withParallelism(int threads);
}
