package org.stochad.examples;

import java.util.ArrayList;
import java.util.List;
import org.stochad.Estimator;
import org.stochad.StochasticProgram;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;
import org.stochad.study.VarianceStudy;

/**
 * Runs a set of estimators on named cases with the same budget and seed (one
 * {@link VarianceStudy} per case) and tabulates each estimate next to the case's exact value.
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * One program at one parameter point, with its exact gradient.
     *
     * @param label      a short name for tables and plots, e.g. {@code n=50}
     * @param x          the case's position on a plot's horizontal axis
     * @param program    the program
     * @param theta      the parameter point
     * @param parameters the parameters' names
     * @param exact      the exact gradient (NaN where unknown)
     */
    public record Case(String label, double x, StochasticProgram program, double[] theta, List<String> parameters,
                       double[] exact) {

        /**
         * Copies the arrays.
         *
         * @param label a short name for tables and plots, e.g. {@code n=50}
         * @param x the case's position on a plot's horizontal axis
         * @param program the program
         * @param theta the parameter point
         * @param parameters the parameters' names
         * @param exact the exact gradient (NaN where unknown)
         */
        public Case {
            theta = theta.clone();
            exact = exact.clone();
            parameters = List.copyOf(parameters);
        }

        /** @return a copy of the parameter point */
        @Override
        public double[] theta() {
            return theta.clone();
        }

        /** @return a copy of the exact gradient */
        @Override
        public double[] exact() {
            return exact.clone();
        }
    }

    /**
     * A case and the study run on it.
     *
     * @param testCase the case
     * @param study    the study's result
     */
    public record Result(Case testCase, StudyResult study) {

        /**
         * @param estimator an estimator's name
         * @param component a gradient component
         * @return that estimator's row for that component
         */
        public StudyRow row(String estimator, int component) {
            return study.rows().stream().filter(r -> r.estimator().equals(estimator) && r.component() == component)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no row for estimator '"
                            + estimator + "', component " + component));
        }
    }

    /**
     * Runs every estimator on every case.
     *
     * @param title      the studies' title (the case label is appended)
     * @param cases      the cases
     * @param estimators the estimators
     * @param samples    samples per estimator and case
     * @param settings   seed, threads and progress
     * @return one result per case
     */
    public static List<Result> run(String title, List<Case> cases, List<Estimator> estimators, int samples,
                                   RunSettings settings) {
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            StudyResult r = VarianceStudy.of(c.program(), estimators.stream().map(settings::place).toList(),
                            List.of(c.theta()), samples, settings.seed())
                    .withTitle(title + " " + c.label()).withParallelism(settings.threads())
                    .withProgress(ConsoleProgress.of(settings.progress())).run();
            results.add(new Result(c, r));
        }
        return results;
    }

    /**
     * @param title   the table's title
     * @param results the results
     * @return one row per case, estimator and gradient component, with the exact value and the
     *         z-score (estimate − exact)/std.err
     */
    public static Table table(String title, List<Result> results) {
        Table.Builder t = Table.builder(title, "case", "estimator", "d/d", "estimate", "std.err", "exact", "z",
                "sd/sample", "cost/primal", "var×cost");
        for (Result res : results) {
            Case c = res.testCase();
            for (StudyRow r : res.study().rows()) {
                int j = r.component();
                double exact = c.exact()[j];
                double z = Double.isNaN(exact) ? Double.NaN : (r.mean() - exact) / r.standardError();
                t.row(c.label(), r.estimator(), c.parameters().get(j), r.mean(), r.standardError(), exact, z,
                        r.sdPerSample(), r.costRelativeToPrimal(), r.workNormalisedVariance());
            }
        }
        return t.build();
    }
}
