package org.stochad;

/**
 * An {@link Estimator} whose estimate is a left fold of per-chunk sums: the face a distributed
 * engine uses to run chunks of sample indices elsewhere and merge them in index order. Every
 * built-in estimator is one.
 *
 * <p>{@code estimate(program, θ, n, seed)} equals, bit for bit,
 * {@code finish(chunk(0, s) ⊕ chunk(s, s) ⊕ … ⊕ chunk(⌊(n−1)/s⌋·s, rest))} with
 * s = {@link #CHUNK_SIZE} and ⊕ = {@link EstimateChunk#merge} applied from left to right.
 */
public interface ChunkedEstimator extends Estimator {

    /** The number of consecutive samples per chunk (the last chunk of an estimate may be shorter). */
    int CHUNK_SIZE = 4096;

    /**
     * Runs samples {@code first … first + count − 1} of an estimate.
     *
     * @param program the program
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @param first   the first sample index, &ge; 0
     * @param count   the number of samples, &ge; 1
     * @return their sums
     * @throws IllegalArgumentException for bad arguments, or when the program passes a bad
     *                                  parameter to the sampler
     * @throws IllegalStateException    when a sample's output is NaN or infinite (the message
     *                                  names the sample index and the seed)
     */
    EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count);

    /**
     * The estimate of one sample on its own — to look at a single run, e.g. to draw its primal and
     * alternative worlds. Its standard error and variance are NaN (one sample has no spread).
     *
     * @param program the program
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @param sample  the sample index, &ge; 0
     * @return sample {@code sample} of an estimate with {@code seed}, as an estimate of one sample
     * @throws IllegalArgumentException for bad arguments
     * @throws IllegalStateException    for the score function with baseline and the hybrid, whose
     *                                  per-sample estimates need the other samples
     */
    GradientEstimate sampleEstimate(StochasticProgram program, double[] theta, long seed, long sample);

    /**
     * @param all   the merged sums of samples 0 … n − 1, n &ge; 2
     * @param nanos the wall time to report
     * @return the estimate
     * @throws IllegalArgumentException when {@code all} does not start at sample 0, holds fewer
     *                                  than 2 samples or comes from another kind of estimator
     */
    GradientEstimate finish(EstimateChunk all, long nanos);

    /**
     * Runs samples {@code first … first + count − 1} of a Jacobian estimate
     * ({@link #jacobian(VectorProgram, double[], EstimateRequest)}): {@code jacobian(program, θ, n, seed)}
     * equals, bit for bit, {@link #finishJacobian} of the chunks merged in index order, as for
     * {@link #chunk}.
     *
     * @param program the program with several outputs
     * @param theta   the parameter point
     * @param seed    the estimate's seed
     * @param first   the first sample index, &ge; 0
     * @param count   the number of samples, &ge; 1
     * @return their sums
     * @throws IllegalArgumentException      for bad arguments
     * @throws UnsupportedOperationException for an estimator of scalar programs only (this default)
     */
    default EstimateChunk jacobianChunk(VectorProgram program, double[] theta, long seed, long first, int count) {
        throw new UnsupportedOperationException(name() + " estimates scalar programs only (no Jacobian chunks)");
    }

    /**
     * @param all   the merged sums of samples 0 … n − 1 of a Jacobian estimate, n &ge; 2
     * @param nanos the wall time to report
     * @return the Jacobian estimate
     * @throws IllegalArgumentException      when {@code all} does not start at sample 0, holds fewer
     *                                       than 2 samples or comes from another kind of estimator
     * @throws UnsupportedOperationException for an estimator of scalar programs only (this default)
     */
    default JacobianEstimate finishJacobian(EstimateChunk all, long nanos) {
        throw new UnsupportedOperationException(name() + " estimates scalar programs only (no Jacobian)");
    }
}
