package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.StochasticAdOptions;
import org.stochad.VectorProgram;

/**
 * Stochastic AD and the score function from the same primal run, mixed per component with the
 * weight that minimises their combined variance: λ·SAD + (1 − λ)·SF.
 *
 * <p>Both are unbiased, so any weight that does not depend on the sample it is applied to keeps
 * the mix unbiased. The batch is split into even and odd samples, and each half takes
 * everything it is mixed with from the other half: the weight λ fitted there and the score
 * function's baseline, the other half's mean of f. Given the other half, a half's per-sample
 * estimates are then independent draws with fixed coefficients, each unbiased, so their spread
 * estimates the variance of their mean without bias (what it leaves out is the covariance of the
 * two halves' means, of order 1/n²). (With the baseline from the sample's own half, a
 * leave-one-out mean, the mix was unbiased too, but where the best mix has almost no variance —
 * e.g. one Bernoulli draw with p &lt; ½ — the error is set by the noise of the fitted λ and
 * baseline, which that spread does not see: the reported standard error was 0, NaN or far too
 * small in about a quarter of the batches.) Batches of 2 or 3 samples, too small to split, mix
 * with the fixed weight ½ and a batch-wide leave-one-out baseline. The score costs nothing extra
 * — the replay estimator's primal run accumulates it anyway — so the mix costs what stochastic
 * AD costs and its variance is at most about the smaller of the two, often well below when they
 * are weakly correlated. A program that reports its own score-function estimate
 * ({@link org.stochad.Sampler#reportScoreEstimate}) is mixed with that instead of δ + (f − b)·S.
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
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        return replay.replaySample(program, theta, seed, sample, true);
    }

    @Override
    SampleSums.Reduction reduction() {
        return SampleSums.Reduction.HYBRID;
    }

    @Override
    public String name() {
        return "hybrid SAD/score (m=" + options.alternativeCount()
                + (options.bernoulliTwoSided() ? ", two-sided Bernoulli flips" : "") + ")";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new HybridEstimator(options.parallelism(threads));
    }
}
