package org.stochad.lund.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;
import org.stochad.lund.reweight.ImplicitZ;
import org.stochad.lund.reweight.LogWeight;
import org.stochad.lund.reweight.ObservableProgram;
import org.stochad.lund.reweight.RsaDerivativeEstimator;
import org.stochad.lund.reweight.RsaWeights;
import org.stochad.study.OutputFiles;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;
import org.stochad.study.VarianceStudy;

/**
 * The estimator comparison of issue 6 on the Lund generator: (1) unbiasedness — stochastic AD
 * (replay), the hybrid, the score function with baseline and the RSA derivative against a
 * common-random-number central difference for ⟨N⟩, a rapidity bin and ⟨thrust⟩; (2) the size of
 * the finalTwo ordering term of d/db; (3) d⟨z⟩/da of a single z draw against quadrature, incl.
 * implicit reparameterisation; (4) a variance study (core harness) of d⟨N⟩/dθ for all four
 * parameters at the Monash point.
 */
public final class GradientComparison {

    /** Parameter names in θ order. */
    static final String[] NAMES = {"a", "b", "sigma", "rho"};

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
     * @param progress       show progress on stderr
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
         * @param progress show progress on stderr
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

    /**
     * The finalTwo ordering term of d⟨f⟩/db, from the RSA score decomposition on the same events.
     *
     * @param observable   the observable
     * @param term         E[(f − f̄)·∂b ln P(ordering)]
     * @param termError    its standard error
     * @param total        the whole RSA d⟨f⟩/db on the same events
     * @param totalError   its standard error
     * @param orderingsPerEvent mean number of finalTwo ordering decisions per event (all attempts)
     */
    public record FinalTwoTerm(String observable, double term, double termError, double total, double totalError,
                               double orderingsPerEvent) {
    }

    /**
     * Everything the comparison measured.
     *
     * @param settings        the pions-only settings of the unbiasedness checks
     * @param unbiasedness    estimates per observable, estimator and component
     * @param finalTwo        the ordering term per observable
     * @param singleZExact    d⟨z⟩/da of the single draw by quadrature
     * @param singleZ         the single-draw estimates of d⟨z⟩/da
     * @param singleZCost     per single-z estimator: cost relative to one primal z draw
     * @param study           the variance study of d⟨N⟩/dθ at the Monash point (all four parameters)
     */
    public record Result(LundSettings settings, List<EstimateRow> unbiasedness, List<FinalTwoTerm> finalTwo,
                         double singleZExact, List<EstimateRow> singleZ, Map<String, Double> singleZCost,
                         StudyResult study) {

        /** @return all tables as Markdown */
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("## Unbiasedness (pions-only u-ubar, E_CM = ").append(fmt(settings.eCM()))
                    .append(" GeV, theta = (a, b, sigma) = (").append(fmt(settings.aLund())).append(", ")
                    .append(fmt(settings.bLund())).append(", ").append(fmt(settings.sigma())).append("))\n\n");
            sb.append("| observable | d/d | estimator | estimate | s.e. | sd/sample | pull vs FD | samples | s |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|\n");
            for (EstimateRow r : unbiasedness) {
                EstimateRow fd = reference(r);
                double pull = fd == null || fd == r ? Double.NaN
                        : (r.mean() - fd.mean()) / Math.hypot(r.standardError(), fd.standardError());
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.5g | %.3g | %.3g | %s | %d | %.1f |%n",
                        r.observable(), r.component(), r.estimator(), r.mean(), r.standardError(), r.sdPerSample(),
                        Double.isNaN(pull) ? "—" : String.format(Locale.ROOT, "%+.2f", pull), r.samples(),
                        r.seconds()));
            }
            sb.append("\n## finalTwo ordering term of d/db (RSA score decomposition)\n\n");
            sb.append("| observable | ordering term | s.e. | whole d/db (RSA) | s.e. | orderings/event |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (FinalTwoTerm t : finalTwo) {
                sb.append(String.format(Locale.ROOT, "| %s | %.4g | %.2g | %.4g | %.2g | %.3f |%n", t.observable(),
                        t.term(), t.termError(), t.total(), t.totalError(), t.orderingsPerEvent()));
            }
            sb.append(String.format(Locale.ROOT, "%n## Single z draw: d<z>/da at (a, b, mT2) = (0.68, 0.98, 0.2436),"
                    + " quadrature %.5f%n%n", singleZExact));
            sb.append("| estimator | estimate | s.e. | pull | sd/sample | cost/primal | var x cost |\n");
            sb.append("|---|---|---|---|---|---|---|\n");
            for (EstimateRow r : singleZ) {
                double cost = singleZCost.getOrDefault(r.estimator(), Double.NaN);
                sb.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f | %+.2f | %.4f | %.2f | %.4g |%n",
                        r.estimator(), r.mean(), r.standardError(), (r.mean() - singleZExact) / r.standardError(),
                        r.sdPerSample(), cost, r.sdPerSample() * r.sdPerSample() * cost));
            }
            sb.append("\n## Variance study: d<N>/dtheta at the Monash point\n\n```\n").append(study.toTable())
                    .append("```\n");
            sb.append("\n| estimator | ").append(String.join(" | ", NAMES)).append(" | cost/primal |\n|---|---|---|---|---|---|\n");
            Map<String, List<StudyRow>> byEstimator = byEstimator(study);
            byEstimator.forEach((name, rows) -> {
                sb.append("| ").append(name);
                for (StudyRow r : rows) {
                    sb.append(String.format(Locale.ROOT, " | %.3g ± %.2g (sd %.3g, var×cost %.3g)", r.mean(),
                            r.standardError(), r.sdPerSample(), r.workNormalisedVariance()));
                }
                sb.append(String.format(Locale.ROOT, " | %.2f |%n", rows.get(0).costRelativeToPrimal()));
            });
            return sb.toString();
        }

        private EstimateRow reference(EstimateRow r) {
            for (EstimateRow x : unbiasedness) {
                if (x.observable().equals(r.observable()) && x.component().equals(r.component())
                        && x.estimator().startsWith("finite difference")) {
                    return x;
                }
            }
            return null;
        }
    }

    private final LundSettings pions;
    private final LundSettings monash;
    private final Options options;

    private GradientComparison(LundSettings pions, LundSettings monash, Options options) {
        this.pions = pions;
        this.monash = monash;
        this.options = options;
    }

    /**
     * @param pions   settings of the unbiasedness checks (the issue: pions-only u-ū at 100 GeV, Monash a, b)
     * @param monash  settings of the variance study (the issue: the Monash point with strangeness)
     * @param options statistics
     * @return the comparison
     */
    public static GradientComparison of(LundSettings pions, LundSettings monash, Options options) {
        if (pions == null || monash == null || options == null) {
            throw new IllegalArgumentException("pions, monash and options must not be null");
        }
        return new GradientComparison(pions, monash, options);
    }

    /**
     * @param options statistics
     * @return the configuration: pions-only u-ū at 100 GeV and the default (Monash) settings
     */
    public static GradientComparison standard(Options options) {
        return of(LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on"), LundSettings.defaults(), options);
    }

    /** @return the measured comparison */
    public Result run() {
        int threads = options.threads();
        List<String[]> observables = List.of(new String[] {"N", "multiplicity"},
                new String[] {"rapidity bin |y|<0.5", "bin:rapidity:-0.5:0.5"}, new String[] {"thrust", "thrust"});
        List<Estimator> estimators = List.of(Estimators.stochasticAd(replay(1)), Estimators.hybrid(replay(1)),
                Estimators.scoreFunctionWithBaseline().withParallelism(threads),
                new RsaDerivativeEstimator(true, threads));
        Estimator fd = Estimators.finiteDifference(options.fdStep()).withParallelism(threads);
        List<EstimateRow> rows = new ArrayList<>();
        List<FinalTwoTerm> finals = new ArrayList<>();
        double[] theta = pions.theta();
        long seed = options.seed();
        int k = 0;
        for (String[] o : observables) {
            ObservableProgram program = new ObservableProgram(pions.with(LundSettings.PT_SCORE, "off"), Observables.parse(o[1]));
            double mean = Double.NaN;
            for (Estimator e : estimators) {
                log("unbiasedness: " + o[0] + ", " + e.name());
                GradientEstimate g = e.estimate(program, theta, options.samples(), seed + 1000L * ++k);
                add(rows, o[0], e.name(), g, 3);
                mean = g.value();
            }
            // pT-score mode with a constant baseline c = ⟨f⟩ from the last run above (other seed: unbiased)
            ObservableProgram scored = new ObservableProgram(pions.with(LundSettings.PT_SCORE, "on"),
                    Observables.parse(o[1]), mean);
            for (Estimator e : List.of(Estimators.stochasticAd(replay(1)),
                    Estimators.scoreFunctionWithBaseline().withParallelism(threads))) {
                log("unbiasedness: " + o[0] + ", " + e.name() + ", Lund:ptScore");
                add(rows, o[0], e.name() + ", pT score", e.estimate(scored, theta, options.samples(),
                        seed + 1000L * ++k), 3);
            }
            log("unbiasedness: " + o[0] + ", " + fd.name());
            add(rows, o[0], fd.name(), fd.estimate(program, theta, options.fdSamples(), seed + 1000L * ++k), 3);
            finals.add(finalTwo(o[0], Observables.parse(o[1]), seed + 1000L * ++k));
        }

        log("single z draw");
        double exact = singleZExact(0.68, 0.98 * 0.2436);
        List<EstimateRow> zRows = new ArrayList<>();
        Map<String, Double> zCost = new LinkedHashMap<>();
        StochasticProgram z = LundProgram.singleZ(0.2436, pions.zHead());
        StudyResult zStudy = VarianceStudy.of(z, List.of(Estimators.stochasticAd(replay(1)),
                        Estimators.stochasticAd(replay(4)), Estimators.hybrid(replay(1)),
                        Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(options.fdStep())),
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
                List.of(Estimators.stochasticAd(replay(1))), List.of(new double[] {0.68, 0.98}),
                options.singleZSamples(), seed + 78).withParallelism(threads).run();
        StudyRow ir = implicit.rows().get(0);
        String implicitName = "implicit reparameterisation (quadrature CDF)";
        zRows.add(new EstimateRow("z", implicitName, "a", ir.mean(), ir.standardError(), ir.sdPerSample(),
                options.singleZSamples(), ir.nanosPerSample() * options.singleZSamples() * 1e-9));
        zCost.put(implicitName, ir.nanosPerSample() / primalNanos);

        log("variance study at the Monash point");
        StudyResult study = VarianceStudy.of(new ObservableProgram(monash.with(LundSettings.PT_SCORE, "off"), Observables.multiplicity()),
                List.of(Estimators.stochasticAd(replay(1)), Estimators.stochasticAd(replay(4)),
                        Estimators.hybrid(replay(1)), Estimators.scoreFunctionWithBaseline(),
                        new RsaDerivativeEstimator(true, threads), Estimators.finiteDifference(options.fdStep())),
                List.of(monash.theta()), options.studySamples(), seed + 99)
                .withTitle("d<N>/dtheta, Monash point, E_CM = " + fmt(monash.eCM()) + " GeV")
                .withParallelism(threads).run();
        return new Result(pions, rows, finals, exact, zRows, zCost, study);
    }

    /**
     * Runs the comparison and writes {@code gradients-comparison.md}, {@code gradients-variance.csv} and the
     * figures {@code hadronization-gradients-pulls.png}, {@code hadronization-gradients-variance.png}.
     *
     * @param dir     directory for the tables
     * @param figures directory for the PNG figures
     * @return the result
     */
    public Result runAndWrite(Path dir, Path figures) {
        Result r = run();
        try {
            Files.createDirectories(dir);
            Files.createDirectories(figures);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OutputFiles.writeString(dir.resolve("gradients-comparison.md"), r.toMarkdown());
        OutputFiles.writeString(dir.resolve("gradients-variance.csv"), r.study().toCsv());
        writePulls(r, figures.resolve("hadronization-gradients-pulls.png"));
        writeVariance(r.study(), figures.resolve("hadronization-gradients-variance.png"));
        return r;
    }

    /**
     * @param dir directory for tables and figures
     * @return the result
     */
    public Result runAndWrite(Path dir) {
        return runAndWrite(dir, dir);
    }

    private StochasticAdOptions replay(int m) {
        return StochasticAdOptions.replay().alternatives(m).parallelism(options.threads());
    }

    private void log(String what) {
        if (options.progress()) {
            System.err.println("[compare] " + what);
        }
    }

    private static void add(List<EstimateRow> rows, String obs, String name, GradientEstimate g, int components) {
        for (int j = 0; j < components; j++) {
            rows.add(new EstimateRow(obs, name, NAMES[j], g.mean(j), g.standardError(j), Math.sqrt(g.variance(j)),
                    g.samples(), g.nanos() * 1e-9));
        }
    }

    /** The RSA score decomposition on the events of one run: the finalTwo part of d/db and the whole. */
    private FinalTwoTerm finalTwo(String name, Observable observable, long seed) {
        int n = options.samples();
        double[] f = new double[n];
        double[] s2 = new double[n];
        double[] sAll = new double[n];
        double[] count = {0};
        RsaWeights rw = RsaWeights.of(pions);
        int[] i = {0};
        new EventGenerator(pions).generate(seed, n, options.threads(), (Event e) -> {
            LogWeight w = rw.score(e.history());
            f[i[0]] = observable.value(e).value();
            s2[i[0]] = w.finalTwo()[LundProgram.B];
            sAll[i[0]] = w.gradient()[LundProgram.B];
            count[0] += e.history().finalTwos().size();
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

    /** d⟨z⟩/da = Cov(z, ln(1 − z)) under the normalised Lund f, by Gauss-Legendre quadrature. */
    static double singleZExact(double a, double bm) {
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory factory =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory();
        double[] m = new double[4];
        int panels = 40;
        for (int p = 0; p < panels; p++) {
            var g = factory.legendre(48, (double) p / panels, (p + 1.0) / panels);
            m[0] += g.integrate(z -> f(z, a, bm));
            m[1] += g.integrate(z -> z * f(z, a, bm));
            m[2] += g.integrate(z -> Math.log1p(-z) * f(z, a, bm));
            m[3] += g.integrate(z -> z * Math.log1p(-z) * f(z, a, bm));
        }
        return m[3] / m[0] - (m[1] / m[0]) * (m[2] / m[0]);
    }

    private static double f(double z, double a, double bm) {
        return z <= 0 || z >= 1 ? 0 : Math.pow(1 - z, a) / z * Math.exp(-bm / z);
    }

    private static Map<String, List<StudyRow>> byEstimator(StudyResult study) {
        Map<String, List<StudyRow>> m = new LinkedHashMap<>();
        for (StudyRow r : study.rows()) {
            m.computeIfAbsent(r.estimator(), x -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static void writePulls(Result r, Path target) {
        XYChart c = new XYChartBuilder().width(900).height(520)
                .title("Unbiasedness: (estimate − CRN central difference) / combined s.e.")
                .xAxisTitle("quantity: N·a, N·b, N·σ, y-bin·a, y-bin·b, y-bin·σ, T·a, T·b, T·σ").yAxisTitle("pull").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        List<String> quantities = new ArrayList<>();
        for (EstimateRow row : r.unbiasedness()) {
            String q = row.observable() + "/" + row.component();
            if (!quantities.contains(q)) {
                quantities.add(q);
            }
        }
        int est = 0;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (EstimateRow row : r.unbiasedness()) {
            EstimateRow ref = r.reference(row);
            if (ref == null || ref == row) {
                continue;
            }
            index.computeIfAbsent(row.estimator(), x -> index.size());
            double x = quantities.indexOf(row.observable() + "/" + row.component()) + 0.12 * index.get(row.estimator());
            double pull = (row.mean() - ref.mean()) / Math.hypot(row.standardError(), ref.standardError());
            series.computeIfAbsent(row.estimator(), k -> new ArrayList<>()).add(new double[] {x, pull});
            est++;
        }
        series.forEach((name, pts) -> {
            XYSeries s = c.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        double range = 6;
        for (List<double[]> pts : series.values()) {
            for (double[] p : pts) {
                range = Math.max(range, Math.abs(p[1]) + 1);
            }
        }
        c.getStyler().setYAxisMin(-Math.ceil(range));
        c.getStyler().setYAxisMax(Math.ceil(range));
        double[] xs = {-0.3, quantities.size()};
        for (double level : new double[] {-5, 5}) {
            XYSeries s = c.addSeries("±5 s.e." + (level < 0 ? " " : ""), xs, new double[] {level, level});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(java.awt.Color.GRAY);
            s.setShowInLegend(level > 0);
        }
        if (est == 0) {
            throw new IllegalStateException("no estimates to plot");
        }
        OutputFiles.writeAtomically(target, p -> BitmapEncoder.saveBitmap(c, p.toString(),
                BitmapEncoder.BitmapFormat.PNG));
    }

    private static void writeVariance(StudyResult study, Path target) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(520)
                .title(study.title() + ": work-normalised variance (variance × cost / primal cost)")
                .xAxisTitle("parameter").yAxisTitle("log10(variance × relative cost)").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        byEstimator(study).forEach((name, rows) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (StudyRow r : rows) {
                if (r.workNormalisedVariance() > 0) {
                    x.add(NAMES[r.component()]);
                    y.add(Math.log10(r.workNormalisedVariance()));
                }
            }
            if (!x.isEmpty()) {
                c.addSeries(name, x, y);
            }
        });
        OutputFiles.writeAtomically(target, p -> BitmapEncoder.saveBitmap(c, p.toString(),
                BitmapEncoder.BitmapFormat.PNG));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
