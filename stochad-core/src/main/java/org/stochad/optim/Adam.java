package org.stochad.optim;

import org.stochad.ProgressListener;

/**
 * Adam (Kingma &amp; Ba) with bias correction: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η·m̂/(√v̂ + ε); defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Optional gradient-norm clipping
 * and box bounds on the parameters.
 */
public final class Adam extends GradientStep {

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adam(double learningRate, double beta1, double beta2, double epsilon, double[] lower, double[] upper,
                 double maxGradientNorm, ProgressListener progress) {
        super(learningRate, lower, upper, maxGradientNorm, progress);
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
        return new Adam(learningRate, 0.9, 0.999, 1e-8, null, null, Double.POSITIVE_INFINITY, ProgressListener.none());
    }

    /**
     * @param b1 β₁
     * @param b2 β₂
     * @return this optimiser with those decay rates
     */
    public Adam withBetas(double b1, double b2) {
        return new Adam(learningRate, b1, b2, epsilon, lower, upper, maxGradientNorm, progress);
    }

    /**
     * @param lo lower bounds (or null)
     * @param hi upper bounds (or null)
     * @return this optimiser with box bounds
     */
    public Adam withBounds(double[] lo, double[] hi) {
        return new Adam(learningRate, beta1, beta2, epsilon, lo, hi, maxGradientNorm, progress);
    }

    /**
     * @param maxNorm the largest gradient norm passed to the update
     * @return this optimiser with clipping
     */
    public Adam withClip(double maxNorm) {
        return new Adam(learningRate, beta1, beta2, epsilon, lower, upper, maxNorm, progress);
    }

    /**
     * @param listener receives one step of progress per optimisation step
     * @return this optimiser reporting to that listener
     */
    public Adam withProgress(ProgressListener listener) {
        return new Adam(learningRate, beta1, beta2, epsilon, lower, upper, maxGradientNorm, listener);
    }

    @Override
    Update newUpdate(int k) {
        double[] m = new double[k];
        double[] v = new double[k];
        return (theta, g, t) -> {
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            for (int j = 0; j < k; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                theta[j] -= learningRate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + epsilon);
            }
        };
    }

    @Override
    String name() {
        return "Adam";
    }
}
