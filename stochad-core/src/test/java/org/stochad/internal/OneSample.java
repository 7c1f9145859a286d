package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.StochasticProgram;

/** Test access to a single sample of a built-in estimator, which a public estimate (n &ge; 2) no longer gives. */
public final class OneSample {

    private OneSample() {
    }

    /**
     * @param estimator a built-in estimator with a plain reduction (stochastic AD, finite differences)
     * @param program   the program
     * @param theta     the parameter point
     * @param seed      the seed
     * @param sample    the sample index
     * @return sample {@code sample} as a one-sample estimate (zero variance)
     */
    public static GradientEstimate of(Estimator estimator, StochasticProgram program, double[] theta, long seed,
                                      int sample) {
        SampleRow row = ((SampleEstimator) estimator).sample(program, theta, seed, sample);
        double[] x = new double[theta.length];
        row.features(SampleSums.Reduction.PLAIN, x);
        return new GradientEstimate(row.value, x, new double[x.length], new double[x.length], 1, 0);
    }
}
