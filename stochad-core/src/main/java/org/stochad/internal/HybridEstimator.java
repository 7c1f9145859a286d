package org.stochad.internal;

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
 * leave-one-out mean of f within the sample's own half (batches of 2 or 3 samples, too small to
 * split, mix with the fixed weight ½ and a batch-wide leave-one-out baseline). The score costs nothing extra — the replay
 * estimator's primal run accumulates it anyway — so the mix costs what stochastic AD costs and its
 * variance is at most about the smaller of the two, often well below when they are weakly
 * correlated.
 */
public final class HybridEstimator extends SampleEstimator {

    /** The fewest samples for cross-fitting the weight; smaller batches mix with weight ½. */
    static final int CROSS_FIT_MINIMUM = 4;

    private final ReplayEstimator replay;
    private final StochasticAdOptions options;

    /** @param options the replay options of the stochastic-AD part */
    public HybridEstimator(StochasticAdOptions options) {
        super(options.threads());
        this.options = options;
        this.replay = new ReplayEstimator(options);
    }

    @Override
    protected SampleRow sample(StochasticProgram program, double[] theta, long seed, int sample) {
        return replay.replaySample(program, theta, seed, sample, true);
    }

    @Override
    protected void gradients(SampleRow[] rows) {
        int n = rows.length;
        int k = rows[0].gradient.length;
        // below 4 samples the halves are too small to cross-fit: one batch, fixed weight ½
        int halves = n < CROSS_FIT_MINIMUM ? 1 : 2;
        double[][] sf = new double[n][k];
        for (int half = 0; half < halves; half++) {
            double total = 0;
            int count = 0;
            for (int i = half; i < n; i += halves) {
                total += rows[i].value;
                count++;
            }
            for (int i = half; i < n; i += halves) {
                double baseline = (total - rows[i].value) / (count - 1);
                for (int j = 0; j < k; j++) {
                    sf[i][j] = rows[i].pathwise[j] + (rows[i].value - baseline) * rows[i].score[j];
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double[] lambda = halves == 1 ? new double[] {0.5, 0.5} : new double[] {weight(rows, sf, j, 1), weight(rows, sf, j, 0)};
            for (int i = 0; i < n; i++) {
                double l = lambda[i % 2];
                rows[i].gradient[j] = l * rows[i].gradient[j] + (1 - l) * sf[i][j];
            }
        }
    }

    /** The variance-minimising weight of SAD, estimated on the samples of one half, clamped to [0, 1]. */
    private static double weight(SampleRow[] rows, double[][] sf, int j, int half) {
        double sa = 0;
        double sb = 0;
        int count = 0;
        for (int i = half; i < rows.length; i += 2) {
            sa += rows[i].gradient[j];
            sb += sf[i][j];
            count++;
        }
        double ma = sa / count;
        double mb = sb / count;
        double vaa = 0;
        double vbb = 0;
        double vab = 0;
        for (int i = half; i < rows.length; i += 2) {
            double a = rows[i].gradient[j] - ma;
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
        return 2;
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
