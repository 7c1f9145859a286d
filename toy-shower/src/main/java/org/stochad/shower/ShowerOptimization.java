package org.stochad.shower;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.Parallel;
import org.stochad.Seeds;
import org.stochad.StochasticAdOptions;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;
import org.stochad.study.OutputFiles;

/**
 * Design optimisation of the material's inner radius with Adam, repeated over independent runs
 * for each gradient estimator: the published protocol is learning rate 0.01, start θ = 3.0,
 * 2 events per step, 500 steps, θ ≥ 0, 10 runs per estimator.
 */
public final class ShowerOptimization {

    private final ToyShower shower;
    private final List<Estimator> estimators;
    private final double learningRate;
    private final double start;
    private final int steps;
    private final int eventsPerStep;
    private final int runs;
    private final long seed;
    private final int threads;

    private ShowerOptimization(ToyShower shower, List<Estimator> estimators, double learningRate, double start,
                               int steps, int eventsPerStep, int runs, long seed, int threads) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (estimators == null || estimators.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " is not a finite number > 0");
        }
        if (!(start >= 0) || Double.isInfinite(start)) {
            throw new IllegalArgumentException("start = " + start + " is not a finite number >= 0");
        }
        if (steps < 50) {
            throw new IllegalArgumentException("steps = " + steps + " is less than 50");
        }
        if (eventsPerStep < 2) {
            throw new IllegalArgumentException("eventsPerStep = " + eventsPerStep + " is less than 2");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs = " + runs + " is less than 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism = " + threads + " is less than 1");
        }
        this.shower = shower.withObservable(ToyShower.Observable.LOSS);
        this.estimators = List.copyOf(estimators);
        this.learningRate = learningRate;
        this.start = start;
        this.steps = steps;
        this.eventsPerStep = eventsPerStep;
        this.runs = runs;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * @param shower the shower whose loss is minimised
     * @param seed   the seed of run r of every estimator is derived from (seed, r)
     * @return the published protocol with stochastic AD, score function with and without
     *         baseline and finite differences, runs spread over all cores
     */
    public static ShowerOptimization of(ToyShower shower, long seed) {
        return new ShowerOptimization(shower, defaultEstimators(), 0.01, 3.0, 500, 2, 10, seed,
                StochasticAdOptions.defaultParallelism());
    }

    /** @return the estimators of the published comparison */
    public static List<Estimator> defaultEstimators() {
        return List.of(Estimators.stochasticAd(), Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)),
                Estimators.hybrid(), Estimators.scoreFunctionWithBaseline(),
                Estimators.scoreFunction(), Estimators.finiteDifference(ShowerStudy.FD_STEP));
    }

    /**
     * @param list the estimators
     * @return this optimisation with those estimators
     */
    public ShowerOptimization withEstimators(List<Estimator> list) {
        return new ShowerOptimization(shower, list, learningRate, start, steps, eventsPerStep, runs, seed, threads);
    }

    /**
     * @param n     steps per run, &ge; 50
     * @param count runs per estimator
     * @return this optimisation with that many steps and runs
     */
    public ShowerOptimization withStepsAndRuns(int n, int count) {
        return new ShowerOptimization(shower, estimators, learningRate, start, n, eventsPerStep, count, seed, threads);
    }

    /**
     * @param n worker threads (runs go in parallel, each on one thread)
     * @return this optimisation
     */
    public ShowerOptimization withParallelism(int n) {
        return new ShowerOptimization(shower, estimators, learningRate, start, steps, eventsPerStep, runs, seed, n);
    }

    /**
     * The runs of one estimator.
     *
     * @param estimator        its name
     * @param runs             the trajectories
     * @param lastFiftyLoss    mean over runs of the mean loss of the last 50 steps
     * @param lastFiftyLossSe  its standard error over runs
     * @param finalTheta       mean final θ over runs
     * @param finalThetaSd     sd of the final θ over runs
     * @param secondsPerRun    mean wall time of one run
     */
    public record EstimatorRuns(String estimator, List<OptimizationResult> runs, double lastFiftyLoss,
                                double lastFiftyLossSe, double finalTheta, double finalThetaSd,
                                double secondsPerRun) {

        /**
         * Copies the list.
         *
         * @param estimator its name
         * @param runs the trajectories
         * @param lastFiftyLoss mean over runs of the mean loss of the last 50 steps
         * @param lastFiftyLossSe its standard error over runs
         * @param finalTheta mean final θ over runs
         * @param finalThetaSd sd of the final θ over runs
         * @param secondsPerRun mean wall time of one run
         */
        public EstimatorRuns {
            runs = List.copyOf(runs);
        }

        /**
         * @param q a quantile in [0, 1]
         * @return per step, that quantile over runs of the step's loss
         */
        public double[] lossQuantile(double q) {
            return quantilePerStep(runs.stream().map(OptimizationResult::loss).toList(), q);
        }

        /**
         * @param q a quantile in [0, 1]
         * @return per step, that quantile over runs of θ before the step
         */
        public double[] thetaQuantile(double q) {
            return quantilePerStep(runs.stream().map(r -> column(r.parameters())).toList(), q);
        }

        /** @return per step, the mean over runs of the step's loss */
        public double[] meanLoss() {
            return meanPerStep(runs.stream().map(OptimizationResult::loss).toList());
        }

        /** @return per step, the mean over runs of θ before the step */
        public double[] meanTheta() {
            return meanPerStep(runs.stream().map(r -> column(r.parameters())).toList());
        }
    }

    /**
     * The whole comparison.
     *
     * @param label     the shower configuration's label
     * @param steps     steps per run
     * @param estimators one entry per estimator
     * @param nanos     total wall time
     */
    public record Result(String label, int steps, List<EstimatorRuns> estimators, long nanos) {

        /**
         * Copies the list.
         *
         * @param label the shower configuration's label
         * @param steps steps per run
         * @param estimators one entry per estimator
         * @param nanos total wall time
         */
        public Result {
            estimators = List.copyOf(estimators);
        }

        /** @return an aligned text table of the summary numbers */
        public String toTable() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "%s configuration: Adam, %d steps, %d runs per estimator%n", label, steps,
                    estimators.get(0).runs().size()));
            String header = String.format(Locale.ROOT, "%-34s %18s %16s %12s%n", "estimator",
                    "last-50 loss (se)", "final θ (sd)", "s per run");
            sb.append(header).append("-".repeat(header.length() - 1)).append('\n');
            for (EstimatorRuns e : estimators) {
                sb.append(String.format(Locale.ROOT, "%-34s %9.4f (%6.4f) %8.3f (%5.3f) %12.2f%n", e.estimator(),
                        e.lastFiftyLoss(), e.lastFiftyLossSe(), e.finalTheta(), e.finalThetaSd(), e.secondsPerRun()));
            }
            return sb.toString();
        }

        /** @return per estimator and step: mean, 10 % and 90 % quantiles of loss and θ, as CSV */
        public String toCsv() {
            StringBuilder sb = new StringBuilder("estimator,step,loss_mean,loss_q10,loss_q90,theta_mean,theta_q10,theta_q90\n");
            for (EstimatorRuns e : estimators) {
                double[] m = e.meanLoss();
                double[] lo = e.lossQuantile(0.1);
                double[] hi = e.lossQuantile(0.9);
                double[] tm = e.meanTheta();
                double[] tlo = e.thetaQuantile(0.1);
                double[] thi = e.thetaQuantile(0.9);
                for (int t = 0; t < m.length; t++) {
                    sb.append(String.format(Locale.ROOT, "\"%s\",%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g%n", e.estimator(), t,
                            m[t], lo[t], hi[t], tm[t], tlo[t], thi[t]));
                }
            }
            return sb.toString();
        }

        /**
         * @param target the CSV file
         * @return the target
         */
        public Path writeCsv(Path target) {
            return OutputFiles.writeString(target, toCsv());
        }

        /**
         * Writes a PNG with two panels: the loss per step (mean over runs, smoothed over 10 steps,
         * with the 10–90 % band over runs) and θ per step (mean and 10–90 % band).
         *
         * @param target the PNG file
         * @return the target
         */
        public Path writePlot(Path target) {
            XYChart loss = chart("loss per step (mean over runs, 10–90 % band; 10-step running mean)",
                    "mean loss of the step's events");
            XYChart theta = chart("inner radius θ (mean over runs, 10–90 % band)", "θ");
            Color[] palette = {new Color(128, 0, 0), new Color(255, 140, 0), new Color(70, 130, 180),
                new Color(34, 139, 34), new Color(120, 60, 160), Color.DARK_GRAY};
            int i = 0;
            for (EstimatorRuns e : estimators) {
                Color c = palette[i++ % palette.length];
                double[] x = new double[e.meanLoss().length];
                Arrays.setAll(x, t -> t);
                band(loss, e.estimator(), x, smooth(e.meanLoss()), smooth(e.lossQuantile(0.1)),
                        smooth(e.lossQuantile(0.9)), c);
                double[] xt = new double[e.meanTheta().length];
                Arrays.setAll(xt, t -> t);
                band(theta, e.estimator(), xt, e.meanTheta(), e.thetaQuantile(0.1), e.thetaQuantile(0.9), c);
            }
            loss.getStyler().setYAxisLogarithmic(true);
            List<Chart<?, ?>> charts = List.of(loss, theta);
            return OutputFiles.writeAtomically(target, p -> {
                String s = p.toString();
                BitmapEncoder.saveBitmap(charts, 1, 2, s.substring(0, s.length() - ".png".length()),
                        BitmapEncoder.BitmapFormat.PNG);
            });
        }

        private XYChart chart(String panel, String yLabel) {
            XYChart c = new XYChartBuilder().width(720).height(520).title(label + ": " + panel)
                    .xAxisTitle("Adam step").yAxisTitle(yLabel).build();
            c.getStyler().setChartBackgroundColor(Color.WHITE);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
            c.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
            return c;
        }

        private static void band(XYChart c, String name, double[] x, double[] mean, double[] lo, double[] hi,
                                 Color color) {
            int n = x.length;
            double[] px = new double[2 * n + 1];
            double[] py = new double[2 * n + 1];
            for (int t = 0; t < n; t++) {
                px[t] = x[t];
                py[t] = Math.max(hi[t], 1e-6);
                px[2 * n - 1 - t] = x[t];
                py[2 * n - 1 - t] = Math.max(lo[t], 1e-6);
            }
            px[2 * n] = px[0];
            py[2 * n] = py[0];
            XYSeries area = c.addSeries(name + " 10–90 %", px, py);
            area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
            area.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
            area.setMarker(SeriesMarkers.NONE);
            area.setShowInLegend(false);
            double[] m = mean.clone();
            for (int t = 0; t < n; t++) {
                m[t] = Math.max(m[t], 1e-6);
            }
            XYSeries line = c.addSeries(name, x, m);
            line.setLineColor(color);
            line.setMarker(SeriesMarkers.NONE);
        }

        private static double[] smooth(double[] y) {
            int w = 10;
            double[] s = new double[y.length];
            double sum = 0;
            for (int t = 0; t < y.length; t++) {
                sum += y[t];
                if (t >= w) {
                    sum -= y[t - w];
                }
                s[t] = sum / Math.min(t + 1, w);
            }
            return s;
        }
    }

    /** @return the runs of every estimator */
    public Result run() {
        long begin = System.nanoTime();
        List<EstimatorRuns> all = new ArrayList<>();
        for (Estimator e : estimators) {
            Estimator single = e.withParallelism(1);
            // warm the JIT so that the first estimator's wall time is not charged for compilation
            Adam.of(learningRate).minimize(shower, single, new double[] {start}, 50, eventsPerStep, ~seed);
            List<OptimizationResult> results = Parallel.map(runs, threads, r -> Adam.of(learningRate)
                    .withBounds(new double[] {0}, new double[] {Double.POSITIVE_INFINITY})
                    .minimize(shower, single, new double[] {start}, steps, eventsPerStep, Seeds.derive(seed, r)));
            all.add(summarise(e.name(), results));
        }
        return new Result(shower.config().label(), steps, all, System.nanoTime() - begin);
    }

    /**
     * Runs the comparison and writes toy-shower-optimization-LABEL.txt, .csv and .png.
     *
     * @param directory where to write
     * @return the result
     */
    public Result runAndWrite(Path directory) {
        Result r = run();
        String base = "toy-shower-optimization-" + r.label();
        OutputFiles.writeString(directory.resolve(base + ".txt"), r.toTable());
        r.writeCsv(directory.resolve(base + ".csv"));
        r.writePlot(directory.resolve(base + ".png"));
        return r;
    }

    private static EstimatorRuns summarise(String name, List<OptimizationResult> results) {
        int n = results.size();
        double[] last = results.stream().mapToDouble(r -> r.meanLossOfLast(50)).toArray();
        double[] finals = results.stream().mapToDouble(r -> r.last()[0]).toArray();
        double meanLast = Arrays.stream(last).average().orElseThrow();
        double meanFinal = Arrays.stream(finals).average().orElseThrow();
        double seLast = n > 1 ? Math.sqrt(Arrays.stream(last).map(v -> (v - meanLast) * (v - meanLast)).sum()
                / (n - 1) / n) : 0;
        double sdFinal = n > 1 ? Math.sqrt(Arrays.stream(finals).map(v -> (v - meanFinal) * (v - meanFinal)).sum()
                / (n - 1)) : 0;
        double seconds = results.stream().mapToLong(OptimizationResult::nanos).average().orElseThrow() / 1e9;
        return new EstimatorRuns(name, results, meanLast, seLast, meanFinal, sdFinal, seconds);
    }

    private static double[] column(double[][] rows) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][0];
        }
        return c;
    }

    private static double[] meanPerStep(List<double[]> series) {
        double[] m = new double[series.get(0).length];
        for (double[] s : series) {
            for (int t = 0; t < m.length; t++) {
                m[t] += s[t] / series.size();
            }
        }
        return m;
    }

    private static double[] quantilePerStep(List<double[]> series, double q) {
        int len = series.get(0).length;
        double[] out = new double[len];
        double[] column = new double[series.size()];
        for (int t = 0; t < len; t++) {
            for (int r = 0; r < column.length; r++) {
                column[r] = series.get(r)[t];
            }
            out[t] = org.apache.commons.statistics.descriptive.Quantile.withDefaults().evaluate(column, q);
        }
        return out;
    }
}
