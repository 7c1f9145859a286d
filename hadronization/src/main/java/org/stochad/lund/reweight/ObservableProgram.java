package org.stochad.lund.reweight;

import org.stochad.Sampler;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.StringFragmenter;
import org.stochad.lund.observable.Observable;

/**
 * The program θ ↦ observable(fragment(θ)) of {@link org.stochad.lund.LundProgram#of} that also
 * exposes its settings and observable, so that the reweighting estimator can regenerate the same
 * events and read their histories.
 *
 * <p>In {@code Lund:ptScore} mode the output is f·w − c·(w − 1) with w = {@link Event#weight()}
 * (value 1): value f, tangent ∂f + (f − c)·∂ ln p(pT's). Any constant c keeps it unbiased (the pT
 * score has expectation zero); c ≈ ⟨f⟩ is the baseline that makes the σ-derivative usable.
 *
 * @param settings   everything but θ
 * @param observable the output
 * @param ptBaseline the constant c subtracted from f in the pT weight's term (ptScore mode only)
 */
public record ObservableProgram(LundSettings settings, Observable observable, double ptBaseline)
        implements StochasticProgram {

    /**
     * Checks the arguments.
     *
     * @param settings everything but θ
     * @param observable the output
     * @param ptBaseline the constant c subtracted from f in the pT weight's term (ptScore mode only)
     */
    public ObservableProgram {
        if (settings == null || observable == null || !Double.isFinite(ptBaseline)) {
            throw new IllegalArgumentException("settings = " + settings + ", observable = " + observable
                    + ", ptBaseline = " + ptBaseline);
        }
    }

    /**
     * The program without a pT baseline.
     *
     * @param settings   everything but θ
     * @param observable the output
     */
    public ObservableProgram(LundSettings settings, Observable observable) {
        this(settings, observable, 0);
    }

    /** {@inheritDoc} */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        Event e = new StringFragmenter(settings).fragment(sampler, LundParameters.fromTheta(theta, settings));
        StochasticTriple w = e.weight();
        return observable.value(e).times(w).minus(w.minus(1).times(ptBaseline));
    }
}
