package org.stochad;

/**
 * A program with several outputs — every bin of a histogram, say — whose expectations are
 * differentiated together: one estimate ({@link Estimator#jacobian}) gives the Jacobian
 * ∂E[f_i]/∂θ_j of all outputs with respect to all parameters from the same runs.
 *
 * <p>Like a {@link StochasticProgram} it must be deterministic given the sampler's streams, and
 * it must return the same number of outputs on every run.
 */
@FunctionalInterface
public interface VectorProgram {

    /**
     * Runs the program once.
     *
     * @param sampler the source of all randomness
     * @param theta   the parameters, carrying their tangents
     * @return the program's outputs f_0(θ) … f_{m−1}(θ), m &ge; 1, the same m on every run
     */
    StochasticTriple[] run(Sampler sampler, StochasticTriple[] theta);
}
