package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;

/**
 * Central finite differences (f(θ + h·e_j) − f(θ − h·e_j)) / 2h with common random numbers:
 * both sides of a sample read the same streams. Biased by O(h²) and, for discrete programs,
 * of variance O(1/h) — the baseline the other estimators are measured against.
 */
public final class FiniteDifferenceEstimator extends SampleEstimator {

    private final double h;

    /**
     * @param h           the step, &gt; 0
     * @param parallelism worker threads
     */
    public FiniteDifferenceEstimator(double h, int parallelism) {
        super(parallelism);
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("h = " + h + " is not a finite number > 0");
        }
        this.h = h;
    }

    @Override
    protected SampleRow sample(StochasticProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        SampleRow row = SampleRow.of(run(program, theta, seed, sample), k);
        for (int j = 0; j < k; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            row.gradient[j] = (run(program, plus, seed, sample) - run(program, minus, seed, sample)) / (2 * h);
        }
        return row;
    }

    private static double run(StochasticProgram program, double[] theta, long seed, int sample) {
        return checkedOutput(program.run(sampler(PrimalRule.INSTANCE, seed, sample), seeded(theta, 0))).value();
    }

    @Override
    public String name() {
        return "finite difference (h=" + h + ")";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new FiniteDifferenceEstimator(h, threads);
    }
}
