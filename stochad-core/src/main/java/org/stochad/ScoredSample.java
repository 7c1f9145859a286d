package org.stochad;

/**
 * One sample of a score-function estimator: the value f of the run, its pathwise derivative
 * ∂f/∂θ along each parameter, and the score S = ∂θ log p of the run's random choices.
 *
 * @param value    f
 * @param pathwise ∂f/∂θ_j, one component per parameter
 * @param score    S_j, one component per parameter
 */
public record ScoredSample(double value, double[] pathwise, double[] score) {

    /**
     * Copies the arrays.
     *
     * @param value    f
     * @param pathwise ∂f/∂θ_j, one component per parameter
     * @param score    S_j, one component per parameter
     */
    public ScoredSample {
        if (pathwise == null || score == null || pathwise.length != score.length) {
            throw new IllegalArgumentException("pathwise and score must have the same length, not "
                    + (pathwise == null ? "null" : pathwise.length) + " and " + (score == null ? "null" : score.length));
        }
        pathwise = pathwise.clone();
        score = score.clone();
    }

    /** @return a copy of pathwise */
    @Override
    public double[] pathwise() {
        return pathwise.clone();
    }

    /** @return a copy of score */
    @Override
    public double[] score() {
        return score.clone();
    }
}
