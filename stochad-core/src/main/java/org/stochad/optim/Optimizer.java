package org.stochad.optim;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;

/**
 * A stochastic-gradient method that minimises E[loss(θ)] with gradients from an {@link Estimator}, or any
 * (loss, gradient) function.
 */
public interface Optimizer {

    /**
     * @param loss           the program whose expectation is minimised
     * @param estimator      the gradient estimator
     * @param start          the starting parameters
     * @param steps          the number of steps
     * @param samplesPerStep samples per gradient estimate
     * @param seed           the seed; step t uses a seed derived from (seed, t)
     * @return the trajectory
     */
    OptimizationResult minimize(StochasticProgram loss, Estimator estimator, double[] start, int steps,
                                int samplesPerStep, long seed);

    /**
     * @param objective the loss and its gradient at a point
     * @param start     the starting parameters
     * @param steps     the number of steps
     * @return the trajectory: the parameters before each step and after the last, the loss at each step's start
     */
    OptimizationResult minimize(Objective objective, double[] start, int steps);
}
