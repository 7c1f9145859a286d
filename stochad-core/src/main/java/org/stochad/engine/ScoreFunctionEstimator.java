package org.stochad.engine;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

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
    protected double[] sample(StochasticProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        RunContext ctx = RunContext.score(k);
        StochasticTriple out = checkedOutput(program.run(sampler(ctx, seed, sample), seeded(theta, k)));
        double[] row = new double[2 * k + 1];
        row[0] = out.value();
        for (int j = 0; j < k; j++) {
            row[j + 1] = out.delta(j);
            row[k + j + 1] = ctx.score[j];
        }
        return row;
    }

    @Override
    protected void gradients(double[][] rows, int k) {
        addScoreTerm(rows, k, baseline);
    }

    @Override
    protected int minimumSamples() {
        return baseline ? 2 : 1;
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
