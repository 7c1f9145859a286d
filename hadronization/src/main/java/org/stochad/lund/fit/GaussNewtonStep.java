package org.stochad.lund.fit;

/**
 * Damped stochastic Gauss–Newton in (a, b): θ ← θ − η·Ā⁻¹·∇L/2, Ā the running mean (over the
 * previous steps, so independent of this step's gradient) of the χ² loss's Gauss–Newton metric
 * Σ_k W_k J_k J_kᵀ ({@link LossCurvature}); η = {@link #GAIN} for the first quarter of the steps,
 * then falling as 1/t (Robbins–Monro: the later iterates average the noisy steps), each step capped
 * at {@link #MAX_STEP} per parameter. The metric rescales each direction of the (a, b) valley by
 * its own curvature, so the shallow direction along the valley is travelled as fast as the steep
 * one across it. A Lund-specific stepper: the metric is the χ²'s, estimated with the loss.
 */
final class GaussNewtonStep {

    /**
     * The initial gain η: at constant η the iterates fluctuate by √(η/(2 − η)) of one full step's
     * noise.
     */
    static final double GAIN = 0.5;

    /** The largest change of a or b in one step (a trust region far from the minimum). */
    static final double MAX_STEP = 0.1;

    /** Weight of the newest metric in the running mean Ā. */
    static final double METRIC_MEMORY = 0.2;

    /** The loss, its gradient and the Gauss–Newton metric at one point. */
    record Evaluation(double loss, double[] gradient, double[][] metric) {
    }

    /** The function minimised. */
    interface Objective {
        Evaluation evaluate(double[] theta, int step);
    }

    private GaussNewtonStep() {
    }

    /**
     * @param objective the loss, gradient and metric
     * @param start     (a, b), clamped to the bounds
     * @param steps     the number of steps
     * @param lower     lower bounds
     * @param upper     upper bounds
     * @return the parameters before each step and after the last (steps + 1 rows) and the loss at each step
     */
    static double[][][] minimize(Objective objective, double[] start, int steps, double[] lower, double[] upper) {
        double[] theta = {clamp(start[0], lower[0], upper[0]), clamp(start[1], lower[1], upper[1])};
        double[][] path = new double[steps + 1][];
        double[] losses = new double[steps];
        double[][] mean = new double[2][2];
        path[0] = theta.clone();
        for (int t = 0; t < steps; t++) {
            Evaluation r = objective.evaluate(theta.clone(), t);
            losses[t] = r.loss();
            double[][] now = r.metric();
            double[][] use = t == 0 ? now : mean;
            double det = use[0][0] * use[1][1] - use[0][1] * use[1][0];
            double[] g = r.gradient();
            double[] d = new double[2];
            double gain = GAIN / Math.max(1, t / (0.25 * steps));
            if (det > 0 && use[0][0] > 0) {
                d[0] = -gain * 0.5 * (use[1][1] * g[0] - use[0][1] * g[1]) / det;
                d[1] = -gain * 0.5 * (-use[1][0] * g[0] + use[0][0] * g[1]) / det;
            }
            double largest = Math.max(Math.abs(d[0]), Math.abs(d[1]));
            if (largest > MAX_STEP) {
                d[0] *= MAX_STEP / largest;
                d[1] *= MAX_STEP / largest;
            }
            double w = t == 0 ? 1 : METRIC_MEMORY;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    mean[i][j] = (1 - w) * mean[i][j] + w * now[i][j];
                }
            }
            for (int j = 0; j < 2; j++) {
                theta[j] = clamp(theta[j] + d[j], lower[j], upper[j]);
            }
            path[t + 1] = theta.clone();
        }
        return new double[][][] {path, {losses}};
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
