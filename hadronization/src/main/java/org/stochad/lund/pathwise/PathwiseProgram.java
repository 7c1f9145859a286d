package org.stochad.lund.pathwise;

import org.stochad.Sampler;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observable;

/**
 * The program θ ↦ observable(event) of the {@link PathwiseFragmenter}, like
 * {@code reweight.ObservableProgram}: output f·w − c·(w − 1), w the pT likelihood-ratio weight
 * (value 1; constant 1 with pathwise σ), c the pT baseline. Run it with the replay estimator: the
 * output's δ is the pathwise part, the flips of the stop and veto decisions (and of the flavour
 * and finalTwo-ordering draws) the jump part.
 */
public final class PathwiseProgram implements StochasticProgram {

    private final LundSettings settings;
    private final Observable observable;
    private final double ptBaseline;
    private final PathwiseFragmenter fragmenter;

    /**
     * @param settings   everything but θ
     * @param observable the output
     * @param ptBaseline c ≈ ⟨f⟩ for the pT score term (ptScore formulation only)
     * @param options    the formulation
     */
    public PathwiseProgram(LundSettings settings, Observable observable, double ptBaseline,
                           PathwiseFragmenter.Options options) {
        if (settings == null || observable == null || options == null || !Double.isFinite(ptBaseline)) {
            throw new IllegalArgumentException("settings = " + settings + ", observable = " + observable
                    + ", options = " + options + ", ptBaseline = " + ptBaseline);
        }
        this.settings = settings;
        this.observable = observable;
        this.ptBaseline = ptBaseline;
        this.fragmenter = new PathwiseFragmenter(settings, options);
    }

    /**
     * @param sampler the source of all randomness
     * @param theta   (a, b, σ, ρ)
     * @return the observable (times the pT weight in ptScore formulation)
     */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        Event e = fragmenter.fragment(sampler, LundParameters.fromTheta(theta, settings));
        StochasticTriple w = e.weight();
        return observable.value(e).times(w).minus(w.minus(1).times(ptBaseline));
    }

    /** @return the fragmenter */
    public PathwiseFragmenter fragmenter() {
        return fragmenter;
    }
}
