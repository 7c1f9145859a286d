package org.stochad.lund.reweight;

import org.stochad.Estimator;
import org.stochad.ScoreEstimator;
import org.stochad.ScoredSample;
import org.stochad.StochasticProgram;
import org.stochad.Samplers;
import org.stochad.lund.Event;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundProgram;
import org.stochad.lund.PrimalSampler;

/**
 * The θ′-derivative at θ′ = θ of the RSA-reweighted mean of an observable: per event
 * (f − b)·∂θ′ ln w(θ′; θ)|θ′=θ, i.e. the score-function estimator with the score read from the
 * event's recorded decisions (the σ part from the Gaussian densities of the pT draws, not
 * pathwise). With the baseline, b is the leave-one-out batch mean of f (the derivative of the
 * self-normalised reweighted mean), otherwise 0. Events are those of
 * {@link PrimalSampler#of(long, long)}, i.e. the primal runs of the core estimators with the same seed.
 *
 * <p>The estimator is made for one {@link LundProgram} ({@link #of(LundProgram, boolean, int)}),
 * whose settings, observable and generator it reads; estimating any other program is an error.
 */
public final class RsaDerivativeEstimator extends ScoreEstimator {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final LundProgram program;
    private final boolean baseline;
    /** The primal fast path of the program's settings, built again after deserialisation. */
    private transient FastFragmenter fast;

    private RsaDerivativeEstimator(LundProgram program, boolean baseline, int parallelism) {
        super(baseline ? "RSA derivative + baseline" : "RSA derivative", baseline, parallelism);
        if (program == null) {
            throw new IllegalArgumentException("program = null");
        }
        if (program.dimension() != 4) {
            throw new IllegalArgumentException("program = " + program + ": RSA needs theta = (a, b, sigma, rho)");
        }
        this.program = program;
        this.baseline = baseline;
        this.fast = new FastFragmenter(program.settings());
    }

    /**
     * @param program     the Lund program whose derivative is estimated
     * @param baseline    subtract the leave-one-out batch mean of f
     * @param parallelism worker threads
     * @return the estimator
     */
    public static RsaDerivativeEstimator of(LundProgram program, boolean baseline, int parallelism) {
        return new RsaDerivativeEstimator(program, baseline, parallelism);
    }

    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        fast = new FastFragmenter(program.settings());
    }

    /** @return the program this estimator is made for */
    public LundProgram program() {
        return program;
    }

    @Override
    protected ScoredSample sample(StochasticProgram given, double[] theta, long seed, int sample) {
        if (given != program) {
            throw new IllegalArgumentException("program = " + given + " is not the one this RSA estimator was made"
                    + " for (" + program + ")");
        }
        if (theta.length != 4) {
            throw new IllegalArgumentException("theta must have 4 components (a, b, sigma, rho), has " + theta.length);
        }
        // the primal fast path: the same event and history as program.primalEvent(PrimalSampler.of(seed, sample), theta)
        Event e = fast.fragment(Samplers.primalStream(seed, sample), theta, true);
        double f = program.observable().value(e).value();
        double[] s = RsaWeights.of(program.settings().withTheta(theta)).score(e.history()).gradient();
        return new ScoredSample(f, new double[theta.length], s);
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new RsaDerivativeEstimator(program, baseline, threads);
    }
}
