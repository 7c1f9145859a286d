package org.stochad.optim;

import org.stochad.ProgressListener;

/**
 * Adam (Kingma &amp; Ba) with bias correction: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η·m̂/(√v̂ + ε); defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Optional gradient-norm clipping
 * and box bounds on the parameters, and an optional linear decay of η over the run.
 */
public final class Adam extends GradientStep {

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adam(Config config, double beta1, double beta2, double epsilon) {
        super(config);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 = " + beta1 + " is outside [0, 1)");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 = " + beta2 + " is outside [0, 1)");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * @param learningRate the step size η
     * @return Adam with the usual defaults
     */
    public static Adam of(double learningRate) {
        return new Adam(Config.of(learningRate), 0.9, 0.999, 1e-8);
    }

    /**
     * @param b1 β₁
     * @param b2 β₂
     * @return this optimiser with those decay rates
     */
    public Adam withBetas(double b1, double b2) {
        return new Adam(config, b1, b2, epsilon);
    }

    /**
     * @param lo lower bounds (or null)
     * @param hi upper bounds (or null)
     * @return this optimiser with box bounds
     */
    public Adam withBounds(double[] lo, double[] hi) {
        return new Adam(config.bounds(lo, hi), beta1, beta2, epsilon);
    }

    /**
     * @param maxNorm the largest gradient norm passed to the update
     * @return this optimiser with clipping
     */
    public Adam withClip(double maxNorm) {
        return new Adam(config.clip(maxNorm), beta1, beta2, epsilon);
    }

    /**
     * @param fall the fraction of η by which the step size falls, linearly, from the first step to the last
     *             (0.9: to 10 %)
     * @return this optimiser with a linearly decaying step size
     */
    public Adam withLinearDecay(double fall) {
        return new Adam(config.decay(fall), beta1, beta2, epsilon);
    }

    /**
     * @param listener told the progress after every step
     * @return this optimiser reporting to that listener
     */
    public Adam withProgress(ProgressListener listener) {
        return new Adam(config.listener(listener), beta1, beta2, epsilon);
    }

    @Override
    Update newUpdate(int k) {
        double[] m = new double[k];
        double[] v = new double[k];
        return (theta, g, t, rate) -> {
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            for (int j = 0; j < k; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                theta[j] -= rate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + epsilon);
            }
        };
    }

    @Override
    String name() {
        return "Adam";
    }
}
