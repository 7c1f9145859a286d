package org.stochad.optim;

import java.util.Locale;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.Seeds;
import org.stochad.StochasticProgram;

/**
 * The loop shared by the optimisers: evaluate, clip, update, clamp to bounds, record; the update
 * rule itself is the subclass's.
 */
abstract class GradientStep implements Optimizer {

    /**
     * What every optimiser is configured with.
     *
     * @param learningRate    the step size η at the first step
     * @param lower           lower bounds, or null
     * @param upper           upper bounds, or null
     * @param maxGradientNorm the largest gradient norm passed to the update
     * @param decay           the step size falls linearly by this fraction of η over the run (0: constant)
     * @param listener        told the progress after every step
     */
    record Config(double learningRate, double[] lower, double[] upper, double maxGradientNorm, double decay,
                  ProgressListener listener) {

        Config {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate = " + learningRate + " is not a finite number > 0");
            }
            if (!(maxGradientNorm > 0)) {
                throw new IllegalArgumentException("maxGradientNorm = " + maxGradientNorm + " is not > 0");
            }
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("decay = " + decay + " is outside [0, 1)");
            }
            if (listener == null) {
                throw new IllegalArgumentException("listener = null");
            }
            lower = lower == null ? null : lower.clone();
            upper = upper == null ? null : upper.clone();
        }

        static Config of(double learningRate) {
            return new Config(learningRate, null, null, Double.POSITIVE_INFINITY, 0, ProgressListener.none());
        }

        Config bounds(double[] lo, double[] hi) {
            return new Config(learningRate, lo, hi, maxGradientNorm, decay, listener);
        }

        Config clip(double maxNorm) {
            return new Config(learningRate, lower, upper, maxNorm, decay, listener);
        }

        Config decay(double fall) {
            return new Config(learningRate, lower, upper, maxGradientNorm, fall, listener);
        }

        Config listener(ProgressListener l) {
            return new Config(learningRate, lower, upper, maxGradientNorm, decay, l);
        }

        /** The step size at step t (from 0) of a run of the given length. */
        double rate(int t, int steps) {
            return decay == 0 ? learningRate : learningRate * (1 - decay * t / Math.max(1.0, steps - 1));
        }
    }

    final Config config;

    GradientStep(Config config) {
        this.config = config;
    }

    /** The update state of one optimisation. */
    interface Update {
        /**
         * @param theta parameters, updated in place
         * @param gradient the (clipped) gradient
         * @param t step, from 1
         * @param rate the step size of this step
         */
        void apply(double[] theta, double[] gradient, int t, double rate);
    }

    abstract Update newUpdate(int k);

    /** @return the optimiser's name, for progress reports */
    abstract String name();

    @Override
    public OptimizationResult minimize(StochasticProgram loss, Estimator estimator, double[] start, int steps,
                                       int samplesPerStep, long seed) {
        if (steps >= 1 && samplesPerStep < 2) {
            throw new IllegalArgumentException("samplesPerStep = " + samplesPerStep + " is less than 2");
        }
        return minimize((theta, t) -> {
            GradientEstimate g = estimator.estimate(loss, theta, samplesPerStep,
                    Seeds.derive(seed, t));
            return new Objective.Evaluation(g.value(), g.mean());
        }, start, steps);
    }

    @Override
    public OptimizationResult minimize(Objective objective, double[] start, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " is less than 1");
        }
        if (objective == null || start == null) {
            throw new IllegalArgumentException("objective = " + objective + ", start = " + start);
        }
        checkBounds(start.length);
        long begin = System.nanoTime();
        double[] theta = clamp(start.clone());
        double[][] path = new double[steps + 1][];
        double[] losses = new double[steps];
        path[0] = theta.clone();
        Update update = newUpdate(theta.length);
        ProgressListener progress = config.listener();
        progress.start(name(), steps);
        try {
            for (int t = 0; t < steps; t++) {
                Objective.Evaluation g = objective.evaluate(theta.clone(), t);
                double[] grad = g.gradient();
                if (grad.length != theta.length) {
                    throw new IllegalArgumentException("gradient length = " + grad.length + ", parameters "
                            + theta.length);
                }
                losses[t] = g.loss();
                update.apply(theta, clip(grad), t + 1, config.rate(t, steps));
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
        if (norm > config.maxGradientNorm()) {
            for (int j = 0; j < g.length; j++) {
                g[j] *= config.maxGradientNorm() / norm;
            }
        }
        return g;
    }

    private double[] clamp(double[] theta) {
        for (int j = 0; j < theta.length; j++) {
            if (config.lower() != null) {
                theta[j] = Math.max(theta[j], config.lower()[j]);
            }
            if (config.upper() != null) {
                theta[j] = Math.min(theta[j], config.upper()[j]);
            }
        }
        return theta;
    }

    private void checkBounds(int k) {
        if (config.lower() != null && config.lower().length != k) {
            throw new IllegalArgumentException("lower bounds have length " + config.lower().length + ", parameters "
                    + k);
        }
        if (config.upper() != null && config.upper().length != k) {
            throw new IllegalArgumentException("upper bounds have length " + config.upper().length + ", parameters "
                    + k);
        }
    }
}
