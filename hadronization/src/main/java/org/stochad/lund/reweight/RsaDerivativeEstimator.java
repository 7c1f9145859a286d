package org.stochad.lund.reweight;

import org.stochad.Estimator;
import org.stochad.ScoreEstimator;
import org.stochad.ScoredSample;
import org.stochad.StochasticProgram;
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
public final class RsaDerivativeEstimator extends ScoreEstimator {

    private final boolean baseline;

    /**
     * @param baseline    subtract the leave-one-out batch mean of f
     * @param parallelism worker threads
     */
    public RsaDerivativeEstimator(boolean baseline, int parallelism) {
        super(baseline ? "RSA derivative + baseline" : "RSA derivative", baseline, parallelism);
        this.baseline = baseline;
    }

    @Override
    protected ScoredSample sample(StochasticProgram program, double[] theta, long seed, int sample) {
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
        return new ScoredSample(f, new double[theta.length], s);
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new RsaDerivativeEstimator(baseline, threads);
    }
}
