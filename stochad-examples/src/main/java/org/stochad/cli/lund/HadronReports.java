package org.stochad.cli.lund;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stochad.cli.report.StudyCharts;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitReport;
import org.stochad.lund.fit.FitResult;
import org.stochad.lund.fit.FitSummary;
import org.stochad.lund.fit.FitTarget;
import org.stochad.lund.fit.LundFit;
import org.stochad.lund.pathwise.LawScoreEstimator;
import org.stochad.lund.study.ComparisonResult;
import org.stochad.lund.study.EstimateRow;
import org.stochad.lund.study.FinalTwoTerm;
import org.stochad.lund.study.GradientComparison;
import org.stochad.study.OutputFiles;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;

/**
 * The files of {@code stochad hadron compare} and {@code fit}: their names, and the Markdown and CSV
 * renderings of the library's result records.
 */
public final class HadronReports {

    /** The comparison's tables. */
    public static final String COMPARISON_MD = "gradients-comparison.md";
    /** The comparison's variance study as CSV. */
    public static final String VARIANCE_CSV = "gradients-variance.csv";
    /** The comparison's pulls figure. */
    public static final String PULLS_PNG = "hadronization-gradients-pulls.png";
    /** The comparison's variance figure. */
    public static final String VARIANCE_PNG = "hadronization-gradients-variance.png";
    /** The fit study's table. */
    public static final String FITS_MD = "fits.md";
    /** The fit study's trajectories. */
    public static final String FITS_CSV = "fits-trajectories.csv";
    /** The fit trajectories figure. */
    public static final String FIT_PATHS_PNG = "hadronization-gradients-fit-paths.png";
    /** The fit losses figure. */
    public static final String FIT_LOSS_PNG = "hadronization-gradients-fit-loss.png";
    /** The fit N_eff figure. */
    public static final String FIT_NEFF_PNG = "hadronization-gradients-fit-neff.png";

    private HadronReports() {
    }

    /** What the pathwise σ rows are, appended to their estimator's name in tables and the pull plot. */
    public static final String BIASED_BY_DESIGN = "biased by design: pathwise σ, Lund:ptScore = off";

    /** The variance study's σ column, said once under its table. */
    public static final String VARIANCE_SIGMA_NOTE = "σ column: the stochastic-AD, hybrid and score-function rows"
            + " differentiate the pT draws pathwise (Lund:ptScore = off) and are biased by design; the RSA and"
            + " finite-difference rows are not.";

    /**
     * Whether a row of the comparison's unbiasedness table differentiates σ pathwise through the pT
     * draws ({@code Lund:ptScore = off}): stochastic AD, the hybrid and the score function there miss
     * the jumps of the stop test and the vetoes, so their σ rows are biased by design (the RSA
     * derivative, the pT-score rows, the pathwise mode's rows — which take σ through the pT weight —,
     * the Lund law's score — σ by the pT draws' Gaussian score — and the finite difference are not).
     *
     * @param row a row of the unbiasedness table
     * @return whether it is such a row
     */
    public static boolean biasedByDesign(EstimateRow row) {
        String e = row.estimator();
        return "sigma".equals(row.component()) && !e.endsWith(", pT score") && !e.startsWith("RSA")
                && !e.startsWith("finite difference") && !e.startsWith("stochastic AD (pathwise")
                && !e.equals(LawScoreEstimator.NAME);
    }

    /**
     * @param row a row of the unbiasedness table
     * @return its estimator's name, with {@link #BIASED_BY_DESIGN} when {@link #biasedByDesign} holds
     */
    public static String estimatorLabel(EstimateRow row) {
        return biasedByDesign(row) ? row.estimator() + " (" + BIASED_BY_DESIGN + ")" : row.estimator();
    }

    /**
     * Writes the comparison's tables and figures.
     *
     * @param r       the comparison
     * @param dir     the folder for tables
     * @param figures the folder for figures
     * @return the files written
     */
    public static List<Path> writeComparison(ComparisonResult r, Path dir, Path figures) {
        OutputFiles.writeString(dir.resolve(COMPARISON_MD), markdown(r));
        StudyCharts.writeCsv(r.study(), dir.resolve(VARIANCE_CSV));
        HadronCharts.pulls(r, figures.resolve(PULLS_PNG));
        HadronCharts.variance(r.study(), figures.resolve(VARIANCE_PNG));
        return List.of(dir.resolve(COMPARISON_MD), dir.resolve(VARIANCE_CSV), figures.resolve(PULLS_PNG),
                figures.resolve(VARIANCE_PNG));
    }

    /**
     * Writes the fit study's tables and figures.
     *
     * @param r       the fit study
     * @param dir     the folder for tables
     * @param figures the folder for figures
     * @return the files written
     */
    public static List<Path> writeFits(FitReport r, Path dir, Path figures) {
        OutputFiles.writeString(dir.resolve(FITS_MD), markdown(r));
        OutputFiles.writeString(dir.resolve(FITS_CSV), csv(r));
        List<Path> files = new ArrayList<>(List.of(figures.resolve(FIT_PATHS_PNG), figures.resolve(FIT_LOSS_PNG)));
        if (HadronCharts.fit(r, figures.resolve(FIT_PATHS_PNG), figures.resolve(FIT_LOSS_PNG),
                figures.resolve(FIT_NEFF_PNG))) {
            files.add(figures.resolve(FIT_NEFF_PNG));
        }
        files.add(dir.resolve(FITS_MD));
        files.add(dir.resolve(FITS_CSV));
        return files;
    }

    /**
     * @param report a fit study
     * @return its results as Markdown
     */
    public static String markdown(FitReport report) {
        double[] truth = report.truth();
        LundFit.Options options = report.options();
        List<FitTarget> targets = report.targets();
        List<FitSummary> summaries = report.summaries();
        StringBuilder sb = new StringBuilder();
        sb.append("## Fits of (a, b): loss ").append(options.loss()).append(", histograms ");
        for (int i = 0; i < targets.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(targets.get(i).spec().name()).append(" (")
                    .append(targets.get(i).spec().bins()).append(" bins, data ").append(targets.get(i).data().path())
                    .append(")");
        }
        sb.append(String.format(Locale.ROOT, "%n%n%s, %d steps%s, fitted value = mean of the last %d"
                        + " points, averaged over %d repeats with different seeds; RSA base sample %d events;"
                        + " re-simulation %d + %d (%s) per step.%n%n",
                options.stepper() == LundFit.Stepper.ADAM ? "Adam" : "Stochastic Gauss–Newton", options.steps(),
                options.stepper() == LundFit.Stepper.ADAM ? String.format(Locale.ROOT, ", learning rate %g",
                        options.learningRate()) : "", options.averageLast(), options.repeats(), options.baseEvents(),
                options.histogramEvents(), options.gradientSamples(), switch (options.estimator()) {
                    case HYBRID -> "hybrid";
                    case STOCHASTIC_AD -> "stochastic AD";
                    case LAW_SCORE -> "law score, pilots 3 × " + options.lawScorePilotEvents();
                }));
        sb.append("| method | start (a, b) | fitted a | fitted b | (fit − truth)/± | sd of one fit (a, b) | data sd (a, b)"
                + " | events/fit | s/fit | min N_eff |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FitSummary s : summaries) {
            double[] u = s.uncertainty();
            double[] p = s.pull(truth);
            String pull = truth == null ? "—" : String.format(Locale.ROOT, "%+.1f, %+.1f", p[0], p[1]);
            sb.append(String.format(Locale.ROOT, "| %s | (%.2f, %.2f) | %.4f ± %.4f | %.4f ± %.4f | %s | %.4f, %.4f"
                            + " | %s | %.3g | %.1f | %s |%n",
                    s.method(), s.start()[0], s.start()[1], s.mean()[0], u[0], s.mean()[1], u[1], pull, s.sd()[0],
                    s.sd()[1], Double.isNaN(s.dataSd()[0]) ? "—" : String.format(Locale.ROOT, "%.4f, %.4f",
                            s.dataSd()[0], s.dataSd()[1]), s.events(), s.seconds(),
                    Double.isNaN(s.minNeff()) ? "—" : String.format(Locale.ROOT, "%.0f", s.minNeff())));
        }
        sb.append(String.format(Locale.ROOT, "%n± = uncertainty of the mean fitted value: the repeats' spread"
                + " (sd of one fit / √%d) and the data's statistical share (χ² loss: from the loss curvature at the"
                + " fitted point) in quadrature.%s%n", options.repeats(),
                truth == null ? "" : String.format(Locale.ROOT, " Truth (a, b) = (%.4f, %.4f).", truth[0], truth[1])));
        List<String> warnings = FitWarnings.of(report);
        if (!warnings.isEmpty()) {
            sb.append("\n**Warnings**\n\n");
            warnings.forEach(w -> sb.append("* ").append(w).append('\n'));
        }
        return sb.toString();
    }

    /**
     * @param report a fit study
     * @return every trajectory as CSV: method, start, repeat, step, a, b, loss, neff
     */
    public static String csv(FitReport report) {
        List<FitSummary> summaries = report.summaries();
        StringBuilder sb = new StringBuilder("method,start_a,start_b,repeat,step,a,b,loss,neff\n");
        for (FitSummary s : summaries) {
            for (int r = 0; r < s.fits().size(); r++) {
                FitResult f = s.fits().get(r);
                double[][] p = f.path();
                for (int t = 0; t < p.length; t++) {
                    sb.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%d,%d,%.6f,%.6f,%.6g,%s%n", s.method(),
                            s.start()[0], s.start()[1], r, t, p[t][0], p[t][1], f.loss()[t],
                            f.neff().length > t ? String.format(Locale.ROOT, "%.1f", f.neff()[t]) : ""));
                }
            }
        }
        return sb.toString();
    }

    /**
     * @param r the estimator comparison
     * @return all its tables as Markdown
     */
    public static String markdown(ComparisonResult r) {
        LundSettings settings = r.settings();
        StudyResult study = r.study();
        StringBuilder sb = new StringBuilder();
        sb.append("## Unbiasedness (pions-only u-ubar, E_CM = ").append(fmt(settings.eCM()))
                .append(" GeV, theta = (a, b, sigma) = (").append(fmt(settings.aLund())).append(", ")
                .append(fmt(settings.bLund())).append(", ").append(fmt(settings.sigma())).append("))\n\n");
        sb.append("| observable | d/d | estimator | estimate | s.e. | sd/sample | pull vs FD | samples | s |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (EstimateRow row : r.unbiasedness()) {
            EstimateRow fd = r.reference(row);
            double pull = fd == null || fd == row ? Double.NaN
                    : (row.mean() - fd.mean()) / Math.hypot(row.standardError(), fd.standardError());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.5g | %.3g | %.3g | %s | %d | %.1f |%n",
                    row.observable(), row.component(), estimatorLabel(row), row.mean(), row.standardError(),
                    row.sdPerSample(), Double.isNaN(pull) ? "—" : String.format(Locale.ROOT, "%+.2f", pull),
                    row.samples(), row.seconds()));
        }
        sb.append("\n## finalTwo ordering term of d/db (RSA score decomposition)\n\n");
        sb.append("| observable | ordering term | s.e. | whole d/db (RSA) | s.e. | orderings/event |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (FinalTwoTerm t : r.finalTwo()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.4g | %.2g | %.4g | %.2g | %.3f |%n", t.observable(),
                    t.term(), t.termError(), t.total(), t.totalError(), t.orderingsPerEvent()));
        }
        sb.append(String.format(Locale.ROOT, "%n## Single z draw: d<z>/da at (a, b, mT2) = (0.68, 0.98, 0.2436),"
                + " quadrature %.5f%n%n", r.singleZExact()));
        sb.append("| estimator | estimate | s.e. | pull | sd/sample | cost/primal | var x cost |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (EstimateRow row : r.singleZ()) {
            double cost = r.singleZCost().getOrDefault(row.estimator(), Double.NaN);
            sb.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f | %+.2f | %.4f | %.2f | %.4g |%n",
                    row.estimator(), row.mean(), row.standardError(),
                    (row.mean() - r.singleZExact()) / row.standardError(), row.sdPerSample(), cost,
                    row.sdPerSample() * row.sdPerSample() * cost));
        }
        sb.append("\n## Variance study: d<N>/dtheta at the Monash point\n\n```\n").append(study.toTable())
                .append("```\n");
        sb.append("\n").append(VARIANCE_SIGMA_NOTE).append("\n");
        sb.append("\n| estimator | ").append(String.join(" | ", GradientComparison.NAMES)).append(" | cost/primal |\n|---|---|---|---|---|---|\n");
        Map<String, List<StudyRow>> byEstimator = byEstimator(study);
        byEstimator.forEach((name, rows) -> {
            sb.append("| ").append(name);
            for (StudyRow s : rows) {
                sb.append(String.format(Locale.ROOT, " | %.3g ± %.2g (sd %.3g, var×cost %.3g)", s.mean(),
                        s.standardError(), s.sdPerSample(), s.workNormalisedVariance()));
            }
            sb.append(String.format(Locale.ROOT, " | %.2f |%n", rows.get(0).costRelativeToPrimal()));
        });
        return sb.toString();
    }


    private static Map<String, List<StudyRow>> byEstimator(StudyResult study) {
        Map<String, List<StudyRow>> m = new LinkedHashMap<>();
        for (StudyRow r : study.rows()) {
            m.computeIfAbsent(r.estimator(), x -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
