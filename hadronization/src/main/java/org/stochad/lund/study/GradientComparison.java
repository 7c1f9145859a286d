package org.stochad.lund.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.EventRunner;
import org.stochad.lund.LundFunction;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;
import org.stochad.lund.pathwise.LawScoreEstimator;
import org.stochad.lund.reweight.ImplicitZ;
import org.stochad.lund.reweight.LogWeight;
import org.stochad.lund.reweight.RsaDerivativeEstimator;
import org.stochad.lund.reweight.RsaWeights;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;
import org.stochad.study.VarianceStudy;

/**
 * The estimator comparison on the Lund generator: (1) unbiasedness — stochastic AD
 * (replay), the hybrid, the score function with baseline and the RSA derivative against a
 * common-random-number central difference for ⟨N⟩, a rapidity bin, ⟨thrust⟩ and an x_E bin; (2) the size of
 * the finalTwo ordering term of d/db; (3) d⟨z⟩/da of a single z draw against quadrature, incl.
 * implicit reparameterisation; (4) a variance study (core harness) of d⟨N⟩/dθ for all four
 * parameters at the Monash point.
 */
public final class GradientComparison {

    /** Mixed into a row's seed for its warm-up run. */
    private static final long WARM_UP_SEED = 0x5741524d5550L;

    /** Parameter names in θ order. */
    public static final List<String> NAMES = List.of("a", "b", "sigma", "rho");

    /**
     * How much to run.
     *
     * @param samples        samples per estimator for the unbiasedness table
     * @param fdSamples      samples of the finite difference (the reference)
     * @param fdStep         the central difference's step h
     * @param studySamples   samples per estimator in the variance study
     * @param singleZSamples samples per estimator for the single z draw
     * @param seed           the seed
     * @param threads        worker threads
     * @param progress       report each stage to the comparison's log
     */
    public record Options(int samples, int fdSamples, double fdStep, int studySamples, int singleZSamples, long seed,
                          int threads, boolean progress) {

        /**
         * Checks the values.
         *
         * @param samples samples per estimator for the unbiasedness table
         * @param fdSamples samples of the finite difference (the reference)
         * @param fdStep the central difference's step h
         * @param studySamples samples per estimator in the variance study
         * @param singleZSamples samples per estimator for the single z draw
         * @param seed the seed
         * @param threads worker threads
         * @param progress report each stage to the comparison's log
         */
        public Options {
            if (samples < 2 || fdSamples < 2 || studySamples < 2 || singleZSamples < 2) {
                throw new IllegalArgumentException("samples = " + samples + ", fdSamples = " + fdSamples
                        + ", studySamples = " + studySamples + ", singleZSamples = " + singleZSamples
                        + ": each must be >= 2");
            }
            if (!(fdStep > 0)) {
                throw new IllegalArgumentException("fdStep = " + fdStep + " is not > 0");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads = " + threads + " is less than 1");
            }
        }

        /** @return the statistics used for docs/hadronization-gradients.md */
        public static Options docs() {
            return new Options(30_000, 60_000, 0.02, 10_000, 40_000, 20261122L, 2, true);
        }

        /** @return a quick run (about a minute on two cores) */
        public static Options quick() {
            return new Options(4_000, 10_000, 0.02, 2_000, 10_000, 20261122L, 2, false);
        }
    }

    private final LundSettings pions;
    private final LundSettings monash;
    private final Options options;

    private final Consumer<String> log;
    private final UnaryOperator<Estimator> placement;
    /** Where the events of the finalTwo decomposition are generated; null: this process's threads. */
    private final EventRunner events;

    private GradientComparison(LundSettings pions, LundSettings monash, Options options, Consumer<String> log,
                               UnaryOperator<Estimator> placement, EventRunner events) {
        this.pions = pions;
        this.monash = monash;
        this.options = options;
        this.log = log;
        this.placement = placement;
        this.events = events;
    }

    /**
     * Lets a caller run the estimates elsewhere (on a cluster, say) with the same numbers: every
     * built-in estimator e of the comparison becomes {@code where.apply(e)} and every program it
     * receives is serializable (the RSA derivative too: its samples are events scored one by one).
     * Only the primal timing stays in this process.
     *
     * @param where maps an estimator to the one that runs its estimates (identity by default)
     * @return this comparison placing its estimators there
     */
    public GradientComparison withPlacement(UnaryOperator<Estimator> where) {
        if (where == null) {
            throw new IllegalArgumentException("placement = null");
        }
        return new GradientComparison(pions, monash, options, log, where, events);
    }

    /**
     * @param where where the events of the finalTwo decomposition are generated and scored (only
     *              per-event numbers come back, in index order: the same results)
     * @return this comparison generating them there
     */
    public GradientComparison withEvents(EventRunner where) {
        if (where == null) {
            throw new IllegalArgumentException("events = null");
        }
        return new GradientComparison(pions, monash, options, log, placement, where);
    }

    /**
     * @param lines receives a line per stage (when {@link Options#progress()})
     * @return this comparison reporting there
     */
    public GradientComparison withLog(Consumer<String> lines) {
        if (lines == null) {
            throw new IllegalArgumentException("log = null");
        }
        return new GradientComparison(pions, monash, options, lines, placement, events);
    }

    /**
     * @param pions   settings of the unbiasedness checks (typically pions-only u-ū at 100 GeV, Monash a, b)
     * @param monash  settings of the variance study (typically the Monash point with strangeness)
     * @param options statistics
     * @return the comparison
     */
    public static GradientComparison of(LundSettings pions, LundSettings monash, Options options) {
        if (pions == null || monash == null || options == null) {
            throw new IllegalArgumentException("pions, monash and options must not be null");
        }
        return new GradientComparison(pions, monash, options, line -> { }, UnaryOperator.identity(), null);
    }

    /**
     * @param options statistics
     * @return the standard configuration: pions-only u-ū at 100 GeV and the default (Monash) settings
     */
    public static GradientComparison standard(Options options) {
        return of(LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on"), LundSettings.defaults(), options);
    }

    /** @return the measured comparison */
    public ComparisonResult run() {
        int threads = options.threads();
        List<String[]> observables = List.of(new String[] {"N", "multiplicity"},
                new String[] {"rapidity bin |y|<0.5", "bin:rapidity:-0.5:0.5"}, new String[] {"thrust", "thrust"},
                new String[] {"x_E bin [0.1,0.2)", "bin:xE:0.1:0.2"});
        Estimator fd = placement.apply(Estimators.finiteDifference(options.fdStep()).withParallelism(threads));
        List<EstimateRow> rows = new ArrayList<>();
        List<FinalTwoTerm> finals = new ArrayList<>();
        double[] theta = pions.theta();
        long seed = options.seed();
        int k = 0;
        // the pathwise mode of the generator: z by implicit reparameterisation, stop test,
        // kinematic veto and finalTwo's failure conditioned, finalTwo's ordering averaged, σ through
        // the pT weight with the same baseline c = ⟨f⟩; its best selectable form (research note,
        // round 2): the stop smoothed by the smear and the new hadron's z together (pions only),
        // finalTwo's failure by the last breakup's whole 2D pT; restarts conditioned (round 4: half
        // the per-sample variance and no restarts' work; pilot runs per θ (m̂, K̂, the score's per-step baseline),
        // seeds from Random:seed, independent of the estimates' seeds)
        LundSettings pathwiseSettings = pions.with(LundSettings.PT_SCORE, true)
                .with(LundSettings.DIFFERENTIATION, LundSettings.Differentiation.PATHWISE.word())
                .with(LundSettings.PATHWISE_FINAL_TWO, LundSettings.PathwiseFinalTwo.PLANE.word())
                .with(LundSettings.PATHWISE_RESTARTS, LundSettings.PathwiseRestarts.CONDITIONED.word());
        if (pions.pionsOnlyMode()) {
            pathwiseSettings = pathwiseSettings.with(LundSettings.PATHWISE_STOP,
                    LundSettings.PathwiseStop.JOINT.word());
        }
        // the hybrid mixes in the score of the same event (round 5), which carries most of its weight:
        // there the pathwise defaults — the stop smoothed by the smear alone (no quadrature per hadron,
        // replays that take the recorded steps over), finalTwo split radially — are the better trade
        LundSettings hybridSettings = pathwiseSettings.with(LundSettings.PATHWISE_STOP,
                LundSettings.PathwiseStop.SMEAR.word()).with(LundSettings.PATHWISE_FINAL_TWO,
                LundSettings.PathwiseFinalTwo.RADIAL.word());
        List<PathwiseRow> pathwiseEstimators = pathwiseEstimators(pathwiseSettings, hybridSettings);
        for (String[] o : observables) {
            Observable observable = Observables.parse(o[1]);
            // the centred form f·w − c·(w − 1), here with c = 0 and w = 1 (pT pathwise)
            LundProgram program = LundProgram.of(pions.with(LundSettings.PT_SCORE, false), observable)
                    .withPtBaseline(0);
            List<Estimator> estimators = List.of(placement.apply(Estimators.stochasticAd(replay(1))),
                    placement.apply(Estimators.hybrid(replay(1))),
                    placement.apply(Estimators.scoreFunctionWithBaseline().withParallelism(threads)),
                    placement.apply(RsaDerivativeEstimator.of(program, true, threads)));
            double mean = Double.NaN;
            for (Estimator e : estimators) {
                log("unbiasedness: " + o[0] + ", " + e.name());
                GradientEstimate g = warm(e, program, theta, options.samples(), seed + 1000L * ++k);
                add(rows, o[0], e.name(), g, 3);
                mean = g.value();
            }
            // pT-score mode with a constant baseline c = ⟨f⟩ from the last run above (other seed: unbiased)
            LundProgram scored = LundProgram.of(pions.with(LundSettings.PT_SCORE, true), observable)
                    .withPtBaseline(mean);
            for (Estimator e : List.of(placement.apply(Estimators.stochasticAd(replay(1))),
                    placement.apply(Estimators.scoreFunctionWithBaseline().withParallelism(threads)))) {
                log("unbiasedness: " + o[0] + ", " + e.name() + ", Lund:ptScore");
                add(rows, o[0], e.name() + ", pT score", warm(e, scored, theta, options.samples(),
                        seed + 1000L * ++k), 3);
            }
            // the Lund law's score with restarts conditioned and per-step control variates, on the fast
            // path (the pathwise hybrid's score half without its stochastic-AD run); bins too (a score
            // function needs no edge conditioning); its own seed offset leaves the other rows' seeds alone
            LundProgram lawProgram = LundProgram.of(pions, observable);
            Estimator law = placement.apply(LawScoreEstimator.of(lawProgram, threads));
            log("unbiasedness: " + o[0] + ", " + law.name());
            add(rows, o[0], law.name(), warm(law, lawProgram, theta, options.samples(), seed + 1000L * k + 577), 3);
            if (observable instanceof Observable.ThresholdOnMomenta) {
                // a histogram bin: the pathwise mode would miss its bin-edge crossings (LundProgram
                // refuses it), so its rows are left out; the seeds stay where they were
                log("unbiasedness: " + o[0] + ", pathwise rows left out (a bin: its edge crossings are not conditioned)");
                k += pathwiseEstimators.size();
            } else {
                for (PathwiseRow r : pathwiseEstimators) {
                    LundProgram pathwise = LundProgram.of(r.settings(), observable).withPtBaseline(mean);
                    // conditioned restarts: the s.e. includes the pilot's K̂ error
                    Estimator e = pathwise.withPilotError(r.estimator());
                    log("unbiasedness: " + o[0] + ", " + e.name());
                    add(rows, o[0], e.name(), warm(e, pathwise, theta, options.samples(), seed + 1000L * ++k), 3);
                }
            }
            log("unbiasedness: " + o[0] + ", " + fd.name());
            add(rows, o[0], fd.name(), warm(fd, program, theta, options.fdSamples(), seed + 1000L * ++k), 3);
            finals.add(finalTwo(o[0], o[1], seed + 1000L * ++k));
        }

        log("single z draw");
        double exact = LundFunction.of(0.68, 0.98, 0.2436).meanZDa();
        List<EstimateRow> zRows = new ArrayList<>();
        Map<String, Double> zCost = new LinkedHashMap<>();
        StochasticProgram z = LundProgram.singleZ(0.2436, pions.zHead());
        StudyResult zStudy = VarianceStudy.of(z, placed(List.of(Estimators.stochasticAd(replay(1)),
                        Estimators.stochasticAd(replay(4)), Estimators.hybrid(replay(1)),
                        Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(options.fdStep()))),
                List.of(new double[] {0.68, 0.98}), options.singleZSamples(), seed + 77).withParallelism(threads).run();
        double primalNanos = Double.NaN;
        for (StudyRow r : zStudy.rows()) {
            if (r.component() == 0) {
                zRows.add(new EstimateRow("z", r.estimator(), "a", r.mean(), r.standardError(), r.sdPerSample(),
                        options.singleZSamples(), r.nanosPerSample() * options.singleZSamples() * 1e-9));
                zCost.put(r.estimator(), r.costRelativeToPrimal());
                primalNanos = r.nanosPerSample() / r.costRelativeToPrimal();
            }
        }
        StudyResult implicit = VarianceStudy.of(ImplicitZ.program(0.2436, pions.zHead()),
                placed(List.of(Estimators.stochasticAd(replay(1)))), List.of(new double[] {0.68, 0.98}),
                options.singleZSamples(), seed + 78).withParallelism(threads).run();
        StudyRow ir = implicit.rows().get(0);
        String implicitName = "implicit reparameterisation (quadrature CDF)";
        zRows.add(new EstimateRow("z", implicitName, "a", ir.mean(), ir.standardError(), ir.sdPerSample(),
                options.singleZSamples(), ir.nanosPerSample() * options.singleZSamples() * 1e-9));
        zCost.put(implicitName, ir.nanosPerSample() / primalNanos);

        log("variance study at the Monash point");
        LundProgram multiplicity = LundProgram.of(monash.with(LundSettings.PT_SCORE, false),
                Observables.multiplicity()).withPtBaseline(0);
        StudyResult study = VarianceStudy.of(multiplicity,
                List.of(placement.apply(Estimators.stochasticAd(replay(1))),
                        placement.apply(Estimators.stochasticAd(replay(4))),
                        placement.apply(Estimators.hybrid(replay(1))),
                        placement.apply(Estimators.scoreFunctionWithBaseline()),
                        placement.apply(RsaDerivativeEstimator.of(multiplicity, true, threads)),
                        placement.apply(Estimators.finiteDifference(options.fdStep()))),
                List.of(monash.theta()), options.studySamples(), seed + 99)
                .withTitle("d<N>/dtheta, Monash point, E_CM = " + String.format(Locale.ROOT, "%.4g", monash.eCM()) + " GeV")
                .withParallelism(threads).run();
        log("primal events");
        double primal = primalSecondsPerEvent(seed + 5);
        return new ComparisonResult(pions, rows, finals, exact, zRows, zCost, study, primal);
    }

    /** An estimator on the pathwise mode and the generator settings it runs on. */
    private record PathwiseRow(Estimator estimator, LundSettings settings) {
    }

    /**
     * The estimators on the pathwise mode; the research's winners slot in here.
     *
     * @param sadSettings    the settings of pure stochastic AD (its best form)
     * @param hybridSettings the settings of the hybrid (its best form)
     * @return the estimators, each named "stochastic AD (pathwise …", with their settings
     */
    private List<PathwiseRow> pathwiseEstimators(LundSettings sadSettings, LundSettings hybridSettings) {
        // two-sided Bernoulli flips: 2.6–4× lower per-sample variance than the inversion coupling's
        // for d⟨N⟩, d⟨thrust⟩/d(a, b) (hadronization-gradients.md, section 5)
        StochasticAdOptions twoSided = replay(1).twoSidedBernoulli();
        return List.of(new PathwiseRow(named("stochastic AD (pathwise, restarts conditioned, replay m=1)",
                        placement.apply(Estimators.stochasticAd(twoSided))), sadSettings),
                new PathwiseRow(named("stochastic AD (pathwise, smear stop, restarts conditioned) + score hybrid",
                        placement.apply(Estimators.hybrid(twoSided))), hybridSettings));
    }

    private List<Estimator> placed(List<Estimator> estimators) {
        return estimators.stream().map(placement).toList();
    }

    /** The time of one plain event of the pions-only settings, on the comparison's threads. */
    private double primalSecondsPerEvent(long seed) {
        int n = Math.max(2, options.samples());
        EventGenerator g = new EventGenerator(pions);
        long t0 = System.nanoTime();
        g.generate(seed, n, options.threads(), e -> { });
        return (System.nanoTime() - t0) * 1e-9 / n;
    }

    private static Estimator named(String name, Estimator e) {
        return new Estimator() {
            @Override
            public GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
                return e.estimate(program, theta, samples, seed);
            }

            @Override
            public GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
                return e.estimate(program, theta, request);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Estimator withParallelism(int threads) {
                return named(name, e.withParallelism(threads));
            }
        };
    }

    private StochasticAdOptions replay(int m) {
        return StochasticAdOptions.replay().alternatives(m).parallelism(options.threads());
    }

    private void log(String what) {
        if (options.progress()) {
            log.accept("[compare] " + what);
        }
    }

    /**
     * One row's estimate, timed warm: a short run of the same program first (its own seed) pays the
     * one-off costs — a conditioned program's pilots, the first JIT compilation of its code — so the
     * row's time per sample is its steady-state cost; the row's numbers are the second run's alone.
     */
    private static GradientEstimate warm(Estimator e, StochasticProgram program, double[] theta, int samples,
                                         long seed) {
        e.estimate(program, theta, Math.min(samples, Math.max(200, samples / 5)), seed ^ WARM_UP_SEED);
        return e.estimate(program, theta, samples, seed);
    }

    private static void add(List<EstimateRow> rows, String obs, String name, GradientEstimate g, int components) {
        for (int j = 0; j < components; j++) {
            rows.add(new EstimateRow(obs, name, NAMES.get(j), g.mean(j), g.standardError(j), Math.sqrt(g.variance(j)),
                    g.samples(), g.nanos() * 1e-9));
        }
    }

    /** The RSA score decomposition on the events of one run: the finalTwo part of d/db and the whole. */
    private FinalTwoTerm finalTwo(String name, String observableSpec, long seed) {
        int n = options.samples();
        double[] f = new double[n];
        double[] s2 = new double[n];
        double[] sAll = new double[n];
        double[] count = {0};
        int[] i = {0};
        EventRunner runner = events == null ? EventRunner.threads(options.threads()) : events;
        runner.generate(pions, true, seed, n, settings -> {
            RsaWeights rw = RsaWeights.of(settings);
            Observable observable = Observables.parse(observableSpec);
            return e -> {
                LogWeight w = rw.score(e.history());
                return new double[] {observable.value(e).value(), w.finalTwo()[LundProgram.B],
                    w.gradient()[LundProgram.B], e.history().finalTwos().size()};
            };
        }, row -> {
            f[i[0]] = row[0];
            s2[i[0]] = row[1];
            sAll[i[0]] = row[2];
            count[0] += row[3];
            i[0]++;
        });
        double total = 0;
        for (double v : f) {
            total += v;
        }
        double[] term = new double[n];
        double[] whole = new double[n];
        for (int j = 0; j < n; j++) {
            double b = (total - f[j]) / (n - 1);
            term[j] = (f[j] - b) * s2[j];
            whole[j] = (f[j] - b) * sAll[j];
        }
        double[] t = meanSe(term);
        double[] w = meanSe(whole);
        return new FinalTwoTerm(name, t[0], t[1], w[0], w[1], count[0] / n);
    }

    static double[] meanSe(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double v2 = 0;
        for (double v : x) {
            v2 += (v - m) * (v - m);
        }
        return new double[] {m, Math.sqrt(v2 / (x.length - 1) / x.length)};
    }
}
