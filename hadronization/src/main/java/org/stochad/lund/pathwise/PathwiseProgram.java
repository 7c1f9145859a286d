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
    /** P(attempt 0 succeeds), or 0 for the plain program (all attempts). */
    private final double pSuccess;

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
        this.pSuccess = 0;
    }

    private PathwiseProgram(LundSettings settings, Observable observable, double mean, double pSuccess,
                            PathwiseFragmenter.Options options) {
        this.settings = settings;
        this.observable = observable;
        this.ptBaseline = mean;
        this.fragmenter = new PathwiseFragmenter(settings, options);
        this.pSuccess = pSuccess;
    }

    /**
     * The restart-conditioned program: only attempt 0 is run, the output is
     * 1{success}·(f − m)·w / P_s. Since the event is the first successful attempt, ⟨f⟩ = m_s (the
     * mean over successful first attempts) and dm_s/dθ = d E[1_s·(f − m_s)]/dθ / P_s: a flip into
     * or out of a failure then changes the output by (f − m)/P_s instead of by the difference to an
     * independent fresh event (Rao–Blackwellisation of the restart). Its value is not f (mean ≈ 0);
     * only its gradient is meaningful. m and P_s come from an independent primal run; an error ε in
     * m biases the gradient by ε·(dP_s/dθ)/P_s, a relative error in P_s scales it. (The research
     * form; users select {@code Lund:pathwiseRestarts = conditioned}, where {@code LundProgram} takes
     * m̂ and K̂ ≈ 1/P_s from two independent pilot runs per θ — exactly unbiased — and keeps the
     * output's mean at ⟨f⟩.)
     *
     * @param settings everything but θ
     * @param observable the output
     * @param mean     m ≈ ⟨f⟩
     * @param pSuccess P_s = P(attempt 0 succeeds), in (0, 1]
     * @param options  the formulation
     * @return the program
     */
    public static PathwiseProgram restartConditioned(LundSettings settings, Observable observable, double mean,
                                                     double pSuccess, PathwiseFragmenter.Options options) {
        if (!(pSuccess > 0 && pSuccess <= 1) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("pSuccess = " + pSuccess + ", mean = " + mean);
        }
        return new PathwiseProgram(settings, observable, mean, pSuccess, options);
    }

    /**
     * @param sampler the source of all randomness
     * @param theta   (a, b, σ, ρ)
     * @return the observable (times the pT weight in ptScore formulation)
     */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        LundParameters p = LundParameters.fromTheta(theta, settings);
        if (pSuccess > 0) {
            PathwiseFragmenter.Result r = fragmenter.firstAttemptFull(sampler, p);
            if (r == null) {
                return StochasticTriple.constant(0);
            }
            Event e = r.event();
            StochasticTriple f = observable.value(e);
            return withOrdering(f.minus(ptBaseline).times(e.weight()), f, r, observable).div(pSuccess);
        }
        PathwiseFragmenter.Result r = fragmenter.fragmentFull(sampler, p);
        Event e = r.event();
        StochasticTriple w = e.weight();
        StochasticTriple f = observable.value(e);
        return withOrdering(f.times(w).minus(w.minus(1).times(ptBaseline)), f, r, observable);
    }

    /**
     * Adds the exact derivative of finalTwo's ordering, δP(reversed)·(f_rev − f_fwd), when the
     * fragmenter averages it (the ordering is then drawn without flips).
     */
    private static StochasticTriple withOrdering(StochasticTriple out, StochasticTriple f, PathwiseFragmenter.Result r,
                                                 Observable observable) {
        if (r.alternative() == null || r.dProbReverse().length == 0) {
            return out;
        }
        double fAlt = observable.value(r.alternative()).value();
        double diff = r.reversed() ? f.value() - fAlt : fAlt - f.value();
        double[] d = r.dProbReverse().clone();
        for (int j = 0; j < d.length; j++) {
            d[j] *= diff;
        }
        return out.plus(StochasticTriple.of(0, d));
    }

    /** @return the fragmenter */
    public PathwiseFragmenter fragmenter() {
        return fragmenter;
    }
}
