package org.stochad;

/**
 * A program that can compute one sample of the score-function estimator itself — f, its pathwise
 * derivative and the score Σ ∂θ ln p of its draws — bit for bit as {@link Estimators#scoreFunction()}
 * computes it by running the program on triples, but without them (say, on plain doubles).
 * The score-function estimators (with and without baseline) ask for this sample first and run the
 * program only where it returns null.
 */
public interface ScoredProgram extends StochasticProgram {

    /**
     * One score-function sample, drawing from the program's root stream of (seed, sample)
     * ({@link Samplers#primalStream(long, long)}), exactly as a run of {@link #run} under the
     * score-function estimator would.
     *
     * @param theta  the parameter point
     * @param seed   the estimate's seed
     * @param sample the sample index
     * @return f, ∂f/∂θ (pathwise) and the score, one component per parameter; or null when this
     *         sample must be computed by running the program
     */
    ScoredSample scoredSample(double[] theta, long seed, long sample);
}
