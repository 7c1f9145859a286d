package org.stochad.engine;

import org.stochad.Estimator;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;

/**
 * Stochastic AD and the score function from the same primal run, mixed per component with the
 * weight that minimises their combined variance: λ·SAD + (1 − λ)·SF.
 *
 * <p>Both are unbiased, so any weight that does not depend on the sample it is applied to keeps
 * the mix unbiased. The weight is cross-fitted: the batch is split into even and odd samples, and
 * each half uses the λ estimated on the other half; the score function's baseline is the
 * leave-one-out mean of f within the sample's own half. The score costs nothing extra — the replay
 * estimator's primal run accumulates it anyway — so the mix costs what stochastic AD costs and its
 * variance is at most about the smaller of the two, often well below when they are weakly
 * correlated.
 */
public final class HybridEstimator extends SampleEstimator {

    private final ReplayEstimator replay;
    private final StochasticAdOptions options;

    /** @param options the replay options of the stochastic-AD part */
    public HybridEstimator(StochasticAdOptions options) {
        super(options.threads());
        this.options = options;
        this.replay = new ReplayEstimator(options);
    }

    @Override
    protected double[] sample(StochasticProgram program, double[] theta, long seed, int sample) {
        return replay.replaySample(program, theta, seed, sample, true);
    }

    @Override
    protected void gradients(double[][] rows, int k) {
        int n = rows.length;
        double[][] sf = new double[n][k];
        for (int half = 0; half < 2; half++) {
            double total = 0;
            int count = 0;
            for (int i = half; i < n; i += 2) {
                total += rows[i][0];
                count++;
            }
            for (int i = half; i < n; i += 2) {
                double baseline = (total - rows[i][0]) / (count - 1);
                for (int j = 0; j < k; j++) {
                    sf[i][j] = rows[i][k + j + 1] + (rows[i][0] - baseline) * rows[i][2 * k + j + 1];
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double[] lambda = {weight(rows, sf, j, 1), weight(rows, sf, j, 0)};
            for (int i = 0; i < n; i++) {
                double l = lambda[i % 2];
                rows[i][j + 1] = l * rows[i][j + 1] + (1 - l) * sf[i][j];
            }
        }
    }

    /** The variance-minimising weight of SAD, estimated on the samples of one half, clamped to [0, 1]. */
    private static double weight(double[][] rows, double[][] sf, int j, int half) {
        double sa = 0;
        double sb = 0;
        int count = 0;
        for (int i = half; i < rows.length; i += 2) {
            sa += rows[i][j + 1];
            sb += sf[i][j];
            count++;
        }
        double ma = sa / count;
        double mb = sb / count;
        double vaa = 0;
        double vbb = 0;
        double vab = 0;
        for (int i = half; i < rows.length; i += 2) {
            double a = rows[i][j + 1] - ma;
            double b = sf[i][j] - mb;
            vaa += a * a;
            vbb += b * b;
            vab += a * b;
        }
        double denominator = vaa + vbb - 2 * vab;
        if (!(denominator > 0)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (vbb - vab) / denominator));
    }

    @Override
    protected int minimumSamples() {
        return 4;
    }

    @Override
    public String name() {
        return "hybrid SAD/score (m=" + options.alternativeCount() + ")";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new HybridEstimator(options.parallelism(threads));
    }
}
