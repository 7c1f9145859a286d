package org.stochad;

/**
 * A program with random choices whose expectation is to be differentiated.
 *
 * <p>It must be deterministic given the sampler's streams: every random number comes from
 * {@code sampler} or its forks, never from a clock, a global generator or shared mutable state.
 */
@FunctionalInterface
public interface StochasticProgram {

    /**
     * Runs the program once.
     *
     * @param sampler the source of all randomness
     * @param theta   the parameters, carrying their tangents
     * @return the program's output f(θ)
     */
    StochasticTriple run(Sampler sampler, StochasticTriple[] theta);
}
