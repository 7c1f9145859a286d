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

    /**
     * Estimates the Jacobian ∂E[f_i]/∂θ_j of a program with several outputs from one set of runs:
     * every output is differentiated along every parameter with the same samples, each entry with
     * its own standard error, in constant memory like a scalar estimate. Stochastic AD by replay
     * replays one shared alternative per sample for every output; the score function subtracts a
     * baseline per output. For one output it equals {@link #estimate(StochasticProgram, double[],
     * EstimateRequest)} of that output bit for bit.
     *
     * @param program the program
     * @param theta   the parameter point (k components give an m × k Jacobian)
     * @param request the number of samples, the seed and the progress listener
     * @return the estimate
     * @throws IllegalArgumentException      for bad arguments, or when the program passes a bad
     *                                       parameter to the sampler
     * @throws UnsupportedOperationException for an estimator of scalar programs only (this default)
     */
    default JacobianEstimate jacobian(VectorProgram program, double[] theta, EstimateRequest request) {
        throw new UnsupportedOperationException(name() + " estimates scalar programs only (no Jacobian)");
    }

    /**
     * Estimates the directional derivative d/dt E[f(θ + t·u)] at t = 0 at the cost of one
     * parameter: the program sees θ_j + t·u_j, i.e. the parameters with the tangents u, so
     * propagation runs once instead of k times, the score and finite differences move along u
     * only. The result has one component.
     *
     * @param program the program
     * @param theta   the parameter point
     * @param u       the direction, one component per parameter (not normalised)
     * @param request the number of samples, the seed and the progress listener
     * @return the estimate of ∇E[f]·u, as a one-component estimate
     * @throws IllegalArgumentException for bad arguments, or when the program passes a bad
     *                                  parameter to the sampler
     */
    default GradientEstimate directional(StochasticProgram program, double[] theta, double[] u,
                                         EstimateRequest request) {
        return estimate(Directional.along(program, theta, u), new double[] {0}, request);
    }

    /** @return a short human-readable name, for tables and plots */
    String name();

    /**
     * @param threads the number of worker threads (1 runs on the caller's thread)
     * @return the same estimator running on that many threads; results do not depend on it
     */
    Estimator withParallelism(int threads);
}
