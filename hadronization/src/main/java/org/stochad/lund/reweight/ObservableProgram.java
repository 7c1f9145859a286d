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
 * @param settings   everything but θ
 * @param observable the output
 */
public record ObservableProgram(LundSettings settings, Observable observable) implements StochasticProgram {

    /** Checks the arguments. */
    public ObservableProgram {
        if (settings == null || observable == null) {
            throw new IllegalArgumentException("settings = " + settings + ", observable = " + observable);
        }
    }

    /** {@inheritDoc} */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        Event e = new StringFragmenter(settings).fragment(sampler, LundParameters.fromTheta(theta, settings));
        return observable.value(e).times(e.weight());
    }
}
