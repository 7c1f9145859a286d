package org.stochad.optim;

import java.util.Locale;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.Seeds;
import org.stochad.StochasticProgram;

/**
 * The loop shared by the optimisers: estimate, clip, update, clamp to bounds, record; the update
 * rule itself is the subclass's.
 */
abstract class GradientStep implements Optimizer {

    final double learningRate;
    final double[] lower;
    final double[] upper;
    final double maxGradientNorm;
    final ProgressListener progress;

    GradientStep(double learningRate, double[] lower, double[] upper, double maxGradientNorm,
                 ProgressListener progress) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " is not a finite number > 0");
        }
        if (!(maxGradientNorm > 0)) {
            throw new IllegalArgumentException("maxGradientNorm = " + maxGradientNorm + " is not > 0");
        }
        this.learningRate = learningRate;
        this.lower = lower == null ? null : lower.clone();
        this.upper = upper == null ? null : upper.clone();
        this.maxGradientNorm = maxGradientNorm;
        if (progress == null) {
            throw new IllegalArgumentException("progress = null");
        }
        this.progress = progress;
    }

    /** The update state of one optimisation. */
    interface Update {
        /**
         * @param theta parameters, updated in place
         * @param gradient the (clipped) gradient
         * @param t step, from 1
         */
        void apply(double[] theta, double[] gradient, int t);
    }

    abstract Update newUpdate(int k);

    abstract String name();

    @Override
    public OptimizationResult minimize(StochasticProgram loss, Estimator estimator, double[] start, int steps,
                                       int samplesPerStep, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " is less than 1");
        }
        if (samplesPerStep < 1) {
            throw new IllegalArgumentException("samplesPerStep = " + samplesPerStep + " is less than 1");
        }
        checkBounds(start.length);
        long begin = System.nanoTime();
        double[] theta = clamp(start.clone());
        double[][] path = new double[steps + 1][];
        double[] losses = new double[steps];
        path[0] = theta.clone();
        Update update = newUpdate(theta.length);
        progress.start(name(), steps);
        try {
            for (int t = 0; t < steps; t++) {
                GradientEstimate g = estimator.estimate(loss, theta, samplesPerStep, Seeds.derive(seed, t));
                losses[t] = g.value();
                double[] grad = clip(g.mean());
                update.apply(theta, grad, t + 1);
                clamp(theta);
                path[t + 1] = theta.clone();
                progress.advance(t + 1, String.format(Locale.ROOT, "loss %.4g", losses[t]));
            }
        } finally {
            progress.finish();
        }
        return new OptimizationResult(path, losses, System.nanoTime() - begin);
    }

    private double[] clip(double[] g) {
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > maxGradientNorm) {
            for (int j = 0; j < g.length; j++) {
                g[j] *= maxGradientNorm / norm;
            }
        }
        return g;
    }

    private double[] clamp(double[] theta) {
        for (int j = 0; j < theta.length; j++) {
            if (lower != null) {
                theta[j] = Math.max(theta[j], lower[j]);
            }
            if (upper != null) {
                theta[j] = Math.min(theta[j], upper[j]);
            }
        }
        return theta;
    }

    private void checkBounds(int k) {
        if (lower != null && lower.length != k) {
            throw new IllegalArgumentException("lower bounds have length " + lower.length + ", parameters " + k);
        }
        if (upper != null && upper.length != k) {
            throw new IllegalArgumentException("upper bounds have length " + upper.length + ", parameters " + k);
        }
    }
}
