package org.stochad.optim;

import org.stochad.ProgressListener;

/** Plain stochastic gradient descent θ ← θ − η·g, with optional momentum, clipping and bounds. */
public final class Sgd extends GradientStep {

    private final double momentum;

    private Sgd(double learningRate, double momentum, double[] lower, double[] upper, double maxGradientNorm,
                ProgressListener progress) {
        super(learningRate, lower, upper, maxGradientNorm, progress);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum = " + momentum + " is outside [0, 1)");
        }
        this.momentum = momentum;
    }

    /**
     * @param learningRate the step size η
     * @return SGD without momentum
     */
    public static Sgd of(double learningRate) {
        return new Sgd(learningRate, 0, null, null, Double.POSITIVE_INFINITY, ProgressListener.none());
    }

    /**
     * @param mu the momentum in [0, 1)
     * @return this optimiser with heavy-ball momentum
     */
    public Sgd withMomentum(double mu) {
        return new Sgd(learningRate, mu, lower, upper, maxGradientNorm, progress);
    }

    /**
     * @param lo lower bounds (or null)
     * @param hi upper bounds (or null)
     * @return this optimiser with box bounds
     */
    public Sgd withBounds(double[] lo, double[] hi) {
        return new Sgd(learningRate, momentum, lo, hi, maxGradientNorm, progress);
    }

    /**
     * @param maxNorm the largest gradient norm passed to the update
     * @return this optimiser with clipping
     */
    public Sgd withClip(double maxNorm) {
        return new Sgd(learningRate, momentum, lower, upper, maxNorm, progress);
    }

    /**
     * @param listener receives one step of progress per optimisation step
     * @return this optimiser reporting to that listener
     */
    public Sgd withProgress(ProgressListener listener) {
        return new Sgd(learningRate, momentum, lower, upper, maxGradientNorm, listener);
    }

    @Override
    Update newUpdate(int k) {
        double[] velocity = new double[k];
        return (theta, g, t) -> {
            for (int j = 0; j < k; j++) {
                velocity[j] = momentum * velocity[j] + g[j];
                theta[j] -= learningRate * velocity[j];
            }
        };
    }

    @Override
    String name() {
        return "SGD";
    }
}
