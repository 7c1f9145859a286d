package org.stochad.lund.pathwise;

import static org.stochad.lund.FragmenterConstants.EXP_MAX;
import static org.stochad.lund.FragmenterConstants.INV_SQRT2;
import static org.stochad.lund.FragmenterConstants.MAX_Z_TRIES;

import java.util.ArrayList;
import java.util.List;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.distribution.ContinuousFamilies;
import org.stochad.lund.Event;
import org.stochad.lund.FlavourSelector;
import org.stochad.lund.FinalTwoKinematics;
import org.stochad.lund.FragmenterConstants;
import org.stochad.lund.FragmentationHistory;
import org.stochad.lund.Hadron;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.LundZ;
import org.stochad.lund.ParticleData;
import org.stochad.lund.StringFragmenter;

/**
 * A prototype of the pathwise differentiable mode of {@link StringFragmenter}: the same
 * events (same marginal law; Pythia's), but z carries the implicit-reparameterisation tangent
 * dz/dθ = −∂θF(z)/p(z) instead of flippable accept/reject decisions, and the thresholds in
 * continuous quantities are flippable discrete draws (conditional Monte Carlo):
 *
 * <ul>
 * <li><b>z</b> is drawn by rejection from the flat proposal exactly as {@link LundZ#sample} (same
 *     streams, same uniforms, so the same z), but the decisions are plain doubles (no flips, no
 *     score). Its tangent comes from {@link LundZCdf}: dz/da = −∂aF/p, dz/dc·δc with c = b·mT²
 *     (δc = mT²·δb + b·δmT²; δmT² ≠ 0 only with pathwise σ).</li>
 * <li><b>Stop test</b> (Pythia's W_rem &lt; W_min·(1 + (2r − 1)·s), r uniform): r is integrated
 *     out, stop ~ Bernoulli(π), π(W) = 1 − clamp((W/W₀ − 1 + s)/(2s), 0, 1), drawn with the core's
 *     random-threshold comparison {@link Sampler#below} on the step stream (at the position of today's smear uniform), its
 *     tangent dπ = −δW/(2sW₀) flowing from W_rem's pathwise tangent; a flip replays the string with
 *     the other choice.</li>
 * <li><b>Kinematic veto</b> (the hadron must fit: z &gt; z_min = mT²/(x_dir·(1 − x_inv)·W²),
 *     otherwise the string restarts): region split — vetoed ~ Bernoulli(F(z_min)) on a new
 *     sub-stream, then z from the truncated law on (z_min, 1) by rejection, with the truncated
 *     implicit tangent dz = −[∂F(z) − G·(1 − F(z))/(1 − F(z_min))]/p(z),
 *     G = ∂F(z_min) + p(z_min)·δz_min. Skipped (q = 0) when c/z_min &gt; 60 (F(z_min) &lt; e^−60).</li>
 * <li><b>pT</b>: pathwise in σ (reparameterised Gaussians) or the likelihood-ratio weight of
 *     {@code Lund:ptScore}, by {@link Options#ptPathwise()}.</li>
 * <li><b>finalTwo failures, restarts</b> ({@link Options#finalSplit()}): the only finalTwo failure
 *     that is a real discontinuity is W_T &lt; m_T⁺ + m_T⁻ (W_rem &lt; 0, E_rem &lt; 0 and the crossing
 *     tests sit where that one fails on both sides; measured: 14.6 % of first attempts fail, 7.1 %
 *     by W_T, 6.9 % by W²_rem &lt; 0 or E_rem &lt; 0, 0.6 % by E_rem &lt; 0 in the loop, the veto and the
 *     crossing never). It is conditioned on the radial pT of the last breakup: see
 *     {@code finalSplit}. A failed attempt restarts as in Pythia; the flip of the success decision
 *     replays into the next attempt (or, in {@link PathwiseProgram#restartConditioned}, to 0).</li>
 * <li><b>finalTwo ordering</b> ({@link Options#orderAveraged()}): drawn without flips; the program
 *     adds δP(rev)·(f_rev − f_fwd) exactly from the event with the other ordering.</li>
 * <li><b>Stop smoothed by z as well</b> ({@link Options#stopByZ()}, pions only): see
 *     {@link JointStopZ}.</li>
 * </ul>
 *
 * <p>Streams: as {@link StringFragmenter}, plus {@code fork(e).fork(n).fork(KEY_VETO)} for the veto.
 * Without tangent directions (primal and replayed runs) no tangent quadrature is done; the
 * decisions' probabilities (the joint stop's P_s and F(z_min), finalTwo's q) are, and a replayed run
 * takes them over from the run with tangents before it on the same thread for as long as it repeats
 * that run's inputs bit for bit ({@link PrefixMemo}).
 */
public final class PathwiseFragmenter {

    /** Sub-stream key of a hadron's kinematic-veto decision. */
    public static final long KEY_VETO = 3;

    /** Gauss–Legendre nodes per segment of the Lund CDF in the setting's formulation (12 suffice: see the docs). */
    public static final int DEFAULT_NODES = 12;

    /** F(z_min) is neglected when c/z_min exceeds this (F &lt; e^−60). */
    private static final double VETO_CUT = 60;

    /**
     * The formulation's switches.
     *
     * @param ptPathwise      σ pathwise through the pT draws (else the ptScore likelihood-ratio weight)
     * @param stopConditioned the stop test as Bernoulli(π(W_rem)) (else Pythia's hard smeared threshold)
     * @param vetoSplit       the kinematic veto as a region split (else a hard threshold on z)
     * @param nodes           Gauss–Legendre nodes per segment of {@link LundZCdf}
     * @param finalSplit      finalTwo's kinematic failure as a region split of the last breakup's |pT|
     *                        (ptScore formulation only; else a hard threshold)
     * @param orderAveraged   finalTwo's ordering (which of the two last hadrons goes forward) drawn
     *                        without flips; its derivative is added exactly as δp·(f_rev − f_fwd) by the
     *                        program from the event with the other ordering ({@link Result#alternative})
     * @param stopByZ         the next stop test smoothed by the new hadron's z as well as by the smear
     *                        ({@link JointStopZ}; pions only; implies the veto split)
     * @param finalPlane      with finalSplit: the finalTwo failure conditioned on the whole
     *                        two-dimensional pT of the last breakup ({@link FinalTwoRegion}: direction
     *                        integrated out too, bounded tangent) instead of its radial part along the
     *                        drawn direction
     */
    public record Options(boolean ptPathwise, boolean stopConditioned, boolean vetoSplit, int nodes,
                          boolean finalSplit, boolean orderAveraged, boolean stopByZ, boolean finalPlane) {

        /**
         * Checks the node count.
         *
         * @param ptPathwise      σ pathwise
         * @param stopConditioned the stop test conditioned
         * @param vetoSplit       the veto as a region split
         * @param nodes           nodes per segment
         * @param finalSplit      the finalTwo failure as a region split
         * @param orderAveraged   the finalTwo ordering averaged exactly
         * @param stopByZ         the stop smoothed by z and the smear
         * @param finalPlane      the finalTwo failure conditioned on the whole 2D pT
         */
        public Options {
            if (nodes < 4) {
                throw new IllegalArgumentException("nodes = " + nodes + " is less than 4");
            }
            if (finalSplit && ptPathwise) {
                throw new IllegalArgumentException("finalSplit = true needs ptPathwise = false (the ptScore weight)");
            }
            if (finalPlane && !finalSplit) {
                throw new IllegalArgumentException("finalPlane = true needs finalSplit = true");
            }
        }

        /**
         * The formulation with the finalTwo failure split on the radial pT (finalPlane off).
         *
         * @param ptPathwise      σ pathwise
         * @param stopConditioned the stop test conditioned
         * @param vetoSplit       the veto as a region split
         * @param nodes           nodes per segment
         * @param finalSplit      the finalTwo failure as a region split
         * @param orderAveraged   the finalTwo ordering averaged exactly
         * @param stopByZ         the stop smoothed by z and the smear
         */
        public Options(boolean ptPathwise, boolean stopConditioned, boolean vetoSplit, int nodes,
                       boolean finalSplit, boolean orderAveraged, boolean stopByZ) {
            this(ptPathwise, stopConditioned, vetoSplit, nodes, finalSplit, orderAveraged, stopByZ, false);
        }

        /**
         * The lab's formulation without the finalTwo split.
         *
         * @param ptPathwise      σ pathwise
         * @param stopConditioned the stop test conditioned
         * @param vetoSplit       the veto as a region split
         * @param nodes           nodes per segment
         */
        public Options(boolean ptPathwise, boolean stopConditioned, boolean vetoSplit, int nodes) {
            this(ptPathwise, stopConditioned, vetoSplit, nodes, false, false, false);
        }

        /**
         * The full formulation with the ptScore weight for σ (finalTwo split, ordering averaged), 24
         * nodes (the research's reference; {@link #of} uses 12, identical to all printed digits).
         *
         * @return the formulation
         */
        public static Options standard() {
            return new Options(false, true, true, 24, true, true, false);
        }

        /**
         * The formulation of {@code Lund:differentiation = pathwise}: the unbiased one — stop test
         * and veto conditioned, finalTwo's failure split on the last breakup's |pT|, finalTwo's
         * ordering averaged exactly, σ through the ptScore weight — with {@link #DEFAULT_NODES} nodes
         * and the stop smoothed by the smear alone or, for {@code Lund:pathwiseStop = joint}, by the
         * new hadron's z as well; finalTwo's failure split on the radial pT or, for
         * {@code Lund:pathwiseFinalTwo = plane}, conditioned on the whole 2D pT ({@link FinalTwoRegion}).
         *
         * @param settings the generator settings ({@code Lund:ptScore} must be on)
         * @return the formulation
         */
        public static Options of(LundSettings settings) {
            if (settings == null) {
                throw new IllegalArgumentException("settings = null");
            }
            if (!settings.ptScore()) {
                throw new IllegalArgumentException(LundSettings.PT_SCORE + " = off: " + LundSettings.DIFFERENTIATION
                        + " = pathwise needs the pT likelihood-ratio weight (finalTwo's |pT| split conditions the"
                        + " pT draw)");
            }
            return new Options(false, true, true, DEFAULT_NODES, true, true,
                    settings.pathwiseStop() == LundSettings.PathwiseStop.JOINT,
                    settings.pathwiseFinalTwo() == LundSettings.PathwiseFinalTwo.PLANE);
        }

        /**
         * @param n nodes per segment
         * @return a copy with n nodes
         */
        public Options withNodes(int n) {
            return new Options(ptPathwise, stopConditioned, vetoSplit, n, finalSplit, orderAveraged, stopByZ,
                    finalPlane);
        }

        /**
         * @param on whether the stop is smoothed by z as well
         * @return a copy with that switch
         */
        public Options withStopByZ(boolean on) {
            return new Options(ptPathwise, stopConditioned, vetoSplit, nodes, finalSplit, orderAveraged, on,
                    finalPlane);
        }

        /**
         * @param on whether the finalTwo failure is conditioned on the whole 2D pT ({@link FinalTwoRegion})
         * @return a copy with that switch
         */
        public Options withFinalPlane(boolean on) {
            return new Options(ptPathwise, stopConditioned, vetoSplit, nodes, finalSplit, orderAveraged, stopByZ,
                    on);
        }
    }

    private final LundSettings settings;
    private final Options options;
    private final FlavourSelector flavours;
    private final LundZCdf cdf;
    private final LundTotals norms = new LundTotals();
    private final double[] jointNodes;
    private final double[] jointWeights;
    private final FragmenterConstants fc;
    private final LundZFamily zFamily;
    private final StochasticTriple smearLo;
    private final StochasticTriple smearHi;
    /**
     * Pions only: the flavour probabilities at the constant ρ = 0 per end flavour + 3 (u and d ends;
     * null elsewhere), the same triples every run would compute.
     */
    private final StochasticTriple[][] constantRhoProbabilities = new StochasticTriple[7][];
    /** Per thread: the last run with tangents' expensive steps, for the replayed runs ({@link PrefixMemo}). */
    private final ThreadLocal<PrefixMemo> memos = ThreadLocal.withInitial(PrefixMemo::new);

    /**
     * @param settings the generator settings
     * @return the fragmenter of {@code Lund:differentiation = pathwise} ({@link Options#of})
     */
    public static PathwiseFragmenter of(LundSettings settings) {
        return new PathwiseFragmenter(settings, Options.of(settings));
    }

    /**
     * @param settings the generator settings (peaked envelopes must be off)
     * @param options  the formulation
     */
    public PathwiseFragmenter(LundSettings settings, Options options) {
        if (settings.peakedEnvelopes()) {
            throw new IllegalArgumentException(LundSettings.PEAKED_ENVELOPES + " = on: the pathwise mode needs the"
                    + " flat proposal");
        }
        if (options.stopByZ() && !settings.pionsOnlyMode()) {
            throw new IllegalArgumentException("stopByZ needs " + LundSettings.PIONS_ONLY + " = on (constant W0)");
        }
        this.settings = settings;
        this.options = options;
        this.flavours = new FlavourSelector(settings);
        this.cdf = new LundZCdf(options.nodes());
        this.jointNodes = new double[options.nodes()];
        this.jointWeights = new double[options.nodes()];
        LundZCdf.legendre(options.nodes(), jointNodes, jointWeights);
        this.fc = FragmenterConstants.of(settings);
        this.zFamily = new LundZFamily(cdf, norms, fc.head());
        this.smearLo = StochasticTriple.constant(1 - fc.stopSmear());
        this.smearHi = StochasticTriple.constant(1 + fc.stopSmear());
        if (settings.pionsOnlyMode()) {
            for (int flavour : new int[] {-2, -1, 1, 2}) {
                constantRhoProbabilities[flavour + 3] = flavours.probabilities(flavour, StochasticTriple.constant(0));
            }
        }
    }

    /**
     * An event with, when the ordering is averaged and the run carries tangents, the same event with
     * finalTwo's other ordering and the tangent of P(reversed).
     *
     * @param event        the event
     * @param alternative  the event with the other ordering, or null (no averaging, or no tangents)
     * @param reversed     whether the event's ordering is the reversed one
     * @param dProbReverse the tangent of P(reversed) (empty without the alternative)
     * @param score        the score of the attempts run, in Pythia's parameterisation of the law
     *                     (z densities, flavour and ordering probabilities, vetoes; the pT draws' is the
     *                     event weight's tangent), one entry per tangent direction; null without tangents
     */
    public record Result(Event event, Event alternative, boolean reversed, double[] dProbReverse, double[] score) {
    }

    /**
     * Fragments one string.
     *
     * @param sampler the event's root sampler
     * @param p       the parameters with their tangents
     * @return the event (its history is empty; its weight is the pT likelihood ratio in ptScore mode)
     */
    public Event fragment(Sampler sampler, LundParameters p) {
        return fragmentFull(sampler, p).event();
    }

    /**
     * Fragments one string, with the other finalTwo ordering when it is averaged.
     *
     * @param sampler the event's root sampler
     * @param p       the parameters with their tangents
     * @return the event and its alternative ordering
     */
    public Result fragmentFull(Sampler sampler, LundParameters p) {
        Run run = new Run(p, memos);
        for (int attempt = 0; attempt < fc.maxRetries(); attempt++) {
            List<Hadron> hadrons = attempt(sampler.fork(attempt), run);
            if (hadrons != null) {
                return result(hadrons, attempt, run);
            }
        }
        throw new IllegalStateException("string fragmentation failed " + fc.maxRetries() + " times in a row");
    }

    private Result result(List<Hadron> hadrons, int attempt, Run run) {
        FragmentationHistory h = new FragmentationHistory(List.of(), List.of(), List.of(), List.of(), attempt + 1);
        StochasticTriple w = run.logWeight.exp();
        Event e = new Event(fc.eCm(), hadrons, attempt, h, w);
        if (run.altLast == null) {
            return new Result(e, null, false, new double[0], run.score);
        }
        List<Hadron> alt = new ArrayList<>(hadrons);
        int i = run.lastIndex;
        alt.set(i, run.altLast[0]);
        alt.set(i + 1, run.altLast[1]);
        return new Result(e, new Event(fc.eCm(), alt, attempt, h, w), run.reversed, run.dProbReverse, run.score);
    }

    /**
     * The first attempt only (for the restart-conditioned program): a failed attempt would be
     * followed by an independent fresh attempt, whose conditional mean is the observable's mean,
     * so the program may stop here (see {@link PathwiseProgram#restartConditioned}).
     *
     * @param sampler the event's root sampler
     * @param p       the parameters with their tangents
     * @return the event of attempt 0, or null when it failed
     */
    public Event firstAttempt(Sampler sampler, LundParameters p) {
        Result r = firstAttemptFull(sampler, p);
        return r == null ? null : r.event();
    }

    /**
     * The first attempt only, with the other finalTwo ordering when it is averaged.
     *
     * @param sampler the event's root sampler
     * @param p       the parameters with their tangents
     * @return attempt 0's event and its alternative ordering, or null when it failed
     */
    public Result firstAttemptFull(Sampler sampler, LundParameters p) {
        return firstAttemptScored(sampler, p).result();
    }

    /**
     * Attempt 0 of a run: its result, and what the score function's per-step baselines need.
     *
     * @param result      the result, or null when the attempt failed
     * @param score       the attempt's score in Pythia's parameterisation (null without tangents)
     * @param stateScores Φ[f][j] = Σ_segments φ_f·s_j of {@link StepStates} (null without tangents)
     */
    public record FirstAttempt(Result result, double[] score, double[][] stateScores) {
    }

    /**
     * The first attempt only, with its score and the per-step baselines' sums also when it fails.
     *
     * @param sampler the event's root sampler
     * @param p       the parameters with their tangents
     * @return attempt 0
     */
    public FirstAttempt firstAttemptScored(Sampler sampler, LundParameters p) {
        Run run = new Run(p, memos);
        // the segments' states are kept only here, where the per-step baselines read them
        run.states = run.k > 0 ? new StepStates(run.k) : null;
        List<Hadron> hadrons = attempt(sampler.fork(0), run);
        Result r = hadrons == null ? null : result(hadrons, 0, run);
        if (run.states == null) {
            return new FirstAttempt(r, null, null);
        }
        run.states.close(run.segmentScore());
        return new FirstAttempt(r, run.score, run.states.sums());
    }

    /** Per-event state: parameters, tangent count, pT log weight. */
    private static final class Run {
        final LundParameters p;
        final int k;
        final double aEff;
        StochasticTriple logWeight = StochasticTriple.constant(0);
        /** finalTwo's hadrons (pos, neg) and, when the ordering is averaged, those of the other ordering. */
        Hadron[] last;
        Hadron[] altLast;
        /** The index of finalTwo's first hadron in the event's list. */
        int lastIndex;
        boolean reversed;
        double[] dProbReverse;
        /** stopByZ: the next step's stop decision, drawn with the previous z. */
        boolean nextStop;
        /** Whether the last z draw was a region split with its veto decision (a draw that can flip). */
        boolean vetoDrawn;
        /** The flavour probabilities per end flavour + 3 (computed on first use; they depend on ρ only). */
        final StochasticTriple[][] flavourProbabilities = new StochasticTriple[7][];
        /** The pT width σ·factor (plain, enhanced), −2·ln(width) and width⁻² (computed on first use). */
        final StochasticTriple[] widths = new StochasticTriple[2];
        final StochasticTriple[] widthLogTerm = new StochasticTriple[2];
        final StochasticTriple[] widthInverseSquare = new StochasticTriple[2];

        /** This thread's record of the last run with tangents: written by one, read by one without. */
        final PrefixMemo memo;
        /**
         * With tangents: Σ ∂θ ln p of the draws in Pythia's parameterisation — z's density (draws
         * fixed, so c = b·mT² moves with b only), a veto's F(z_min), the flavour and ordering
         * probabilities; conditioned decisions contribute nothing, their law given the draws being
         * free of θ. Null without tangents.
         */
        final double[] score;
        /** The segments' starting states for per-step baselines (attempt 0 of a run with tangents), or null. */
        StepStates states;
        /** D = Σ (|p| − |p_z|) of the attempt's hadrons so far (kept while {@link #states} is set). */
        double deficit;
        /** The pT log weight's tangent at finalTwo's start (null before): finalTwo's own term is not a segment score. */
        double[] weightAtFinal;

        Run(LundParameters p, ThreadLocal<PrefixMemo> memos) {
            this.p = p;
            this.k = Math.max(p.a().directions(), Math.max(p.b().directions(), p.sigma().directions()));
            this.memo = memos.get();
            if (k > 0) {
                memo.startRecording();
            } else {
                memo.startReplay();
            }
            this.aEff = p.a().value() >= 0.02 ? p.a().value() : 0; // Pythia's a < 0.02 branch drops (1 − z)^a
            this.score = k > 0 ? new double[k] : null;
        }

        /**
         * The score the per-step baselines' segments see: S plus the pT log weight's tangent (each string
         * step's pT draw has a σ score of mean 0 given the state before it), the weight frozen at
         * finalTwo's start — the redrawn |k| of finalTwo's split moves the weight by a term whose mean
         * given that state is not 0, so it keeps the constant baseline. Null without tangents.
         */
        double[] segmentScore() {
            if (score == null) {
                return null;
            }
            double[] w = weightAtFinal != null ? weightAtFinal : logWeight.tangent();
            double[] out = score.clone();
            for (int j = 0; j < out.length && j < w.length; j++) {
                out[j] += w[j];
            }
            return out;
        }
    }

    /** One string end. */
    private static final class End {
        final int index;
        int flavOld;
        StochasticTriple pxOld = StochasticTriple.constant(0);
        StochasticTriple pyOld = StochasticTriple.constant(0);
        StochasticTriple xDirOld = StochasticTriple.constant(1);
        StochasticTriple xInvOld = StochasticTriple.constant(0);
        int rank;
        final List<Hadron> hadrons = new ArrayList<>();
        FlavourSelector.Outcome outcome;
        StochasticTriple pxNew;
        StochasticTriple pyNew;
        /** The trial pT's per-component width σ·factor (with σ's tangent). */
        StochasticTriple width;
        double mHad;

        End(int index, int flavour) {
            this.index = index;
            this.flavOld = flavour;
        }

        int sign() {
            return Integer.signum(flavOld);
        }
    }

    private List<Hadron> attempt(Sampler att, Run run) {
        LundParameters p = run.p;
        End pos = new End(0, settings.idQuark());
        End neg = new End(1, -settings.idQuark());
        StochasticTriple zero = StochasticTriple.constant(0);
        StochasticTriple remPx = zero;
        StochasticTriple remPy = zero;
        StochasticTriple remPz = zero;
        StochasticTriple remE = StochasticTriple.constant(fc.eCm());
        double w2 = fc.eCm() * fc.eCm();
        End now;
        StochasticTriple w2Rem = null;
        run.nextStop = false;
        // (a stream's numbers depend on its address only: the parents are forked once per attempt)
        Sampler steps = att.fork(StringFragmenter.KEY_STEP);
        Sampler[] ends = {att.fork(pos.index), att.fork(neg.index)};
        run.deficit = 0;
        run.weightAtFinal = null;
        int step = 0;
        for (; ; step++) {
            if (run.states != null) {
                run.states.boundary(step, mass2(remE, remPx, remPy, remPz), run.deficit, run.segmentScore());
            }
            Sampler stepStream = steps.fork(step);
            double side = stepStream.uniform();
            boolean fromPos = side < 0.5;
            now = fromPos ? pos : neg;
            int rank = now.rank + 1;
            Sampler hadronStream = ends[now.index].fork(rank);
            int choice = drawFlavour(now, hadronStream, run);
            // the smear stop's steps: a run without tangents that repeats the recorded run takes its
            // steps over (their pT and z draws, kinematics and results), making only the draws that
            // can flip (flavour, stop, veto) and comparing their outcomes ({@link TakenStep})
            double[] stepKey = options.stopByZ() ? null
                    : new double[] {run.aEff, p.b().value(), p.sigma().value(), side, choice};
            TakenStep taken = stepKey == null ? null : (TakenStep) run.memo.lookup(PrefixMemo.KIND_STEP, stepKey);
            if (taken != null) {
                taken.restoreTransverse(now);
            } else {
                drawTransverse(now, hadronStream, run);
            }
            if (remE.value() < 0) {
                return null;
            }
            double w0 = fc.stopW0(pos.flavOld, neg.flavOld, now.outcome.newQuark());
            // W²_rem: for the stop test, or (joint stop, decided with the previous z) only for finalTwo
            boolean stopNow = options.stopByZ() && run.nextStop;
            if (!options.stopByZ() || stopNow) {
                w2Rem = remainingMass2(remE, remPx, remPy, remPz);
            }
            boolean stops = options.stopByZ() ? stopNow : stop(stepStream, w2Rem, w0);
            if (taken != null && stops != taken.stops()) {
                run.memo.abandon(); // the forced flip of this step's stop decision
                taken = null;
            }
            if (stops) {
                if (stepKey != null) {
                    run.memo.record(PrefixMemo.KIND_STEP, stepKey, TakenStep.stop(now));
                }
                break;
            }
            if (taken != null && !taken.vetoDrawn()) {
                now.hadrons.add(taken.hadron());
                addDeficit(run, taken.hadron());
                taken.restoreAfter(now, rank);
                remPx = StochasticTriple.constant(taken.remPx());
                remPy = StochasticTriple.constant(taken.remPy());
                remPz = StochasticTriple.constant(taken.remPz());
                remE = StochasticTriple.constant(taken.remE());
                continue;
            }
            StochasticTriple pxHad = now.pxOld.plus(now.pxNew);
            StochasticTriple pyHad = now.pyOld.plus(now.pyNew);
            StochasticTriple mT2 = pxHad.square().plus(pyHad.square()).plus(now.mHad * now.mHad);

            // z: region split of the kinematic veto, then the (truncated) Lund z with its implicit tangent
            StochasticTriple c = p.b().times(mT2);
            StochasticTriple remPxAfter = remPx.minus(pxHad);
            StochasticTriple remPyAfter = remPy.minus(pyHad);
            StochasticTriple zT = options.stopByZ()
                    ? drawZJoint(hadronStream, run, c, mT2, now, w2, fromPos, remE, remPz, remPxAfter, remPyAfter, w0)
                    : drawZ(hadronStream, run, c, mT2, now, w2);
            if (taken != null && (zT == null
                    || Double.doubleToRawLongBits(zT.value()) != Double.doubleToRawLongBits(taken.z()))) {
                run.memo.abandon(); // the forced flip of this step's veto
            }
            if (zT == null) {
                return null;
            }
            StochasticTriple xDirHad = zT.times(now.xDirOld);
            if (!(mT2.value() < xDirHad.value() * (1 - now.xInvOld.value()) * w2)) {
                return null; // hard veto (only reached without the region split, or by rounding)
            }
            StochasticTriple xInvHad = mT2.div(xDirHad.times(w2));
            StochasticTriple xPos = fromPos ? xDirHad : xInvHad;
            StochasticTriple xNeg = fromPos ? xInvHad : xDirHad;
            StochasticTriple e = xPos.plus(xNeg).times(0.5 * fc.eCm());
            StochasticTriple pz = xPos.minus(xNeg).times(0.5 * fc.eCm());
            Hadron made = new Hadron(now.outcome.pdgId(), now.mHad, pxHad, pyHad, pz, e, now.index, rank, false);
            now.hadrons.add(made);
            addDeficit(run, made);

            now.xDirOld = now.xDirOld.minus(xDirHad);
            now.xInvOld = now.xInvOld.plus(xInvHad);
            now.pxOld = now.pxNew.neg();
            now.pyOld = now.pyNew.neg();
            now.flavOld = now.sign() * now.outcome.newQuark();
            now.rank = rank;
            remPx = remPxAfter;
            remPy = remPyAfter;
            remPz = remPz.minus(pz);
            remE = remE.minus(e);
            if (stepKey != null && run.k > 0) {
                run.memo.record(PrefixMemo.KIND_STEP, stepKey, TakenStep.of(now, run.vetoDrawn, zT.value(), remPx,
                        remPy, remPz, remE));
            }
        }
        if (run.states != null) {
            run.states.boundary(step, mass2(remE, remPx, remPy, remPz), run.deficit, run.segmentScore());
            run.weightAtFinal = run.logWeight.tangent(); // finalTwo's segment: its pT weight term stays out
        }
        Hadron[] last = finalTwo(att.fork(StringFragmenter.KEY_FINAL), now, pos, neg, remPx, remPy, remPz, remE,
                w2Rem, run);
        if (last == null) {
            return null;
        }
        List<Hadron> all = new ArrayList<>(pos.hadrons.size() + 2 + neg.hadrons.size());
        all.addAll(pos.hadrons);
        run.lastIndex = all.size();
        all.add(last[0]);
        all.add(last[1]);
        for (int i = neg.hadrons.size() - 1; i >= 0; i--) {
            all.add(neg.hadrons.get(i));
        }
        return all;
    }

    /**
     * The stop test. Conditioned: P(stop | W) = P(W &lt; W₀(1 + (2r − 1)s)) = 1 − clamp(t, 0, 1),
     * t = (W/W₀ − 1 + s)/(2s), a Bernoulli draw carrying W's tangent. Hard: today's smeared threshold.
     */
    private boolean stop(Sampler stepStream, StochasticTriple w2Rem, double w0) {
        if (!options.stopConditioned() || fc.stopSmear() == 0) {
            double smear = 1 + (2 * stepStream.uniform() - 1) * fc.stopSmear();
            return w2Rem.value() < w0 * smear * w0 * smear;
        }
        if (!(w2Rem.value() > 0)) {
            return stepStream.bernoulli(StochasticTriple.constant(1)).value() == 1;
        }
        // W_rem/W₀ < T with T = 1 + (2r − 1)·s ~ Uniform(1 − s, 1 + s), T integrated out. Above 1 + s
        // (most steps) the stop's probability and its tangent are 0: no draw is needed, and the step
        // stream draws nothing after it, so every other number stays where it was
        if (!w2Rem.hasPerturbation() && Math.sqrt(w2Rem.value()) * (1 / w0) > smearHi.value()) {
            return false;
        }
        return stepStream.below(w2Rem.sqrt().div(w0), ContinuousFamilies.uniform(), smearLo, smearHi).value() == 1;
    }

    /** @return z with its tangent, or null when the kinematic veto fires (the string restarts) */
    private StochasticTriple drawZ(Sampler hadronStream, Run run, StochasticTriple c, StochasticTriple mT2, End now,
                                   double w2) {
        double cv = c.value();
        double a = run.aEff;
        // the hadron fits iff z > z_min = mT²/(x_dir·(1 − x_inv)·W²)
        double zMinV = mT2.value() / (now.xDirOld.value() * (1 - now.xInvOld.value()) * w2);
        boolean split = options.vetoSplit() && (zMinV >= 1 || !(now.xInvOld.value() < 1)
                || (zMinV > 0 && cv / zMinV < VETO_CUT));
        run.vetoDrawn = split;
        double zLo = 0;
        LundZCdf.Totals totals = null;
        LundZCdf.Point atMin = null;
        StochasticTriple zMin = null;
        if (split) {
            if (!(zMinV < 1) || !(now.xInvOld.value() < 1)) {
                return null; // vetoed with probability 1
            }
            // q = F(z_min) with tangents: ∂F(z_min)/∂(a, c) and p(z_min)·δz_min
            zMin = mT2.div(now.xDirOld.times(now.xInvOld.neg().plus(1)).times(w2));
            totals = norms.at(a, cv);
            atMin = cdf.at(zMinV, a, cv, totals);
            double[] g = new double[run.k];
            for (int j = 0; j < run.k; j++) {
                g[j] = atMin.dCdfDa() * da(run, j) + atMin.dCdfDc() * c.delta(j) + atMin.density() * zMin.delta(j);
            }
            StochasticTriple q = StochasticTriple.of(atMin.cdf(), g);
            if (hadronStream.fork(KEY_VETO).bernoulli(q).value() == 1) {
                addVetoScore(run, atMin, mT2.value());
                return null;
            }
            zLo = zMinV;
        }
        if (atMin == null) {
            // no veto possible: the core continuous-family draw (rejection sampling, implicit tangent)
            StochasticTriple aT = run.aEff > 0 ? run.p.a() : StochasticTriple.constant(0);
            StochasticTriple z = hadronStream.fork(StringFragmenter.KEY_Z).draw(zFamily, aT, c);
            if (run.score != null) {
                // the family's per-thread cache holds this z's quadrature from its implicit tangent
                double[] g = new double[2];
                zFamily.logDensityGradient(z.value(), new double[] {aT.value(), cv}, g);
                addZScore(run, g[0], g[1], mT2.value());
            }
            return z;
        }
        double z = sampleZ(hadronStream.fork(StringFragmenter.KEY_Z), a, cv, zLo);
        if (run.k == 0) {
            return StochasticTriple.constant(z);
        }
        if (totals == null) {
            totals = norms.at(a, cv);
        }
        addZScore(run, z, mT2.value(), totals);
        LundZCdf.Point at = cdf.at(z, a, cv, totals);
        double[] dz = new double[run.k];
        for (int j = 0; j < run.k; j++) {
            double dF = at.dCdfDa() * da(run, j) + at.dCdfDc() * c.delta(j);
            if (atMin != null) {
                double gj = atMin.dCdfDa() * da(run, j) + atMin.dCdfDc() * c.delta(j)
                        + atMin.density() * zMin.delta(j);
                dF -= gj * (1 - at.cdf()) / (1 - atMin.cdf());
            }
            dz[j] = -dF / at.density();
        }
        return StochasticTriple.of(z, dz);
    }

    /** Sub-stream keys of the joint stop/z draw: the z proposals, the region choice. */
    private static final long KEY_JOINT_Z = 4;
    private static final long KEY_JOINT_REGION = 5;
    private static final long KEY_JOINT_STOP = 6;

    /**
     * {@link JointStopZ}: {veto, next stop, continue} as one categorical, then z from its conditional
     * law with the implicit tangent; sets {@code run.nextStop}.
     *
     * @return z with its tangent, or null when vetoed
     */
    private StochasticTriple drawZJoint(Sampler hs, Run run, StochasticTriple c, StochasticTriple mT2, End now,
                                        double w2, boolean fromPos, StochasticTriple remE, StochasticTriple remPz,
                                        StochasticTriple qx, StochasticTriple qy, double w0) {
        int k = run.k;
        double cv = c.value();
        double a = run.aEff;
        if (!(now.xInvOld.value() < 1)) {
            return null;
        }
        double zMinV = mT2.value() / (now.xDirOld.value() * (1 - now.xInvOld.value()) * w2);
        if (!(zMinV < 1)) {
            return null;
        }
        // the step's deterministic part: from the recorded run when this (tangent-free) run repeats its inputs
        double[] key = {a, cv, mT2.value(), now.xDirOld.value(), now.xInvOld.value(), fromPos ? 1 : 0, remE.value(),
            remPz.value(), qx.value(), qy.value(), w0};
        JointStep st = (JointStep) run.memo.lookup(PrefixMemo.KIND_JOINT, key);
        if (st == null) {
            st = jointStep(run, c, mT2, now, w2, fromPos, remE, remPz, qx, qy, w0, zMinV);
            run.memo.record(PrefixMemo.KIND_JOINT, key, st);
        }
        JointStopZ joint = st.joint();
        LundZCdf.Totals totals = st.totals();
        LundZCdf.Point atMin = st.atMin();
        double zLo = st.zLo();
        double[] bp = st.bp();
        int nSeg = bp.length - 1;
        double[][] segStop = st.segStop();
        double qv = st.qv();
        double pStop = st.pStop();
        double pCont = st.pCont();
        double pLo = st.pLo();
        double piLo = st.piLo();
        double[] da = st.da();
        double[] dc = st.dc();
        double[] dzLo = st.dzLo();
        double[] dps = st.dps();
        double[] dpc = st.dpc();
        // (a recorded step carries the recording run's tangents: a run without tangents passes none)
        double[] dqv = st.dqvDraw().length == k ? st.dqvDraw() : new double[k];
        // the categorical {veto, stop, continue} as two Bernoulli draws (so that two-sided flips apply):
        // veto ~ Bernoulli(F(z_min)), then stop ~ Bernoulli(P_s/(1 − F(z_min)))
        if (hs.fork(KEY_VETO).bernoulli(StochasticTriple.of(Math.min(Math.max(qv, 0), 1), dqv)).value() == 1) {
            if (run.score != null) {
                addVetoScore(run, atMin, mT2.value());
            }
            return null;
        }
        double rest = 1 - qv;
        double pStopGiven = rest > 0 ? Math.min(Math.max(pStop / rest, 0), 1) : 0;
        double[] dStopGiven = new double[k];
        if (pStopGiven > 0 && pStopGiven < 1) {
            for (int j = 0; j < k; j++) {
                dStopGiven[j] = (dps[j] * rest + pStop * dqv[j]) / (rest * rest);
            }
        }
        int cat = hs.fork(KEY_JOINT_STOP).bernoulli(StochasticTriple.of(pStopGiven, dStopGiven)).value() == 1 ? 1 : 2;
        boolean stop = cat == 1;
        run.nextStop = stop;
        // z from p·π_c: choose a region (maximal run of segments with π_c > 0) by its mass, sample in it
        double[] regionLo = new double[nSeg];
        double[] regionHi = new double[nSeg];
        double[] masses = new double[nSeg];
        int nRegions = 0;
        double total = 0;
        for (int i = 0; i < nSeg; i++) {
            double t0 = bp[i];
            double t1 = bp[i + 1];
            boolean live = stop ? segStop[i] != null : joint.pi(0.5 * (t0 + t1), null) < 1;
            if (!live) {
                continue;
            }
            double m = stop ? segStop[i][0] : 0; // continue: one region, its mass is not needed
            if (nRegions > 0 && regionHi[nRegions - 1] == t0) {
                regionHi[nRegions - 1] = t1;
                masses[nRegions - 1] = masses[nRegions - 1] + m;
            } else {
                regionLo[nRegions] = t0;
                regionHi[nRegions] = t1;
                masses[nRegions] = m;
                nRegions++;
            }
            total += m;
        }
        if (nRegions == 0 || (!stop && nRegions > 1)) {
            throw new IllegalStateException("joint stop/z: category " + cat + " has " + nRegions
                    + " regions (P = " + pStop + ", " + pCont + ")");
        }
        double v = hs.fork(KEY_JOINT_REGION).uniform() * total;
        int r = 0;
        while (r < nRegions - 1 && v > masses[r]) {
            v -= masses[r];
            r++;
        }
        double z = joint.sample(hs.fork(KEY_JOINT_Z), regionLo[r], regionHi[r], stop);
        if (k == 0) {
            return StochasticTriple.constant(z);
        }
        addZScore(run, z, mT2.value(), totals);
        // implicit tangent of the conditional CDF G_c(z) = I_c(z)/P_c
        double[] is = joint.categoryIntegral(bp, zLo, z, true, segStop);
        double[] ic;
        if (stop) {
            ic = is;
        } else {
            ic = new double[1 + k];
            LundZCdf.Point atZ = cdf.at(z, a, cv, totals);
            double fLo = atMin == null ? 0 : atMin.cdf();
            ic[0] = atZ.cdf() - fLo - is[0];
            for (int j = 0; j < k; j++) {
                double dfLo = atMin == null ? 0 : atMin.dCdfDa() * da[j] + atMin.dCdfDc() * dc[j];
                ic[1 + j] = atZ.dCdfDa() * da[j] + atZ.dCdfDc() * dc[j] - dfLo - is[1 + j];
            }
        }
        double pz = joint.density(z, null);
        double piz = joint.pi(z, null);
        double pcz = stop ? piz : 1 - piz;
        double pcLo = stop ? piLo : 1 - piLo;
        double pCat = stop ? pStop : pCont;
        double[] dCat = stop ? dps : dpc;
        double g = ic[0] / pCat;
        double[] dz = new double[k];
        for (int j = 0; j < k; j++) {
            double dI = ic[1 + j] - pLo * pcLo * dzLo[j];
            dz[j] = -(dI - g * dCat[j]) / (pz * pcz);
        }
        return StochasticTriple.of(z, dz);
    }

    /**
     * The deterministic part of one joint stop/z step (everything before its draws): the quadratures
     * of P(veto) = F(z_min) and P_s, their tangents, the breakpoints and the stop segments' masses.
     * A pure function of its inputs' values (and, for the tangents, of their tangents).
     */
    private JointStep jointStep(Run run, StochasticTriple c, StochasticTriple mT2, End now, double w2,
                                boolean fromPos, StochasticTriple remE, StochasticTriple remPz, StochasticTriple qx,
                                StochasticTriple qy, double w0, double zMinV) {
        int k = run.k;
        double cv = c.value();
        double a = run.aEff;
        boolean vetoPossible = zMinV > 0 && cv / zMinV < VETO_CUT;
        // z_min's tangent (only its tangent is used, and only where the veto is possible)
        StochasticTriple zMin = vetoPossible && k > 0
                ? mT2.div(now.xDirOld.times(now.xInvOld.neg().plus(1)).times(w2)) : null;
        double zLo = vetoPossible ? zMinV : 0;
        LundZCdf.Totals totals = norms.at(a, cv);
        double[] da = new double[k];
        double[] dc = new double[k];
        for (int j = 0; j < k; j++) {
            da[j] = da(run, j);
            dc[j] = c.delta(j);
        }
        JointStopZ joint = new JointStopZ(jointNodes, jointWeights, k, a, cv, totals, da, dc, fromPos, w2,
                remE.plus(remPz).div(fc.eCm()), remE.minus(remPz).div(fc.eCm()), now.xDirOld, mT2,
                qx.square().plus(qy.square()), w0, fc.stopSmear());
        // P(veto) = F(z_min) with its tangent
        double qv = 0;
        double[] dqv = new double[k];
        double[] dzLo = new double[k];
        LundZCdf.Point atMin = null;
        if (vetoPossible) {
            atMin = cdf.at(zMinV, a, cv, totals);
            qv = atMin.cdf();
            for (int j = 0; j < k; j++) {
                dzLo[j] = zMin.delta(j);
                dqv[j] = atMin.dCdfDa() * da[j] + atMin.dCdfDc() * dc[j] + atMin.density() * dzLo[j];
            }
        }
        double[] bp = joint.breakpoints(zLo);
        // P_s by quadrature over the segments where π > 0 (cached per segment); P_c = 1 − F(z_min) − P_s
        // (the continue density p·(1 − π) is never integrated: its set {π < 1} is one interval, W'² being
        // concave in z, and its partial integral is F(z) − F(z_min) − I_s(z))
        int nSeg = bp.length - 1;
        double[][] segStop = new double[nSeg][];
        double[] ps = new double[1 + k];
        for (int i = 0; i < nSeg; i++) {
            double t0 = Math.max(bp[i], zLo);
            double t1 = bp[i + 1];
            if (!(t1 > t0) || joint.pi(0.5 * (bp[i] + t1), null) == 0) {
                continue;
            }
            segStop[i] = joint.integral(t0, t1, true);
            for (int j = 0; j <= k; j++) {
                ps[j] += segStop[i][j];
            }
        }
        double pLo = vetoPossible ? joint.density(zLo, null) : 0;
        double piLo = vetoPossible ? joint.pi(zLo, null) : 0;
        double pStop = Math.min(Math.max(ps[0], 0), 1 - qv);
        double pCont = Math.max(1 - qv - pStop, 0);
        // (continue's set {π < 1} is empty when W'(z) < W_lo on all of (z_min, 1))
        double[] dps = new double[k];
        double[] dpc = new double[k];
        for (int j = 0; j < k; j++) {
            dps[j] = ps[1 + j] - pLo * piLo * dzLo[j];
            dpc[j] = -dqv[j] - dps[j];
        }
        boolean continueLive = false;
        for (int i = 0; i < nSeg && !continueLive; i++) {
            continueLive = bp[i + 1] > bp[i] && joint.pi(0.5 * (bp[i] + bp[i + 1]), null) < 1;
        }
        if (!continueLive) {
            // π = 1 on all of (z_min, 1): the complement is only the quadrature's error
            pStop = Math.max(1 - qv, 0);
            pCont = 0;
            for (int j = 0; j < k; j++) {
                dps[j] = -dqv[j];
                dpc[j] = 0;
            }
        }
        if (qv >= 1 || qv <= 0) {
            java.util.Arrays.fill(dqv, 0); // P(veto) ∈ {0, 1}: no tangent for the draw
        }
        return new JointStep(joint, totals, atMin, zLo, bp, segStop, qv, pStop, pCont, pLo, piLo, da, dc, dzLo,
                dps, dpc, dqv);
    }

    /**
     * The deterministic part of one joint stop/z step ({@link #jointStep}); its tangent arrays have
     * the length of the computing run's tangent count.
     */
    private record JointStep(JointStopZ joint, LundZCdf.Totals totals, LundZCdf.Point atMin, double zLo, double[] bp,
                             double[][] segStop, double qv, double pStop, double pCont, double pLo, double piLo,
                             double[] da, double[] dc, double[] dzLo, double[] dps, double[] dpc, double[] dqvDraw) {
    }

    private static double da(Run run, int j) {
        return run.aEff > 0 ? run.p.a().delta(j) : 0;
    }

    /** Adds ∂θ ln p(z) of the Lund density to the run's score: ∂a = ln(1 − z) − N_a/N, ∂c = N_c/N − 1/z. */
    private static void addZScore(Run run, double z, double mT2, LundZCdf.Totals t) {
        addZScore(run, Log1p.of(-z) - t.normA() / t.norm(), t.normC() / t.norm() - 1 / z, mT2);
    }

    /** Adds sa·δa + sc·mT²·δb (∂a ln p = sa, ∂c ln p = sc, c = b·mT² at fixed mT²) to the run's score. */
    private static void addZScore(Run run, double sa, double sc, double mT2) {
        for (int j = 0; j < run.k; j++) {
            run.score[j] += sa * da(run, j) + sc * mT2 * run.p.b().delta(j);
        }
    }

    /** Adds ∂θ ln F(z_min) at fixed z_min (a veto) to the run's score. */
    private static void addVetoScore(Run run, LundZCdf.Point atMin, double mT2) {
        if (atMin == null || !(atMin.cdf() > 0)) {
            throw new IllegalStateException("veto score: F(z_min) = " + (atMin == null ? null : atMin.cdf()));
        }
        addZScore(run, atMin.dCdfDa() / atMin.cdf(), atMin.dCdfDc() / atMin.cdf(), mT2);
    }

    /**
     * Rejection from the flat proposal on (zLo, 1) with acceptance f(z)/(H·max f on (zLo, 1)) — for
     * zLo = 0 the same uniforms and decisions as {@link LundZ#sample} without envelopes, as doubles.
     */
    private double sampleZ(Sampler zStream, double a, double c, double zLo) {
        // a = aEff: LundZ treats a < 0.02 as 0 itself, so passing 0 there changes nothing
        double aArg = a;
        double zMax = LundZ.zMax(aArg, c);
        double norm = zMax > zLo ? 1 : LundZ.normalisedF(zLo, aArg, c);
        for (int i = 0; i < MAX_Z_TRIES; i++) {
            double u = zStream.uniform();
            double z = zLo == 0 ? u : zLo + (1 - zLo) * u;
            double alpha = LundZ.normalisedF(z, aArg, c) / (fc.head() * norm);
            if (zStream.uniform() > 1 - alpha) { // the Bernoulli inversion of Sampler.accept
                return z;
            }
        }
        throw new IllegalStateException("lund z: no z accepted in " + MAX_Z_TRIES + " proposals (a = " + a
                + ", c = " + c + ", zLo = " + zLo + ")");
    }

    /** @return the index of the flavour outcome drawn for the end's new hadron (sets outcome and mass) */
    private int drawFlavour(End end, Sampler stream, Run run) {
        LundParameters p = run.p;
        // the flavour probabilities of an end flavour are the same all event long: computed once per run
        int slot = end.flavOld + 3;
        StochasticTriple[] probs = slot >= 0 && slot < run.flavourProbabilities.length
                ? run.flavourProbabilities[slot] : null;
        if (probs == null && slot >= 0 && slot < constantRhoProbabilities.length && p.rho().directions() == 0
                && !p.rho().hasPerturbation() && Double.doubleToRawLongBits(p.rho().value()) == 0L) {
            probs = constantRhoProbabilities[slot]; // (pions only: ρ is the constant 0 in every run)
        }
        if (probs == null) {
            probs = flavours.probabilities(end.flavOld, p.rho());
            if (slot >= 0 && slot < run.flavourProbabilities.length) {
                run.flavourProbabilities[slot] = probs;
            }
        }
        int choice = stream.fork(StringFragmenter.KEY_FLAVOUR).categorical(probs).intValue();
        end.outcome = flavours.outcomes(end.flavOld).get(choice);
        if (run.score != null && probs[choice].directions() > 0) {
            for (int j = 0; j < run.k; j++) {
                run.score[j] += probs[choice].delta(j) / probs[choice].value();
            }
        }
        end.mHad = ParticleData.mass(end.outcome.pdgId());
        return choice;
    }

    /** The trial pT of the end's new hadron (and, in ptScore mode, its likelihood-ratio weight). */
    private void drawTransverse(End end, Sampler stream, Run run) {
        LundParameters p = run.p;
        Sampler ptStream = stream.fork(StringFragmenter.KEY_PT);
        boolean enhanced = ptStream.uniform() < fc.enhancedFraction();
        int wi = enhanced ? 1 : 0;
        if (run.widths[wi] == null) {
            double factor = INV_SQRT2 * (enhanced ? fc.enhancedWidth() : 1);
            StochasticTriple width = p.sigma().times(factor);
            run.widths[wi] = width;
            run.widthLogTerm[wi] = width.log().times(-2);
            run.widthInverseSquare[wi] = width.square().pow(-1);
        }
        StochasticTriple width = run.widths[wi];
        end.width = width;
        StochasticTriple zero = StochasticTriple.constant(0);
        if (!options.ptPathwise()) {
            StochasticTriple fixed = StochasticTriple.constant(width.value());
            end.pxNew = ptStream.normal(zero, fixed);
            end.pyNew = ptStream.normal(zero, fixed);
            double r2 = end.pxNew.value() * end.pxNew.value() + end.pyNew.value() * end.pyNew.value();
            StochasticTriple logDensity = run.widthLogTerm[wi].minus(run.widthInverseSquare[wi].times(0.5 * r2));
            run.logWeight = run.logWeight.plus(logDensity.minus(logDensity.value()));
        } else {
            end.pxNew = ptStream.normal(zero, width);
            end.pyNew = ptStream.normal(zero, width);
        }
    }

    /**
     * A recorded string step of the smear-stop formulation, for the runs without tangents that
     * repeat the recorded run ({@link PrefixMemo#KIND_STEP}, keyed by θ, the step's side uniform and
     * its flavour outcome): the new hadron's trial pT and, when the string went on, the step's results
     * as values. Such a run still makes every draw that can flip — flavour, stop, veto — and takes a
     * step over only while their outcomes are the recorded ones; a step with a veto decision is
     * recomputed (and its z compared). The values are those the run would compute, bit for bit.
     *
     * @param stops     whether the string stopped at this step
     * @param pxNew     the trial pT, x (the end's old pT after the step is its negative)
     * @param pyNew     the trial pT, y
     * @param width     its per-component width
     * @param vetoDrawn whether the z draw was a region split with a veto decision
     * @param z         the z drawn
     * @param hadron    the hadron made (constant kinematics), or null when the string stopped
     * @param flavOld   the end's flavour after the step
     * @param xDirOld   its light-cone fraction left
     * @param xInvOld   its inverse light-cone fraction used
     * @param remPx     the remaining momentum after the step, x
     * @param remPy     y
     * @param remPz     z
     * @param remE      the remaining energy
     */
    private record TakenStep(boolean stops, double pxNew, double pyNew, double width, boolean vetoDrawn, double z,
                             Hadron hadron, int flavOld, double xDirOld, double xInvOld, double remPx, double remPy,
                             double remPz, double remE) {

        static TakenStep stop(End now) {
            return new TakenStep(true, now.pxNew.value(), now.pyNew.value(), now.width.value(), false, 0, null, 0, 0,
                    0, 0, 0, 0, 0);
        }

        static TakenStep of(End now, boolean vetoDrawn, double z, StochasticTriple remPx, StochasticTriple remPy,
                            StochasticTriple remPz, StochasticTriple remE) {
            Hadron h = now.hadrons.get(now.hadrons.size() - 1);
            Hadron constant = Hadron.of(h.pdgId(), h.mass(), h.px().value(), h.py().value(), h.pz().value(),
                    h.e().value(), h.end(), h.rank(), h.fromFinalTwo());
            return new TakenStep(false, now.pxNew.value(), now.pyNew.value(), now.width.value(), vetoDrawn, z,
                    constant, now.flavOld, now.xDirOld.value(), now.xInvOld.value(), remPx.value(), remPy.value(),
                    remPz.value(), remE.value());
        }

        /** Sets the end's trial pT and width as the recorded run drew them. */
        void restoreTransverse(End now) {
            now.pxNew = StochasticTriple.constant(pxNew);
            now.pyNew = StochasticTriple.constant(pyNew);
            now.width = StochasticTriple.constant(width);
        }

        /** Sets the end's state after the step as the recorded run left it. */
        void restoreAfter(End now, int rank) {
            now.flavOld = flavOld;
            now.xDirOld = StochasticTriple.constant(xDirOld);
            now.xInvOld = StochasticTriple.constant(xInvOld);
            now.pxOld = StochasticTriple.constant(-pxNew);
            now.pyOld = StochasticTriple.constant(-pyNew);
            now.rank = rank;
        }
    }

    /** Pythia's finalTwo as in {@link StringFragmenter}, with triple light-cone fractions; null on failure. */
    private Hadron[] finalTwo(Sampler stream, End now, End pos, End neg, StochasticTriple remPx,
                              StochasticTriple remPy, StochasticTriple remPz, StochasticTriple remE,
                              StochasticTriple w2Rem, Run run) {
        if (remE.value() < 0 || w2Rem.value() < 0) {
            return null;
        }
        if (pos.xDirOld.value() < neg.xInvOld.value() || pos.xInvOld.value() > neg.xDirOld.value()) {
            return null;
        }
        End other = now == pos ? neg : pos;
        int idOther = flavours.combineFinal(stream.fork(0), other.flavOld, now.sign() * now.outcome.newQuark());
        if (idOther == 0) {
            return null;
        }
        other.pxNew = now.pxNew.neg();
        other.pyNew = now.pyNew.neg();
        other.mHad = ParticleData.mass(idOther);
        int idNow = now.outcome.pdgId();
        StochasticTriple xPosRemT = remE.plus(remPz).div(fc.eCm());
        StochasticTriple xNegRemT = remE.minus(remPz).div(fc.eCm());
        if (!(xPosRemT.value() > 0 && xNegRemT.value() > 0)) {
            return null;
        }
        StochasticTriple pxRem = remPx.minus(pos.pxOld).minus(neg.pxOld);
        StochasticTriple pyRem = remPy.minus(pos.pyOld).minus(neg.pyOld);
        if (options.finalSplit()) {
            double mPosV = now == pos ? now.mHad : other.mHad;
            double mNegV = now == neg ? now.mHad : other.mHad;
            if (!finalSplit(stream, run, now, pos, neg, pxRem, pyRem, w2Rem, mPosV, mNegV)) {
                return null;
            }
        }
        double mPos = now == pos ? now.mHad : other.mHad;
        double mNeg = now == neg ? now.mHad : other.mHad;
        FinalTwoKinematics k = FinalTwoKinematics.of(pos.pxOld, pos.pyOld, pos.pxNew, pos.pyNew, neg.pxOld,
                neg.pyOld, neg.pxNew, neg.pyNew, pxRem, pyRem, mPos, mNeg, w2Rem);
        if (k == null) {
            return null;
        }
        StochasticTriple lambda = k.lambda();
        StochasticTriple probReverse = run.p.b().times(lambda).min(EXP_MAX).exp().plus(1).pow(-1);
        boolean reversed = options.orderAveraged()
                ? stream.fork(1).bernoulli(probReverse.value()).value() == 1
                : stream.fork(1).bernoulli(probReverse).value() == 1;
        if (run.score != null && run.p.b().value() * lambda.value() <= EXP_MAX) {
            // ∂b ln P(ordering) at fixed λ: −λ·(1 − P_rev) when reversed, λ·P_rev when not
            double pRev = probReverse.value();
            double s = reversed ? -lambda.value() * (1 - pRev) : lambda.value() * pRev;
            for (int j = 0; j < run.k; j++) {
                run.score[j] += s * run.p.b().delta(j);
            }
        }
        StochasticTriple xpz = k.xpz();
        int idPos = now == pos ? idNow : idOther;
        int idNeg = now == neg ? idNow : idOther;
        run.last = k.hadrons(reversed ? xpz.neg() : xpz, idPos, idNeg, pos.rank + 1, neg.rank + 1, xPosRemT,
                xNegRemT, fc.eCm());
        run.altLast = null;
        // the other ordering's event only feeds the ordering term's tangent: not built in runs without tangents
        if (options.orderAveraged() && run.k > 0) {
            run.altLast = k.hadrons(reversed ? xpz : xpz.neg(), idPos, idNeg, pos.rank + 1, neg.rank + 1, xPosRemT,
                    xNegRemT, fc.eCm());
            run.reversed = reversed;
            run.dProbReverse = probReverse.tangent();
            if (run.altLast == null) {
                throw new IllegalStateException("finalTwo: the other ordering has a negative energy");
            }
        }
        return run.last;
    }

    /**
     * finalTwo's kinematic condition W_T ≥ m_T⁺ + m_T⁻ as a region split of the last breakup's
     * transverse momentum k = pos.pxNew (neg.pxNew = −k): k is a centred Gaussian of per-component
     * width w (σ's value; σ enters by the ptScore weight), in polar form k = r·u with u uniform and
     * r Rayleigh, independent. Along u the condition holds iff r ∈ [lo, hi], since
     * g(r) = √(|A + r·u|² + m₊²) + √(|B − r·u|² + m₋²) is convex (A, B the ends' old pT, W_T free of
     * k). success ~ Bernoulli(q), q = F(hi) − F(lo), F(r) = 1 − exp(−r²/2w²), δq = p(hi)·δhi −
     * p(lo)·δlo with δhi = (δW_T − ∂g·δ)/g'(hi); then r is redrawn by inversion inside the chosen
     * region (sub-stream 3), on success with the truncated implicit tangent
     * δr = [p(lo)·δlo·(F(hi) − F(r)) + p(hi)·δhi·(F(r) − F(lo))]/(q·p(r)). The ptScore weight follows
     * the redrawn r.
     *
     * @return whether finalTwo may go on (false: the attempt fails)
     */
    private boolean finalSplit(Sampler stream, Run run, End now, End pos, End neg, StochasticTriple pxRem,
                               StochasticTriple pyRem, StochasticTriple w2Rem, double m1, double m2) {
        StochasticTriple ax = pos.pxOld.plus(pxRem.times(0.5));
        StochasticTriple ay = pos.pyOld.plus(pyRem.times(0.5));
        StochasticTriple bx = neg.pxOld.plus(pxRem.times(0.5));
        StochasticTriple by = neg.pyOld.plus(pyRem.times(0.5));
        StochasticTriple wT = w2Rem.plus(ax.plus(bx).square()).plus(ay.plus(by).square()).sqrt();
        double kx = pos.pxNew.value();
        double ky = pos.pyNew.value();
        double r0 = Math.hypot(kx, ky);
        if (options.finalPlane()) {
            return finalPlane(stream, run, now, pos, neg, ax, ay, bx, by, wT, r0, m1, m2);
        }
        double ux = r0 > 0 ? kx / r0 : 1;
        double uy = r0 > 0 ? ky / r0 : 0;
        double w = now.width.value();
        double wv = wT.value();
        // g along u: √((r + a)² + c1²) + √((r − b)² + c2²)
        double a = ax.value() * ux + ay.value() * uy;
        double b = bx.value() * ux + by.value() * uy;
        double c1 = Math.sqrt(Math.max(0, sq(ax.value()) + sq(ay.value()) - a * a) + m1 * m1);
        double c2 = Math.sqrt(Math.max(0, sq(bx.value()) + sq(by.value()) - b * b) + m2 * m2);
        double rStar = -a + (a + b) * c1 / (c1 + c2);
        double gMin = Math.hypot(a + b, c1 + c2);
        double lo = 0;
        double hi = 0;
        boolean possible = wv > gMin;
        if (possible) {
            double top = Math.max(rStar, 0) + 1;
            while (versus(top, a, b, c1, c2, wv) < 0) {
                top = 2 * top;
            }
            hi = root(Math.max(rStar, 0), top, a, b, c1, c2, wv);
            possible = hi > 0 && versus(Math.max(rStar, 0), a, b, c1, c2, wv) < 0;
            if (possible && rStar > 0 && versus(0, a, b, c1, c2, wv) > 0) {
                lo = root(rStar, 0, a, b, c1, c2, wv);
            }
        }
        int k = run.k;
        double[] dLo = new double[k];
        double[] dHi = new double[k];
        double sLo = Math.exp(-lo * lo / (2 * w * w));
        double sHi = Math.exp(-hi * hi / (2 * w * w));
        double q = possible ? sLo - sHi : 0;
        double pLo = lo / (w * w) * sLo;
        double pHi = hi / (w * w) * sHi;
        double[] dq = new double[k];
        if (possible && k > 0) {
            StochasticTriple gHi = gT(hi, ux, uy, ax, ay, bx, by, m1, m2);
            double slopeHi = gSlope(hi, a, b, c1, c2);
            StochasticTriple gLo = lo > 0 ? gT(lo, ux, uy, ax, ay, bx, by, m1, m2) : null;
            double slopeLo = gSlope(lo, a, b, c1, c2);
            for (int j = 0; j < k; j++) {
                dHi[j] = (wT.delta(j) - gHi.delta(j)) / slopeHi;
                dLo[j] = gLo == null ? 0 : (wT.delta(j) - gLo.delta(j)) / slopeLo;
                dq[j] = pHi * dHi[j] - pLo * dLo[j];
            }
        }
        if (q >= 1 || q <= 0) {
            // q rounds to 1 (or 0) only where p(hi), p(lo) underflow: the true tangent is far below an ulp
            java.util.Arrays.fill(dq, 0);
        }
        boolean success = stream.fork(2).bernoulli(StochasticTriple.of(q, dq)).value() == 1;
        double v = stream.fork(3).uniform();
        double sR;
        if (success) {
            sR = sLo - v * q;
        } else {
            double m = v * (1 - q);
            sR = m < 1 - sLo ? 1 - m : sHi - (m - (1 - sLo));
        }
        double r = w * Math.sqrt(-2 * Math.log(Math.max(sR, Double.MIN_NORMAL)));
        if (success) {
            r = Math.min(Math.max(r, lo), hi);
        }
        StochasticTriple width = now.width;
        StochasticTriple extra = width.square().pow(-1).times(0.5 * (r0 * r0 - r * r));
        run.logWeight = run.logWeight.plus(extra.minus(extra.value()));
        if (!success) {
            return false;
        }
        double[] dr = new double[k];
        if (k > 0) {
            double pR = r / (w * w) * sR;
            for (int j = 0; j < k; j++) {
                dr[j] = (pLo * dLo[j] * (sR - sHi) + pHi * dHi[j] * (sLo - sR)) / (q * pR);
            }
        }
        StochasticTriple rT = StochasticTriple.of(r, dr);
        pos.pxNew = rT.times(ux);
        pos.pyNew = rT.times(uy);
        neg.pxNew = pos.pxNew.neg();
        neg.pyNew = pos.pyNew.neg();
        return true;
    }

    /**
     * finalTwo's failure with the last breakup's whole pT k integrated out ({@link FinalTwoRegion}):
     * success ~ Bernoulli(q = P(k ∈ C)) with the bounded tangent δq, then k from the Gaussian
     * restricted to the chosen side (sub-stream 3), on success with the implicit tangent of the
     * triangular transport. The ptScore weight follows the redrawn k.
     */
    private boolean finalPlane(Sampler stream, Run run, End now, End pos, End neg, StochasticTriple ax,
                               StochasticTriple ay, StochasticTriple bx, StochasticTriple by, StochasticTriple wT,
                               double r0, double m1, double m2) {
        int k = run.k;
        double[] key = {ax.value(), ay.value(), bx.value(), by.value(), wT.value(), m1, m2, now.width.value()};
        FinalTwoRegion region = (FinalTwoRegion) run.memo.lookup(PrefixMemo.KIND_FINAL_PLANE, key);
        if (region == null) {
            region = FinalTwoRegion.of(ax, ay, bx, by, m1, m2, wT, now.width.value(), k);
            run.memo.record(PrefixMemo.KIND_FINAL_PLANE, key, region);
        }
        double q = region.q();
        // (a recorded region carries the recording run's tangents: a run without tangents passes none)
        double[] dq = k == 0 ? new double[0] : region.dq();
        if (q >= 1 || q <= 0) {
            java.util.Arrays.fill(dq, 0);
        }
        boolean success = stream.fork(2).bernoulli(StochasticTriple.of(q, dq)).value() == 1;
        double[] kk = region.draw(stream.fork(3), success);
        double r2 = kk[0] * kk[0] + kk[1] * kk[1];
        StochasticTriple extra = now.width.square().pow(-1).times(0.5 * (r0 * r0 - r2));
        run.logWeight = run.logWeight.plus(extra.minus(extra.value()));
        if (!success) {
            return false;
        }
        double[][] dk = k == 0 ? new double[2][0] : region.tangent(kk[0], kk[1]);
        pos.pxNew = StochasticTriple.of(kk[0], dk[0]);
        pos.pyNew = StochasticTriple.of(kk[1], dk[1]);
        neg.pxNew = pos.pxNew.neg();
        neg.pyNew = pos.pyNew.neg();
        return true;
    }

    /** W²_rem of the values: E² − p_x² − p_y² − p_z². */
    private static double mass2(StochasticTriple e, StochasticTriple px, StochasticTriple py, StochasticTriple pz) {
        double ev = e.value();
        double x = px.value();
        double y = py.value();
        double z = pz.value();
        return ev * ev - x * x - y * y - z * z;
    }

    /** Adds |p| − |p_z| of a new string hadron to the run's D (while per-step states are kept). */
    private static void addDeficit(Run run, Hadron h) {
        if (run.states != null) {
            double x = h.px().value();
            double y = h.py().value();
            double z = h.pz().value();
            run.deficit += Math.sqrt(x * x + y * y + z * z) - Math.abs(z);
        }
    }

    /**
     * W²_rem = E² − p_x² − p_y² − p_z², on plain numbers (the same arithmetic) when no operand
     * carries a tangent or a perturbation, as in every replayed run.
     */
    private static StochasticTriple remainingMass2(StochasticTriple e, StochasticTriple px, StochasticTriple py,
                                                   StochasticTriple pz) {
        if (plain(e) && plain(px) && plain(py) && plain(pz)) {
            return StochasticTriple.constant(mass2(e, px, py, pz));
        }
        return e.square().minus(px.square()).minus(py.square()).minus(pz.square());
    }

    private static boolean plain(StochasticTriple t) {
        return t.directions() == 0 && !t.hasPerturbation();
    }

    private static double sq(double x) {
        return x * x;
    }

    static double g(double r, double a, double b, double c1, double c2) {
        return Math.hypot(r + a, c1) + Math.hypot(r - b, c2);
    }

    /**
     * The sign of g(r) − target, exactly as {@link #g} (with {@code Math.hypot}) gives it: decided by
     * the cheaper √(x² + y²) form wherever that is farther from the target than both forms' rounding
     * (a few ulps; the margin 1e-12 is a thousand times that), else by g itself — so every bisection
     * step goes the same way as with g alone.
     */
    static int versus(double r, double a, double b, double c1, double c2, double target) {
        double fast = fastG(r, a, b, c1, c2);
        double margin = 1e-12 * (1 + Math.abs(target) + Math.abs(fast));
        if (fast < target - margin) {
            return -1;
        }
        if (fast > target + margin) {
            return 1;
        }
        double exact = g(r, a, b, c1, c2);
        return exact < target ? -1 : exact > target ? 1 : 0;
    }

    private static double gSlope(double r, double a, double b, double c1, double c2) {
        return (r + a) / Math.hypot(r + a, c1) + (r - b) / Math.hypot(r - b, c2);
    }

    /** g at fixed r with the ends' pT as triples (their tangents move g at fixed r). */
    private static StochasticTriple gT(double r, double ux, double uy, StochasticTriple ax, StochasticTriple ay,
                                       StochasticTriple bx, StochasticTriple by, double m1, double m2) {
        StochasticTriple t1 = ax.plus(r * ux).square().plus(ay.plus(r * uy).square()).plus(m1 * m1).sqrt();
        StochasticTriple t2 = bx.minus(r * ux).square().plus(by.minus(r * uy).square()).plus(m2 * m2).sqrt();
        return t1.plus(t2);
    }

    /**
     * The root of g = target between in (g &lt; target) and out (g &gt; target) by bisection on
     * {@link #versus}, to 1e-13 relative. g rises monotonically from in towards out (it is convex with
     * its minimum at or before in), so Newton's method from out approaches the root from above; once
     * g is certified below the target a little on the in side of Newton's estimate and above it a
     * little on the out side (by more than twice versus's margin), every bisection point outside that
     * zone has the sign versus would give, and only the points inside it are evaluated. The
     * result is bit for bit that of plain bisection ({@code PathwiseFragmenterTest}).
     */
    static double root(double in, double out, double a, double b, double c1, double c2, double target) {
        double s = out > in ? 1 : -1;
        double x = out;
        for (int i = 0; i < 8; i++) {
            double step = (fastG(x, a, b, c1, c2) - target) / fastSlope(x, a, b, c1, c2);
            if (!Double.isFinite(step) || !((x - step - in) * s >= 0)) {
                break;
            }
            x -= step;
            if (Math.abs(step) <= 1e-15 * (1 + Math.abs(x))) {
                break;
            }
        }
        double zone = 1e-11 * (1 + Math.abs(x));
        double below = x - s * zone;
        double above = x + s * zone;
        double gBelow = fastG(below, a, b, c1, c2);
        double gAbove = fastG(above, a, b, c1, c2);
        boolean certified = gBelow < target - 2e-12 * (1 + Math.abs(target) + Math.abs(gBelow))
                && gAbove > target + 2e-12 * (1 + Math.abs(target) + Math.abs(gAbove));
        double x0 = in;
        double x1 = out;
        for (int i = 0; i < 200 && Math.abs(x1 - x0) > 1e-13 * (1 + Math.abs(x0)); i++) {
            double mid = 0.5 * (x0 + x1);
            boolean under = certified && (mid - below) * s <= 0
                    || !(certified && (mid - above) * s >= 0) && versus(mid, a, b, c1, c2, target) < 0;
            if (under) {
                x0 = mid;
            } else {
                x1 = mid;
            }
        }
        return 0.5 * (x0 + x1);
    }

    /** g in the cheap √(x² + y²) form (within a few ulps of {@link #g}). */
    private static double fastG(double r, double a, double b, double c1, double c2) {
        double x = r + a;
        double y = r - b;
        return Math.sqrt(x * x + c1 * c1) + Math.sqrt(y * y + c2 * c2);
    }

    private static double fastSlope(double r, double a, double b, double c1, double c2) {
        double x = r + a;
        double y = r - b;
        return x / Math.sqrt(x * x + c1 * c1) + y / Math.sqrt(y * y + c2 * c2);
    }
}
