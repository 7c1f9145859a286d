package org.stochad.lund;

import java.util.function.Function;
import org.stochad.Sampler;
import org.stochad.Samplers;
import org.stochad.ScoredProgram;
import org.stochad.ScoredSample;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.pathwise.PathwiseFragmenter;
import org.stochad.lund.pathwise.PilotScaledEstimator;
import org.stochad.lund.pathwise.RestartPilot;
import org.stochad.lund.pathwise.RestartPilots;

/**
 * The differentiable program of the Lund generator: θ ↦ an observable of one fragmented string.
 * One type serves every estimator — the core ones, and the RSA derivative, which reads
 * {@link #settings()}, {@link #observable()} and {@link #fragmenter()} through its typed entry
 * point — and it builds its {@link StringFragmenter} once.
 *
 * <p>θ is (a, b, σ_pT, ρ) in that order ({@link #A}, {@link #B}, {@link #SIGMA}, {@link #RHO}),
 * or (a, b) alone for {@link #overAB()}, σ and ρ then held at the settings' values. The output is
 * f·w, w = {@link Event#weight()} (value 1; in {@code Lund:ptScore} mode its tangent is the score
 * of the pT draws); with {@link #withPtBaseline(double)} it is f·w − c·(w − 1): value f, tangent
 * ∂f + (f − c)·∂ ln p(pT's), unbiased for any constant c (the pT score has expectation zero),
 * c ≈ ⟨f⟩ being the baseline that makes the σ-derivative usable. Stochastic AD needs the REPLAY
 * strategy (the default), because z accept/reject changes control flow. The settings'
 * {@link LundSettings#DIFFERENTIATION} selects the generator's mode ({@link Fragmentation#of}).
 *
 * <p><b>Conditioned restarts</b> (pathwise mode with {@code Lund:pathwiseRestarts = conditioned}):
 * only attempt 0 of the string is run, and the output is
 * <pre>  m̂ + K̂·1{attempt 0 succeeds}·[(f − m̂)·w + (finalTwo ordering term)]</pre>
 * with m̂ the mean of f and K̂ the mean number of attempts per event, each over its own pilot run
 * of {@code Lund:pathwisePilotEvents} fast-path events at the same θ ({@link RestartPilots}: once
 * per θ and program, seeds derived from {@code Random:seed}, never from the estimate's). Since the
 * event is the first successful attempt, ⟨f⟩ = E[1_s·f]/P_s and d⟨f⟩ = (dE[1_s·f] − ⟨f⟩·dP_s)/P_s;
 * stochastic AD of the output estimates (dE[1_s·f] − m̂·dP_s)·K̂, whose mean over the pilots is
 * exactly that, because m̂ (mean ⟨f⟩) and K̂ (the attempt count is geometric: mean exactly 1/P_s)
 * are independent of each other and of the samples. A flip into or out of a failure then changes
 * the output by K̂·(f − m̂) instead of by the difference to an independent fresh attempt
 * (Rao–Blackwellisation of the restart): about half the per-sample variance, and no restarts'
 * work. The output's mean is still ⟨f⟩ (E[m̂ + K̂·1_s·(f − m̂)] = ⟨f⟩ exactly), so the estimate's
 * value stays meaningful, with per-sample variance K²·P_s·E[(f − m̂)² | success] ≈ var(f)/P_s
 * instead of var(f). The pT baseline c of {@link #withPtBaseline} is not used: m̂ takes its
 * place. The pilots add an error that is the same for every sample: to first order
 * −(m̂ − ⟨f⟩)·K·dP_s + g·(K̂ − K)/K (g the gradient), of
 * standard deviation √((K·dP_s·sd(f))²/n + g²·(1 − P_s)/n) for n pilot events, dominated by the
 * second term: g·0.27 % at n = 2·10⁴, P_s = 0.85 (pions-only u-ū at 100 GeV; the gradients
 * documentation gives the numbers). An estimator's standard error is the samples';
 * {@link #withPilotError} adds the dominant part, K̂'s.
 */
public final class LundProgram implements ScoredProgram, java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** Index of a in θ. */
    public static final int A = 0;
    /** Index of b in θ. */
    public static final int B = 1;
    /** Index of σ_pT in θ. */
    public static final int SIGMA = 2;
    /** Index of ρ in θ. */
    public static final int RHO = 3;

    private final transient LundSettings settings;
    private final transient StringFragmenter fragmenter;
    private final transient Fragmentation fragmentation;
    /** The pathwise mode's fragmenter (null in flips mode): its events come with finalTwo's other ordering. */
    private final transient PathwiseFragmenter pathwise;
    private final transient Observable observable;
    private final boolean centred;
    private final double ptBaseline;
    private final boolean abOnly;
    /** The score-function sample on doubles (flips mode, θ = (a, b, σ, ρ)), or null. */
    private final transient ScoreFragmenter scorer;
    /** Whether the settings are pions only (ρ is then the constant 0). */
    private final transient boolean pionsOnly;
    /** Whether σ is differentiated through the pT densities' likelihood ratio ({@code Lund:ptScore}). */
    private final transient boolean ptScore;
    /** The pilots of conditioned restarts by θ = (a, b, σ, ρ), or null (restarts replayed, or flips mode). */
    private final transient java.util.function.Function<double[], RestartPilot> pilots;

    private LundProgram(LundSettings settings, StringFragmenter fragmenter, Fragmentation fragmentation,
                        PathwiseFragmenter pathwise, Observable observable, boolean centred, double ptBaseline,
                        boolean abOnly, java.util.function.Function<double[], RestartPilot> pilots) {
        this.settings = settings;
        this.fragmenter = fragmenter;
        this.fragmentation = fragmentation;
        this.pathwise = pathwise;
        this.observable = observable;
        this.centred = centred;
        this.ptBaseline = ptBaseline;
        this.abOnly = abOnly;
        this.scorer = pathwise == null && !abOnly ? new ScoreFragmenter(settings) : null;
        this.pionsOnly = settings.pionsOnlyMode();
        this.ptScore = settings.ptScore();
        this.pilots = pilots;
    }

    /**
     * @param settings   everything but θ (E_CM, stop parameters, zHead, pions-only …); θ's values are the
     *                   settings' own when the estimators are given {@link LundSettings#theta()}
     * @param observable the output
     * @return the program θ = (a, b, σ, ρ) ↦ observable(fragment(θ))·weight
     */
    public static LundProgram of(LundSettings settings, Observable observable) {
        if (settings == null || observable == null) {
            throw new IllegalArgumentException("settings = " + settings + ", observable = " + observable);
        }
        StringFragmenter f = new StringFragmenter(settings);
        if (settings.differentiation() == LundSettings.Differentiation.FLIPS) {
            return new LundProgram(settings, f, f::fragment, null, observable, false, 0, false, null);
        }
        refuseThresholds(observable);
        PathwiseFragmenter pw = PathwiseFragmenter.of(settings);
        return new LundProgram(settings, f, pw::fragment, pw, observable, false, 0, false, pilotsOf(settings, observable));
    }

    /** The pilots of conditioned restarts, or null when the settings replay them. */
    private static java.util.function.Function<double[], RestartPilot> pilotsOf(LundSettings settings, Observable o) {
        return settings.pathwiseRestarts() == LundSettings.PathwiseRestarts.CONDITIONED
                ? RestartPilots.of(settings, o)::at : null;
    }

    /**
     * The pathwise mode moves the hadrons' momenta along their tangents, so an observable that
     * counts hadrons inside momentum bins would miss the bin-edge crossings: a biased derivative,
     * refused rather than returned.
     */
    private static void refuseThresholds(Observable observable) {
        if (observable instanceof Observable.ThresholdOnMomenta) {
            throw new IllegalArgumentException("observable = a histogram bin of a hadron quantity: it counts"
                    + " hadrons by a threshold on their momenta; with "
                    + LundSettings.DIFFERENTIATION + " = pathwise its derivative would miss the bin-edge"
                    + " crossings (biased, docs/hadronization-gradients.md section 5): use "
                    + LundSettings.DIFFERENTIATION + " = flips for histogram bins");
        }
    }

    /**
     * @param c the constant subtracted from f in the pT weight's term (matters in {@code Lund:ptScore} mode
     *          only; with conditioned restarts the pilot's m̂ takes its place)
     * @return this program with output f·w − c·(w − 1)
     */
    public LundProgram withPtBaseline(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("ptBaseline = " + c + " is not finite");
        }
        return new LundProgram(settings, fragmenter, fragmentation, pathwise, observable, true, c, abOnly, pilots);
    }

    /**
     * The program of θ = (a, b) alone, σ and ρ constant at the settings' values (ρ = 0 when pions
     * only). σ being constant, the pT weight is 1 without tangent and is left out: the output is f.
     *
     * @return this program over (a, b)
     */
    public LundProgram overAB() {
        return new LundProgram(settings, fragmenter, fragmentation, pathwise, observable, false, 0, true, pilots);
    }

    /**
     * @param o another output
     * @return this program (same generator, parameters and weighting) with that output
     */
    public LundProgram withObservable(Observable o) {
        if (o == null) {
            throw new IllegalArgumentException("observable = null");
        }
        if (pathwise != null) {
            refuseThresholds(o);
        }
        return new LundProgram(settings, fragmenter, fragmentation, pathwise, o, centred, ptBaseline, abOnly,
                pilots == null ? null : pilotsOf(settings, o));
    }

    /**
     * The conditioned program with other pilots (a test's deliberately wrong ones, say); not
     * serializable with them (the serial form rebuilds the settings' pilots).
     *
     * @param pilot the pilot at θ = (a, b, σ, ρ)
     * @return this program with those pilots
     */
    LundProgram withPilot(java.util.function.Function<double[], RestartPilot> pilot) {
        if (pilots == null || pilot == null) {
            throw new IllegalArgumentException("pilot = " + pilot + ": only for " + LundSettings.PATHWISE_RESTARTS
                    + " = conditioned in pathwise mode");
        }
        return new LundProgram(settings, fragmenter, fragmentation, pathwise, observable, centred, ptBaseline, abOnly,
                pilot);
    }

    /** @return whether failed attempts are conditioned away (pathwise mode, {@code Lund:pathwiseRestarts = conditioned}) */
    public boolean conditionedRestarts() {
        return pilots != null;
    }

    /**
     * The relative standard error of the pilot's K̂ (attempts per event) at θ, the factor every
     * sample of conditioned restarts carries; wrap an estimator in {@link PilotScaledEstimator} with
     * it to have the reported standard error include it.
     *
     * @param theta the parameter point (a, b, σ, ρ), or (a, b) for {@link #overAB()}
     * @return se(K̂)/K̂ there
     * @throws IllegalStateException when restarts are not conditioned
     */
    public double pilotRelativeError(double[] theta) {
        if (pilots == null) {
            throw new IllegalStateException("no pilot: " + LundSettings.PATHWISE_RESTARTS + " is not conditioned here");
        }
        StochasticTriple[] t = new StochasticTriple[theta.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = StochasticTriple.constant(theta[j]);
        }
        LundParameters p = parameters(t);
        RestartPilot pilot = pilots.apply(new double[] {p.a().value(), p.b().value(), p.sigma().value(),
            p.rho().value()});
        return pilot.attemptsSe() / pilot.attempts();
    }

    /**
     * @param estimator an estimator of this program
     * @return it, and with conditioned restarts wrapped so that its standard error includes the pilot's
     *         K̂ error ({@link PilotScaledEstimator})
     */
    public org.stochad.Estimator withPilotError(org.stochad.Estimator estimator) {
        if (pilots == null) {
            return estimator;
        }
        return new PilotScaledEstimator(estimator, this::pilotRelativeError);
    }

    /** @return the settings: everything but θ */
    public LundSettings settings() {
        return settings;
    }

    /** @return the output */
    public Observable observable() {
        return observable;
    }

    /** @return the generator, built once from the settings */
    public StringFragmenter fragmenter() {
        return fragmenter;
    }

    /** @return the length of θ: 4, or 2 for {@link #overAB()} */
    public int dimension() {
        return abOnly ? 2 : LundParameters.COUNT;
    }

    /** {@inheritDoc} */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        if (pilots != null) {
            return conditioned(sampler, parameters(theta));
        }
        if (pathwise != null) {
            PathwiseFragmenter.Result r = pathwise.fragmentFull(sampler, parameters(theta));
            StochasticTriple f = observable.value(r.event());
            reportScore(sampler, r.score(), r.event().weight(), f.value() - (centred ? ptBaseline : 0), 1, j -> 0);
            return withOrdering(weighted(f, r.event()), f.value(), r, observable);
        }
        Event e = event(sampler, theta);
        return weighted(observable.value(e), e);
    }

    /**
     * Conditioned restarts (class comment): m̂ + K̂·1_s·[(f − m̂)·w + ordering term], attempt 0 only.
     */
    private StochasticTriple conditioned(Sampler sampler, LundParameters p) {
        RestartPilot pilot = pilots.apply(new double[] {p.a().value(), p.b().value(), p.sigma().value(),
            p.rho().value()});
        double m = pilot.mean();
        PathwiseFragmenter.FirstAttempt first = pathwise.firstAttemptScored(sampler, p);
        PathwiseFragmenter.Result r = first.result();
        java.util.function.IntToDoubleFunction perStep = j -> pilot.baselineTerm(first.stateScores(), j);
        if (r == null) {
            reportScore(sampler, first.score(), null, 0, pilot.attempts(), perStep);
            return StochasticTriple.constant(m);
        }
        StochasticTriple f = observable.value(r.event());
        reportScore(sampler, first.score(), r.event().weight(), f.value() - m, pilot.attempts(), perStep);
        StochasticTriple centredF = f.minus(m);
        StochasticTriple out = abOnly ? centredF : centredF.times(r.event().weight());
        return withOrdering(out, f.value(), r, observable).times(pilot.attempts()).plus(m);
    }

    /**
     * Reports the pathwise run's score-function estimate to the hybrid estimator
     * ({@link Sampler#reportScoreEstimate}): scale·[g·(S_j + δw_j) − baseline_j], S the score of the
     * attempts run in Pythia's parameterisation (the fragmenter's, δw the pT weight's tangent) — the
     * score function of the same event, without the smoothed decisions' scores (whose variance is
     * infinite: ∫ dπ/π). With conditioned restarts scale = K̂, g = 1_s·(f − m̂) and baseline_j the
     * per-step control variates' total ({@link RestartPilot#baselineTerm}; each segment's score has
     * mean 0 given its starting state, so any fixed β keeps the estimate unbiased), a failed attempt
     * reporting −K̂·baseline_j; with restarts replayed scale = 1, g = f − c and no per-step term.
     *
     * @param score    S (null without tangents: nothing to report)
     * @param weight   the event's pT weight, or null for a failed attempt (g = 0)
     * @param g        the centred observable
     * @param scale    1, or K̂
     * @param baseline the per-step term of direction j
     */
    private static void reportScore(Sampler sampler, double[] score, StochasticTriple weight, double g, double scale,
                                    java.util.function.IntToDoubleFunction baseline) {
        if (score == null) {
            return;
        }
        double[] out = new double[score.length];
        for (int j = 0; j < out.length; j++) {
            double total = weight == null ? 0 : g * (score[j] + weight.delta(j));
            out[j] = scale * (total - baseline.applyAsDouble(j));
        }
        sampler.reportScoreEstimate(out);
    }

    /**
     * The score-function estimator's sample without triples: in flips mode with θ = (a, b, σ, ρ),
     * the event and Σ ∂θ ln p come from {@link ScoreFragmenter} on
     * doubles (its kinematics carry their σ tangent, or in ptScore mode the event its pT weight, so
     * the observable's pathwise derivative is the triple run's), bit for bit the sample the estimator computes by running {@link #run}.
     * Otherwise, and wherever that run would raise an error, null (the estimator then runs the
     * program).
     *
     * @param theta  (a, b, σ, ρ)
     * @param seed   the estimate's seed
     * @param sample the sample index
     * @return the sample, or null
     */
    @Override
    public ScoredSample scoredSample(double[] theta, long seed, long sample) {
        if (scorer == null || theta == null || theta.length != LundParameters.COUNT) {
            return null;
        }
        if (!LundParameters.inRange(theta[0], theta[1], theta[2], pionsOnly ? 0 : theta[3])
                || ptScore && theta[SIGMA] == 0) {
            return null;   // the run on triples throws the range error
        }
        ScoreFragmenter.Result r = scorer.run(Samplers.primalStream(seed, sample), theta);
        if (r == null) {
            return null;
        }
        StochasticTriple out = weighted(observable.value(r.event()), r.event());
        double[] pathwiseDerivative = new double[theta.length];
        for (int j = 0; j < pathwiseDerivative.length; j++) {
            pathwiseDerivative[j] = out.delta(j);
        }
        return new ScoredSample(out.value(), pathwiseDerivative, r.score());
    }

    /**
     * The pathwise mode draws finalTwo's ordering without a flip; its derivative is added exactly:
     * δP(reversed)·(f_reversed − f_forward), from the event with the other ordering.
     */
    private static StochasticTriple withOrdering(StochasticTriple out, double f, PathwiseFragmenter.Result r,
                                                 Observable o) {
        if (r.alternative() == null || r.dProbReverse().length == 0) {
            return out;
        }
        double fAlt = o.value(r.alternative()).value();
        double diff = r.reversed() ? f - fAlt : fAlt - f;
        double[] d = r.dProbReverse().clone();
        for (int j = 0; j < d.length; j++) {
            d[j] *= diff;
        }
        return out.plus(StochasticTriple.of(0, d));
    }

    /**
     * The program of several outputs of the same event — every bin of a histogram, say — for a
     * Jacobian estimate ({@link org.stochad.Estimator#jacobian}): the same generator, parameters
     * and weighting as this program, each output weighted as {@link #run} weights its one. Refused
     * (IllegalArgumentException) with conditioned restarts, whose pilot is that of one observable.
     *
     * @param outputs the outputs of an event (the same number for every event)
     * @return the vector program θ ↦ outputs(fragment(θ))
     */
    public VectorProgram withObservables(Function<Event, StochasticTriple[]> outputs) {
        if (outputs == null) {
            throw new IllegalArgumentException("outputs = null");
        }
        if (pilots != null) {
            throw new IllegalArgumentException(LundSettings.PATHWISE_RESTARTS + " = conditioned: the pilot runs"
                    + " estimate the mean of one observable; for several outputs use " + LundSettings.PATHWISE_RESTARTS
                    + " = replay");
        }
        return (sampler, theta) -> {
            if (pathwise != null) {
                PathwiseFragmenter.Result r = pathwise.fragmentFull(sampler, parameters(theta));
                StochasticTriple[] f = outputs.apply(r.event()).clone();
                StochasticTriple[] alt = r.alternative() == null ? null : outputs.apply(r.alternative());
                for (int i = 0; i < f.length; i++) {
                    StochasticTriple out = weighted(f[i], r.event());
                    if (alt != null && r.dProbReverse().length > 0) {
                        double diff = r.reversed() ? f[i].value() - alt[i].value() : alt[i].value() - f[i].value();
                        double[] d = r.dProbReverse().clone();
                        for (int j = 0; j < d.length; j++) {
                            d[j] *= diff;
                        }
                        out = out.plus(StochasticTriple.of(0, d));
                    }
                    f[i] = out;
                }
                return f;
            }
            Event e = event(sampler, theta);
            StochasticTriple[] f = outputs.apply(e).clone();
            for (int i = 0; i < f.length; i++) {
                f[i] = weighted(f[i], e);
            }
            return f;
        };
    }

    private Event event(Sampler sampler, StochasticTriple[] theta) {
        // flips mode: observables never read the fragmentation history, so it is not recorded
        return pathwise == null ? fragmenter.fragment(sampler, parameters(theta), false)
                : fragmentation.fragment(sampler, parameters(theta));
    }

    private LundParameters parameters(StochasticTriple[] theta) {
        if (abOnly) {
            if (theta == null || theta.length != 2) {
                throw new IllegalArgumentException("theta length = " + (theta == null ? null : theta.length)
                        + ", expected 2: (a, b)");
            }
            return new LundParameters(theta[A], theta[B], StochasticTriple.constant(settings.sigma()),
                    StochasticTriple.constant(settings.effectiveProbStoUD()));
        }
        LundParameters p = LundParameters.fromTheta(theta, settings);
        if (ptScore && p.sigma().value() == 0) {
            throw new IllegalArgumentException(ZERO_WIDTH);
        }
        return p;
    }

    private static final String ZERO_WIDTH = "Lund parameter sigma = 0 with " + LundSettings.PT_SCORE
            + " = on: sigma is differentiated through the pT densities' likelihood ratio, which needs sigma > 0"
            + " (or set " + LundSettings.PT_SCORE + " = off to differentiate it pathwise)";

    /** f, or f·w (− c·(w − 1)) when σ is a parameter: see the class comment. */
    private StochasticTriple weighted(StochasticTriple f, Event e) {
        if (abOnly) {
            return f;
        }
        StochasticTriple w = e.weight();
        StochasticTriple fw = f.times(w);
        return centred ? fw.minus(w.minus(1).times(ptBaseline)) : fw;
    }

    /**
     * The event of one primal run at fixed θ, as the score-based estimators see it.
     *
     * @param sampler the event's root sampler
     * @param theta   (a, b, σ, ρ); ρ is ignored when pions only
     * @return the event
     */
    public Event primalEvent(Sampler sampler, double[] theta) {
        if (theta == null || theta.length != LundParameters.COUNT) {
            throw new IllegalArgumentException("theta must have 4 components (a, b, sigma, rho), has "
                    + (theta == null ? null : theta.length));
        }
        StochasticTriple[] t = new StochasticTriple[theta.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = StochasticTriple.constant(theta[j]);
        }
        return fragmentation.fragment(sampler, LundParameters.fromTheta(t, settings));
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
        return (StochasticProgram & java.io.Serializable) (sampler, theta) -> StochasticTriple.constant(
                LundZ.sample(sampler, theta[0], theta[1],
                StochasticTriple.constant(mT2), head, false, 1_000_000, null));
    }

    /**
     * The serial form: the settings as their command-file text, the observable (serializable, as
     * {@link org.stochad.lund.observable.Observables}' are) and the weighting; the generator is built
     * again where it is read.
     */
    @java.io.Serial
    private Object writeReplace() throws java.io.ObjectStreamException {
        String cmnd = settings.toCmnd();
        if (!Form.settings(cmnd).equals(settings)) {
            throw new java.io.InvalidObjectException("settings " + settings + " do not survive their command-file text");
        }
        if (!(observable instanceof java.io.Serializable)) {
            throw new java.io.NotSerializableException(observable.getClass().getName()
                    + " (the program's observable; cast a lambda to (Observable & Serializable))");
        }
        return new Form(cmnd, observable, centred, ptBaseline, abOnly);
    }

    /**
     * The serial form of a program.
     *
     * @param cmnd       the settings' command-file text
     * @param observable the output
     * @param centred    whether the output is f·w − c·(w − 1)
     * @param ptBaseline c
     * @param abOnly     whether θ = (a, b) only
     */
    private record Form(String cmnd, Observable observable, boolean centred, double ptBaseline, boolean abOnly)
            implements java.io.Serializable {

        static LundSettings settings(String cmnd) {
            return LundSettings.defaults().withLines(java.util.List.of(cmnd.split("\n")));
        }

        @java.io.Serial
        private Object readResolve() {
            LundProgram p = LundProgram.of(settings(cmnd), observable);
            LundProgram shaped = abOnly ? p.overAB() : p;
            return centred ? shaped.withPtBaseline(ptBaseline) : shaped;
        }
    }

    @Override
    public String toString() {
        return "LundProgram[" + (abOnly ? "(a, b)" : "(a, b, sigma, rho)") + (centred ? ", pT baseline "
                + ptBaseline : "") + (pilots != null ? ", restarts conditioned" : "") + "]";
    }
}
