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

    /** @return a short human-readable name, for tables and plots */
    String name();

    /**
     * @param threads the number of worker threads (1 runs on the caller's thread)
     * @return the same estimator running on that many threads; results do not depend on it
     */
    Estimator withParallelism(int threads);
}
