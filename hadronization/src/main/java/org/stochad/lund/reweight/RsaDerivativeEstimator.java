package org.stochad.lund.reweight;

import org.stochad.Estimator;
import org.stochad.StochasticProgram;
import org.stochad.engine.SampleEstimator;
import org.stochad.lund.Event;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.StringFragmenter;

/**
 * The θ′-derivative at θ′ = θ of the RSA-reweighted mean of an observable: per event
 * (f − b)·∂θ′ ln w(θ′; θ)|θ′=θ, i.e. the score-function estimator with the score read from the
 * event's recorded decisions (the σ part from the Gaussian densities of the pT draws, not
 * pathwise). With the baseline, b is the leave-one-out batch mean of f (the derivative of the
 * self-normalised reweighted mean), otherwise 0. Works on {@link ObservableProgram}s only; events
 * are those of {@link PrimalSampler#of(long, long)}, i.e. the primal runs of the core estimators
 * with the same seed.
 */
public final class RsaDerivativeEstimator extends SampleEstimator {

    private final boolean baseline;

    /**
     * @param baseline    subtract the leave-one-out batch mean of f
     * @param parallelism worker threads
     */
    public RsaDerivativeEstimator(boolean baseline, int parallelism) {
        super(parallelism);
        this.baseline = baseline;
    }

    @Override
    protected double[] sample(StochasticProgram program, double[] theta, long seed, int sample) {
        if (!(program instanceof ObservableProgram p)) {
            throw new IllegalArgumentException("program = " + program + " is not an ObservableProgram");
        }
        if (theta.length != 4) {
            throw new IllegalArgumentException("theta must have 4 components (a, b, sigma, rho), has " + theta.length);
        }
        LundSettings at = p.settings().withTheta(theta);
        Event e = new StringFragmenter(at).fragment(PrimalSampler.of(seed, sample));
        double f = p.observable().value(e).value();
        double[] s = RsaWeights.of(at).score(e.history()).gradient();
        double[] row = new double[1 + 2 * theta.length];
        row[0] = f;
        System.arraycopy(s, 0, row, 1 + theta.length, theta.length);
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
        return baseline ? "RSA derivative + baseline" : "RSA derivative";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new RsaDerivativeEstimator(baseline, threads);
    }
}
