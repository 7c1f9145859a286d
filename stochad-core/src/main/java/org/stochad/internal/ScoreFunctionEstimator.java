package org.stochad.internal;

import org.stochad.Estimator;
import org.stochad.ScoredProgram;
import org.stochad.ScoredSample;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

/**
 * The score-function (REINFORCE) estimator (f − b)·S + ∂f/∂θ, with S = Σ ∂θ log pmf over the
 * discrete draws and the pathwise derivative of the reparameterised continuous ones. With a
 * baseline, b for sample i is the mean of f over the other samples of the batch, which does not
 * depend on sample i and so keeps the estimator unbiased.
 */
public final class ScoreFunctionEstimator extends SampleEstimator {

    private final boolean baseline;

    /**
     * @param baseline    whether to subtract the leave-one-out batch mean
     * @param parallelism worker threads
     */
    public ScoreFunctionEstimator(boolean baseline, int parallelism) {
        super(parallelism);
        this.baseline = baseline;
    }

    @Override
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        if (program instanceof ScalarProgram scalar && scalar.program() instanceof ScoredProgram direct) {
            ScoredSample s = direct.scoredSample(theta.clone(), seed, sample);
            if (s != null) {
                double[] pathwise = s.pathwise();
                double[] score = s.score();
                if (pathwise.length != k || score.length != k) {
                    throw new IllegalStateException(name() + ": sample " + sample + " has " + pathwise.length
                            + " pathwise and " + score.length + " score components for " + k + " parameters");
                }
                return new SampleRow(s.value(), pathwise, null, score);
            }
        }
        ScoreRule rule = new ScoreRule(k);
        StochasticTriple[] out = checkedOutputs(program.run(sampler(rule, seed, sample), seeded(theta, k)));
        if (rule.blind() != null) {
            throw new IllegalArgumentException(name() + ": " + rule.blind());
        }
        return new SampleRow(values(out), deltas(out, k), null, rule.score());
    }

    @Override
    SampleSums.Reduction reduction() {
        return baseline ? SampleSums.Reduction.SCORE_BASELINE : SampleSums.Reduction.PLAIN;
    }

    @Override
    public String name() {
        return baseline ? "score function + baseline" : "score function";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new ScoreFunctionEstimator(baseline, threads);
    }
}
