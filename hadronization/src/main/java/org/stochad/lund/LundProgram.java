package org.stochad.lund;

import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.lund.observable.Observable;

/**
 * Differentiable programs on the Lund generator: θ = (a, b, σ_pT, ρ) in that order, the
 * output an observable of one fragmented string. Use with any core estimator; stochastic AD
 * needs the REPLAY strategy (the default), because z accept/reject changes control flow.
 */
public final class LundProgram {

    /** Index of a in θ. */
    public static final int A = 0;
    /** Index of b in θ. */
    public static final int B = 1;
    /** Index of σ_pT in θ. */
    public static final int SIGMA = 2;
    /** Index of ρ in θ. */
    public static final int RHO = 3;

    private LundProgram() {
    }

    /**
     * @param settings   everything but θ (E_CM, stop parameters, zHead, pions-only …)
     * @param observable the output
     * @return the program θ ↦ observable(fragment(θ))·weight (the weight is 1 with tangents only in
     *         {@code Lund:ptScore} mode)
     */
    public static StochasticProgram of(LundSettings settings, Observable observable) {
        StringFragmenter fragmenter = new StringFragmenter(settings);
        return (sampler, theta) -> {
            Event e = fragmenter.fragment(sampler, LundParameters.fromTheta(theta, settings));
            return observable.value(e).times(e.weight());
        };
    }

    /**
     * A single Lund z draw as a program of θ = (a, b): the accepted z for a fixed mT², with the
     * same rejection sampler as the generator (for checks against quadrature).
     *
     * @param mT2  the squared transverse mass (GeV²)
     * @param head the over-sampling factor H
     * @return the program
     */
    public static StochasticProgram singleZ(double mT2, double head) {
        return (sampler, theta) -> StochasticTriple.constant(LundZ.sample(sampler, theta[0], theta[1],
                StochasticTriple.constant(mT2), head, false, 1_000_000, null));
    }
}
