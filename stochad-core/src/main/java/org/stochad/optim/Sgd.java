package org.stochad.optim;

import org.stochad.ProgressListener;

/** Plain stochastic gradient descent θ ← θ − η·g, with optional momentum, clipping and bounds. */
public final class Sgd extends GradientStep {

    private final double momentum;

    private Sgd(Config config, double momentum) {
        super(config);
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
        return new Sgd(Config.of(learningRate), 0);
    }

    /**
     * @param mu the momentum in [0, 1)
     * @return this optimiser with heavy-ball momentum
     */
    public Sgd withMomentum(double mu) {
        return new Sgd(config, mu);
    }

    /**
     * @param lo lower bounds (or null)
     * @param hi upper bounds (or null)
     * @return this optimiser with box bounds
     */
    public Sgd withBounds(double[] lo, double[] hi) {
        return new Sgd(config.bounds(lo, hi), momentum);
    }

    /**
     * @param maxNorm the largest gradient norm passed to the update
     * @return this optimiser with clipping
     */
    public Sgd withClip(double maxNorm) {
        return new Sgd(config.clip(maxNorm), momentum);
    }

    /**
     * @param fall the fraction of η by which the step size falls, linearly, from the first step to the last
     * @return this optimiser with a linearly decaying step size
     */
    public Sgd withLinearDecay(double fall) {
        return new Sgd(config.decay(fall), momentum);
    }

    /**
     * @param listener told the progress after every step
     * @return this optimiser reporting to that listener
     */
    public Sgd withProgress(ProgressListener listener) {
        return new Sgd(config.listener(listener), momentum);
    }

    @Override
    Update newUpdate(int k) {
        double[] velocity = new double[k];
        return (theta, g, t, rate) -> {
            for (int j = 0; j < k; j++) {
                velocity[j] = momentum * velocity[j] + g[j];
                theta[j] -= rate * velocity[j];
            }
        };
    }

    @Override
    String name() {
        return "SGD";
    }
}
