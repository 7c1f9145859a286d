package org.stochad.lund.fit;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;
import org.stochad.Estimators;
import org.stochad.Seeds;
import org.stochad.StochasticAdOptions;
import org.stochad.lund.EventRunner;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.pathwise.LawScoreEstimator;
import org.stochad.optim.Adam;
import org.stochad.optim.Objective;
import org.stochad.optim.OptimizationResult;

/**
 * One fit of the Lund (a, b) to binned data on a histogram loss ({@link HistogramLoss}), σ_pT and
 * ρ held at the settings' values, with gradients either (i) by RSA reweighting of one fixed base
 * sample generated at the start — deterministic, no events per step, valid while the effective
 * sample size lasts — or (ii) re-simulated at the current (a, b) every step: the loss gradient
 * Σ_k ∂L/∂h_k·dh_k/dθ with ∂L/∂h_k from an independent histogram batch (the histogram from one
 * half, the simulated variance in the χ² from the other) and dh_k/dθ by stochastic AD or the
 * hybrid estimator: either the single program Σ_entries c_bin(entry) with c = ∂L/∂h
 * ({@link Gradient#SCALAR_PROXY}, the default, which reproduces the published fits), or the whole
 * Jacobian dh_k/dθ of every bin from one vector estimate, cross-fitted with ĥ and v̂ from plain
 * events and also giving the Gauss–Newton metric ({@link Gradient#JACOBIAN}, cheaper per step).
 *
 * <p>The steps are stochastic Gauss–Newton ({@link Stepper#GAUSS_NEWTON}) or the core's
 * {@link Adam} over the (loss, gradient) function, its learning rate decaying linearly to 10 %
 * over the run. Repeated fits and their statistics are {@link FitStudy}'s.
 */
public final class LundFit {

    /** How the gradient of each step is obtained. */
    public enum Method {
        /** RSA reweighting of a fixed base sample. */
        RSA,
        /**
         * RSA reweighting, with a new base sample generated at the current (a, b) whenever the
         * effective sample size falls below {@link #REBASE_FRACTION} of the sample.
         */
        RSA_REBASED,
        /** Re-simulation each step with stochastic AD or the hybrid estimator. */
        RESIMULATED
    }

    /**
     * Fit settings.
     *
     * @param baseEvents      RSA base-sample size
     * @param histogramEvents re-simulation: events per step for the histogram (∂L/∂h)
     * @param gradientSamples re-simulation: estimator samples per step
     * @param steps           Adam steps
     * @param learningRate    Adam step size
     * @param repeats         fits per (method, start) with different seeds
     * @param averageLast     the fitted value is the mean of the last this many path points
     * @param loss            the loss
     * @param estimator       re-simulation's gradient estimator
     * @param stepper         the update rule
     * @param seed            the seed
     * @param threads         worker threads
     * @param progress        whether progress lines are wanted (the caller passes a log to {@link LundFit#withLog})
     */
    public record Options(int baseEvents, int histogramEvents, int gradientSamples, int steps, double learningRate,
                          int repeats, int averageLast, HistogramLoss loss, Resimulation estimator, Stepper stepper,
                          long seed, int threads, boolean progress) {

        /**
         * Checks the values.
         *
         * @param baseEvents RSA base-sample size
         * @param histogramEvents re-simulation: events per step for the histogram (∂L/∂h)
         * @param gradientSamples re-simulation: estimator samples per step
         * @param steps Adam steps
         * @param learningRate Adam step size
         * @param repeats fits per (method, start) with different seeds
         * @param averageLast the fitted value is the mean of the last this many path points
         * @param loss the loss
         * @param estimator re-simulation's gradient estimator
         * @param stepper the update rule
         * @param seed the seed
         * @param threads worker threads
         * @param progress progress lines wanted (the caller's {@link LundFit#withLog} receives them)
         */
        public Options {
            if (baseEvents < 10 || histogramEvents < 10 || gradientSamples < 2 || steps < 1 || repeats < 1
                    || averageLast < 1 || threads < 1) {
                throw new IllegalArgumentException("fit options: baseEvents = " + baseEvents + ", histogramEvents = "
                        + histogramEvents + ", gradientSamples = " + gradientSamples + ", steps = " + steps
                        + ", repeats = " + repeats + ", averageLast = " + averageLast + ", threads = " + threads);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate = " + learningRate + " is not > 0");
            }
            if (loss == null || stepper == null || estimator == null) {
                throw new IllegalArgumentException("loss = " + loss + ", stepper = " + stepper + ", estimator = "
                        + estimator);
            }
            if (stepper == Stepper.GAUSS_NEWTON && loss != HistogramLoss.CHI2) {
                throw new IllegalArgumentException("stepper = GAUSS_NEWTON needs loss = CHI2 (its metric is the χ²'s),"
                        + " not " + loss + "; use ADAM");
            }
        }

        /**
         * @return the statistics of docs/hadronization-gradients.md: re-simulation with the law score,
         *         2 000 histogram events and 600 samples per step (0.7·10⁶ events per fit with the pilots)
         */
        public static Options docs() {
            return new Options(20_000, 2_000, 600, 200, 0.02, 3, 40, HistogramLoss.CHI2, Resimulation.LAW_SCORE,
                    Stepper.GAUSS_NEWTON, 20261122L, 2, true);
        }

        /** @return a quick run */
        public static Options quick() {
            return new Options(4_000, 1_000, 300, 60, 0.03, 2, 15, HistogramLoss.CHI2, Resimulation.LAW_SCORE,
                    Stepper.GAUSS_NEWTON, 20261122L, 2, false);
        }

        /**
         * @return the events of each of the law score's three pilot runs per step: half the gradient
         *         samples, at least 100
         */
        public int lawScorePilotEvents() {
            return Math.max(100, gradientSamples / 2);
        }

        /**
         * @param u the update rule
         * @return these options with that rule
         */
        public Options withStepper(Stepper u) {
            return new Options(baseEvents, histogramEvents, gradientSamples, steps, learningRate, repeats, averageLast,
                    loss, estimator, u, seed, threads, progress);
        }

        /**
         * @param l the loss
         * @return these options with that loss, and Adam steps unless it is the χ²
         */
        public Options withLoss(HistogramLoss l) {
            return new Options(baseEvents, histogramEvents, gradientSamples, steps, learningRate, repeats, averageLast,
                    l, estimator, l == HistogramLoss.CHI2 ? stepper : Stepper.ADAM, seed, threads, progress);
        }
    }

    /** The gradient estimator of a re-simulated step. */
    public enum Resimulation {
        /** Stochastic AD (replay) of the flips mode. */
        STOCHASTIC_AD("sad"),
        /** The hybrid of stochastic AD (replay) and the score function, flips mode. */
        HYBRID("hybrid"),
        /**
         * The Lund law's score with restarts conditioned and per-step control variates, on the fast
         * path ({@link org.stochad.lund.pathwise.LawScoreEstimator}); its three pilot runs per step
         * have half the step's gradient samples each (counted in the fit's events). Scalar proxy
         * steps only.
         */
        LAW_SCORE("law-score");

        private final String word;

        Resimulation(String word) {
            this.word = word;
        }

        /** @return its short name (the command line's) */
        public String word() {
            return word;
        }

        /**
         * @param name a short name
         * @return its estimator
         * @throws IllegalArgumentException naming the name when it is unknown
         */
        public static Resimulation parse(String name) {
            for (Resimulation r : values()) {
                if (r.word.equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("estimator '" + name + "' is unknown (known: " + String.join(", ",
                    java.util.Arrays.stream(values()).map(Resimulation::word).toList()) + ")");
        }
    }

    /**
     * The update rule of a fit step.
     */
    public enum Stepper {
        /**
         * The core's {@link Adam} in (a, b) (β = 0.9, 0.999, bias-corrected), the learning rate
         * decaying linearly to 10 % over the run.
         */
        ADAM,
        /**
         * Damped stochastic Gauss–Newton with the χ² loss's metric, the metric estimated by the score
         * of the step's histogram events ({@link LossCurvature}); the learning rate is not used. χ²
         * loss only.
         */
        GAUSS_NEWTON
    }

    /** How a re-simulated step gets dh_k/dθ. */
    public enum Gradient {
        /**
         * The program Σ_entries c_bin(entry), c = ∂L/∂h of the step: one scalar estimate of
         * Σ_k ∂L/∂h_k·dh_k/dθ (the fits of docs/hadronization-gradients.md).
         */
        SCALAR_PROXY,
        /**
         * The Jacobian dh_k/dθ of every bin from one vector estimate of the bin densities
         * ({@link org.stochad.Estimator#jacobian}), contracted with ∂L/∂h from two independent halves of
         * plain histogram events (ĥ from one, v̂ from the other, both orders averaged), the
         * Gauss–Newton metric from a running mean of the Jacobian: no event histories or RSA
         * weights per step, so about 0.8× the scalar proxy's cost at the quick setting
         * (docs/hadronization-gradients.md, section 4).
         */
        JACOBIAN
    }

    /**
     * How re-simulated steps get dh_k/dθ unless {@link #withGradient} says otherwise: the scalar
     * proxy, whose fits docs/hadronization-gradients.md publishes.
     */
    public static final Gradient DEFAULT_GRADIENT = Gradient.SCALAR_PROXY;

    /** The initial gain η of {@link Stepper#GAUSS_NEWTON}. */
    public static final double GAUSS_NEWTON_GAIN = GaussNewtonStep.GAIN;

    /** The largest change of a or b in one {@link Stepper#GAUSS_NEWTON} step. */
    public static final double MAX_STEP = GaussNewtonStep.MAX_STEP;

    /** N_eff/N below which {@link Method#RSA_REBASED} draws a new base sample. */
    public static final double REBASE_FRACTION = 0.5;

    /** Fraction of the learning rate by which Adam's rate falls over the run (to 10 %). */
    static final double ADAM_DECAY = 0.9;

    /** Lower bounds of (a, b) during a fit. */
    static final double[] LOWER = {0.05, 0.2};
    /** Upper bounds of (a, b) during a fit. */
    static final double[] UPPER = {2.0, 3.0};

    private final LundSettings settings;
    private final List<FitTarget> targets;
    private final Options options;
    private final Consumer<String> log;
    private final Gradient gradient;
    private final UnaryOperator<Estimator> placement;
    /** Where the histogram events of re-simulated steps are generated; null: this process's threads. */
    private final EventRunner events;

    private LundFit(LundSettings settings, List<FitTarget> targets, Options options, Consumer<String> log,
                    Gradient gradient, UnaryOperator<Estimator> placement, EventRunner events) {
        this.settings = settings;
        this.targets = List.copyOf(targets);
        this.options = options;
        this.log = log;
        this.gradient = gradient;
        this.placement = placement;
        this.events = events;
    }

    /**
     * @param settings everything but (a, b) (σ_pT, ρ, E_CM, pions-only …)
     * @param targets  histograms and data
     * @param options  fit settings
     * @return the fit
     */
    public static LundFit of(LundSettings settings, List<FitTarget> targets, Options options) {
        if (settings == null || targets == null || targets.isEmpty() || options == null) {
            throw new IllegalArgumentException("settings, targets (non-empty) and options are required");
        }
        return new LundFit(settings, targets, options, line -> { }, DEFAULT_GRADIENT, UnaryOperator.identity(), null);
    }

    /**
     * @param lines receives a progress line every 20 steps (when {@link Options#progress()})
     * @return this fit reporting there
     */
    public LundFit withLog(Consumer<String> lines) {
        if (lines == null) {
            throw new IllegalArgumentException("log = null");
        }
        return new LundFit(settings, targets, options, lines, gradient, placement, events);
    }

    /**
     * @param g how re-simulated steps get dh_k/dθ
     * @return this fit using that
     */
    public LundFit withGradient(Gradient g) {
        if (g == null) {
            throw new IllegalArgumentException("gradient = null");
        }
        return new LundFit(settings, targets, options, log, g, placement, events);
    }

    /**
     * Lets a caller run the gradient estimates of re-simulated steps elsewhere (on a cluster, say)
     * with the same numbers: the estimator of each step ({@link Gradient#SCALAR_PROXY}'s scalar
     * estimate, {@link Gradient#JACOBIAN}'s Jacobian estimate) is {@code where.apply(estimator)}, and
     * the program it receives is serializable. The histogram events of the steps ({@link #withEvents})
     * and the RSA samples stay in this process.
     *
     * @param where maps the fit's estimator to the one that runs the estimates (identity by default)
     * @return this fit placing its estimator there
     */
    public LundFit withPlacement(UnaryOperator<Estimator> where) {
        if (where == null) {
            throw new IllegalArgumentException("placement = null");
        }
        return new LundFit(settings, targets, options, log, gradient, where, events);
    }

    /**
     * Lets a caller generate the histogram events of re-simulated steps elsewhere (on a cluster,
     * say) with the same numbers: the events' histogram entries and RSA scores are computed where
     * {@code where} runs and come back in index order. The RSA fits' base samples stay in this process.
     *
     * @param where where the events are generated
     * @return this fit generating its step events there
     */
    public LundFit withEvents(EventRunner where) {
        if (where == null) {
            throw new IllegalArgumentException("events = null");
        }
        return new LundFit(settings, targets, options, log, gradient, placement, where);
    }

    /** @return how re-simulated steps get dh_k/dθ */
    public Gradient gradient() {
        return gradient;
    }

    /** @return the targets */
    public List<FitTarget> targets() {
        return targets;
    }

    /** @return the settings: everything but (a, b) */
    public LundSettings settings() {
        return settings;
    }

    /** @return the fit settings */
    public Options options() {
        return options;
    }

    void log(String line) {
        if (options.progress()) {
            log.accept(line);
        }
    }

    /**
     * One RSA fit: a base sample at the start, reweighted at every step.
     *
     * @param start (a, b)
     * @param seed  the base sample's seed
     * @return the trajectory
     */
    public FitResult fitRsa(double[] start, long seed) {
        return reweighted(start, seed, false);
    }

    /**
     * One RSA fit that draws a new base sample at the current (a, b) whenever N_eff/N falls below
     * {@link #REBASE_FRACTION}.
     *
     * @param start (a, b)
     * @param seed  the seed of the first base sample (later ones are derived from it)
     * @return the trajectory; events counts every base sample
     */
    public FitResult fitRsaRebased(double[] start, long seed) {
        return reweighted(start, seed, true);
    }

    /**
     * @param method the method
     * @param start  (a, b)
     * @param seed   the fit's seed
     * @return the trajectory
     */
    public FitResult fit(Method method, double[] start, long seed) {
        return switch (method) {
            case RSA -> fitRsa(start, seed);
            case RSA_REBASED -> fitRsaRebased(start, seed);
            case RESIMULATED -> fitResimulated(start, seed);
        };
    }

    private FitResult reweighted(double[] start, long seed, boolean rebase) {
        long t0 = System.nanoTime();
        int n = options.baseEvents();
        ReweightedSample[] sample = {ReweightedSample.generate(at(start), targets, n, seed, options.threads())};
        long[] samples = {1};
        double[] neff = new double[options.steps() + 1];
        Step step = theta -> {
            ReweightedSample.Evaluation e = sample[0].evaluate(theta[0], theta[1], options.loss());
            if (rebase && e.effectiveSampleSize() < REBASE_FRACTION * n) {
                sample[0] = ReweightedSample.generate(at(theta), targets, n, Seeds.mix(seed + samples[0]),
                        options.threads());
                samples[0]++;
                e = sample[0].evaluate(theta[0], theta[1], options.loss());
            }
            ReweightedSample.Evaluation ev = e;
            return new StepValue(e.loss(), e.gradient(), e.effectiveSampleSize(),
                    () -> LossCurvature.of(ev, targets, n, n).metric());
        };
        double[][] out = optimise(start, step, neff);
        return new FitResult(rebase ? Method.RSA_REBASED : Method.RSA, start.clone(), seed, path(out), losses(out),
                neff, samples[0] * n, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * One re-simulated fit.
     *
     * @param start (a, b)
     * @param seed  the fit's seed
     * @return the trajectory
     */
    public FitResult fitResimulated(double[] start, long seed) {
        if (settings.differentiation() == LundSettings.Differentiation.PATHWISE) {
            // the fit differentiates histogram bins: thresholds on the hadrons' momenta, whose
            // edge crossings the pathwise mode misses
            throw new IllegalArgumentException(LundSettings.DIFFERENTIATION + " = pathwise: a re-simulated fit"
                    + " differentiates histogram bins, whose bin-edge crossings the pathwise mode misses (biased);"
                    + " use " + LundSettings.DIFFERENTIATION + " = flips");
        }
        boolean law = options.estimator() == Resimulation.LAW_SCORE;
        if (law && gradient == Gradient.JACOBIAN) {
            throw new IllegalArgumentException("estimator = LAW_SCORE gives the scalar proxy's gradient only, not "
                    + Gradient.JACOBIAN);
        }
        long t0 = System.nanoTime();
        StochasticAdOptions replay = StochasticAdOptions.replay().parallelism(options.threads());
        Estimator estimator = options.estimator() == Resimulation.STOCHASTIC_AD ? Estimators.stochasticAd(replay)
                : Estimators.hybrid(replay);
        List<HistogramSpec> specs = targets.stream().map(FitTarget::spec).toList();
        // the generator is built once; each step only swaps the linear function of the entries
        LundProgram base = BinWeightProgram.base(settings);
        Estimator placed = placement.apply(estimator);
        int pilotEvents = options.lawScorePilotEvents();
        // the law score is made for the step's program: placed (e.g. on Spark) it travels with it
        ProxyGradient proxy = law
                ? (program, theta, s) -> placement.apply(LawScoreEstimator.of(program.lundProgram(), options.threads(),
                        pilotEvents)).estimate(program.lundProgram(), theta, options.gradientSamples(), s)
                : (program, theta, s) -> placed.estimate(program, theta, options.gradientSamples(), s);
        Step step = gradient == Gradient.JACOBIAN ? jacobianStep(placed, base, specs, seed)
                : scalarStep(proxy, base, specs, seed);
        double[][] out = optimise(start, step, null);
        long events = (long) options.steps() * (options.histogramEvents() + options.gradientSamples()
                + (law ? 3L * pilotEvents : 0));
        return new FitResult(Method.RESIMULATED, start.clone(), seed, path(out), losses(out), new double[0], events,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** One step's estimate of the scalar proxy program's gradient. */
    private interface ProxyGradient {
        GradientEstimate estimate(BinWeightProgram program, double[] theta, long seed);
    }

    /** The {@link Gradient#SCALAR_PROXY} step: histogram events in two halves, then one scalar estimate. */
    private Step scalarStep(ProxyGradient proxy, LundProgram base, List<HistogramSpec> specs, long seed) {
        EventRunner runner = events == null ? EventRunner.threads(options.threads()) : events;
        long[] stepIndex = {0};
        return theta -> {
            long t = stepIndex[0]++;
            LundSettings here = at(theta);
            // the histogram from one half of the batch, its variance from the other: ∂L/∂h =
            // 2(ĥ − d)/(v + σ²_d) with ĥ and v from the same events would be biased (v grows with ĥ),
            // which drags the fit along the shallow (a, b) valley
            int half = Math.max(2, options.histogramEvents() / 2);
            // the first half as an (unweighted) RSA sample also gives dh/dθ by the score, for the metric
            ReweightedSample.Evaluation f = ReweightedSample.generateAndEvaluate(here, targets, half,
                    Seeds.mix(seed + 31 * t + 1), runner, theta[0], theta[1], options.loss());
            PseudoData.Densities g2 = PseudoData.fill(here, specs, half, Seeds.mix(seed + 31 * t + 3), runner);
            double loss = 0;
            double[][] c = new double[targets.size()][];
            for (int k = 0; k < targets.size(); k++) {
                c[k] = new double[specs.get(k).bins()];
                loss += options.loss().value(f.histograms().get(k), g2.var()[k], targets.get(k).data(), c[k]);
                for (int b = 0; b < c[k].length; b++) {
                    c[k][b] /= specs.get(k).width(b);
                }
            }
            GradientEstimate g = proxy.estimate(BinWeightProgram.of(base, specs, c), theta, Seeds.mix(seed + 31 * t + 2));
            return new StepValue(loss, new double[] {g.mean(0), g.mean(1)}, Double.NaN,
                    () -> LossCurvature.of(f, targets, half, half).metric());
        };
    }

    /** Weight of the newest step's dh/dθ in the running mean the {@link Gradient#JACOBIAN} metric is made of. */
    static final double JACOBIAN_MEMORY = 0.2;

    /**
     * The {@link Gradient#JACOBIAN} step. Two independent halves of plain histogram events (no
     * event histories, no RSA weights) give ĥ_A, v̂_A and ĥ_B, v̂_B; one Jacobian estimate on its own
     * seed gives Ĵ = dĥ/dθ of every bin. The gradient is ½ Σ_k [∂L/∂h_k(ĥ_A, v̂_B) + ∂L/∂h_k(ĥ_B,
     * v̂_A)]·Ĵ_k: in each term the three factors are independent, so its expectation is
     * Σ_k E[∂L/∂h_k(ĥ, v̂)]·dh_k/dθ, as for the scalar proxy; ĥ and Ĵ from the same samples would add
     * Cov(ĥ_k, Ĵ_k), a bias that does not vanish at the minimum. The Gauss–Newton metric is
     * Σ_k W_k J̃_k J̃_kᵀ with J̃ a running mean of the steps' Ĵ ({@link #JACOBIAN_MEMORY}) and W_k =
     * 1/(v̄_k + σ²_k): Ĵ_k Ĵ_kᵀ of one step carries Ĵ's covariance, which swamps the small
     * curvature along the (a, b) valley and stalls the steps there; averaging Ĵ over the steps first
     * cuts that covariance about 9-fold. The metric only scales the step, so it does not move the
     * fixed point. No event histories or RSA weights: this replaces the scalar proxy's score metric,
     * the most expensive part of its step.
     */
    private Step jacobianStep(Estimator placed, LundProgram base, List<HistogramSpec> specs, long seed) {
        BinDensityProgram program = BinDensityProgram.of(base, specs);
        EventRunner runner = events == null ? EventRunner.threads(options.threads()) : events;
        int[] offsets = BinDensityProgram.offsets(specs);
        int m = offsets[specs.size()];
        double[][] smooth = new double[m][];
        long[] stepIndex = {0};
        return theta -> {
            long t = stepIndex[0]++;
            int half = Math.max(2, options.histogramEvents() / 2);
            PseudoData.Densities[] halves = {
                PseudoData.fill(at(theta), specs, half, Seeds.mix(seed + 31 * t + 1), runner),
                PseudoData.fill(at(theta), specs, half, Seeds.mix(seed + 31 * t + 3), runner)};
            JacobianEstimate e = placed.jacobian(program, theta, EstimateRequest.samples(options.gradientSamples())
                    .seed(Seeds.mix(seed + 31 * t + 2)));
            double loss = 0;
            double[] g = new double[2];
            double[] vm = new double[m];
            for (int k = 0; k < specs.size(); k++) {
                int bins = specs.get(k).bins();
                for (int q = 0; q < 2; q++) {
                    double[] c = new double[bins];
                    loss += 0.5 * options.loss().value(halves[q].mean()[k], halves[1 - q].var()[k],
                            targets.get(k).data(), c);
                    for (int b = 0; b < bins; b++) {
                        g[0] += 0.5 * c[b] * e.mean(offsets[k] + b, 0);
                        g[1] += 0.5 * c[b] * e.mean(offsets[k] + b, 1);
                    }
                }
                for (int b = 0; b < bins; b++) {
                    vm[offsets[k] + b] = 0.5 * (halves[0].var()[k][b] + halves[1].var()[k][b]);
                }
            }
            double[][] jm = new double[m][];
            for (int i = 0; i < m; i++) {
                double[] now = {e.mean(i, 0), e.mean(i, 1)};
                if (smooth[i] == null) {
                    smooth[i] = now;
                } else {
                    for (int x = 0; x < 2; x++) {
                        smooth[i][x] = (1 - JACOBIAN_MEMORY) * smooth[i][x] + JACOBIAN_MEMORY * now[x];
                    }
                }
                jm[i] = smooth[i].clone();
            }
            return new StepValue(loss, g, Double.NaN, () -> metric(jm, vm, specs, offsets));
        };
    }

    private double[][] metric(double[][] jac, double[] v, List<HistogramSpec> specs, int[] offsets) {
        double[][] a = new double[2][2];
        for (int t = 0; t < specs.size(); t++) {
            double[] err = targets.get(t).data().errors();
            for (int b = 0; b < specs.get(t).bins(); b++) {
                int i = offsets[t] + b;
                double total = v[i] + err[b] * err[b];
                if (!(total > 0)) {
                    continue;
                }
                double w = 1 / total;
                for (int x = 0; x < 2; x++) {
                    for (int y = 0; y < 2; y++) {
                        a[x][y] += w * jac[i][x] * jac[i][y];
                    }
                }
            }
        }
        return a;
    }

    /** One step's evaluation: loss, ∂(a, b), N_eff (RSA, else NaN) and the Gauss–Newton metric on demand. */
    private record StepValue(double loss, double[] gradient, double neff, java.util.function.Supplier<double[][]> metric) {
    }

    /** The evaluation at a point. */
    private interface Step {
        StepValue at(double[] theta);
    }

    /** @return rows {loss, a, b} per step and the final (a, b), with the loss there, in the last row */
    private double[][] optimise(double[] start, Step step, double[] neff) {
        double[][] path;
        double[] losses;
        if (options.stepper() == Stepper.ADAM) {
            OptimizationResult r = Adam.of(options.learningRate()).withLinearDecay(ADAM_DECAY).withBounds(LOWER, UPPER)
                    .minimize((Objective) (theta, t) -> {
                        StepValue v = record(step.at(theta), theta, t, neff);
                        return new Objective.Evaluation(v.loss(), v.gradient());
                    }, start, options.steps());
            path = r.parameters();
            losses = r.loss();
        } else {
            double[][][] r = GaussNewtonStep.minimize((theta, t) -> {
                StepValue v = record(step.at(theta), theta, t, neff);
                return new GaussNewtonStep.Evaluation(v.loss(), v.gradient(), v.metric().get());
            }, start, options.steps(), LOWER, UPPER);
            path = r[0];
            losses = r[1][0];
        }
        double[] theta = path[options.steps()];
        StepValue last = step.at(theta.clone());
        if (neff != null) {
            neff[options.steps()] = last.neff();
        }
        double[][] rows = new double[options.steps() + 1][];
        for (int t = 0; t < options.steps(); t++) {
            rows[t] = new double[] {losses[t], path[t][0], path[t][1]};
        }
        rows[options.steps()] = new double[] {last.loss(), theta[0], theta[1]};
        return rows;
    }

    private StepValue record(StepValue r, double[] theta, int t, double[] neff) {
        if (neff != null) {
            neff[t] = r.neff();
        }
        if (t % 20 == 0 || t == options.steps() - 1) {
            log(String.format(Locale.ROOT, "[fit]   step %d: a = %.4f, b = %.4f, loss = %.4g%s", t, theta[0],
                    theta[1], r.loss(), neff != null ? String.format(Locale.ROOT, ", N_eff = %.0f", r.neff()) : ""));
        }
        return r;
    }

    private static double[][] path(double[][] rows) {
        double[][] p = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            p[i] = new double[] {rows[i][1], rows[i][2]};
        }
        return p;
    }

    private static double[] losses(double[][] rows) {
        double[] l = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = rows[i][0];
        }
        return l;
    }

    /** @return the settings at (a, b), σ and ρ kept */
    LundSettings at(double[] ab) {
        return settings.withAB(ab[0], ab[1]);
    }
}
