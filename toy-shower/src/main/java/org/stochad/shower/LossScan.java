package org.stochad.shower;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;
import org.stochad.study.OutputFiles;

/**
 * The loss landscape E[ℓ](θ) and the mean depth E[D](θ) of a shower on a grid of inner radii,
 * with common random numbers across the grid (every point sees the same seeds), so the curve is
 * smooth and its minimum well located. Standard errors come from independent batches.
 */
public final class LossScan {

    private static final int BATCHES = 20;

    private final ToyShower shower;
    private final double from;
    private final double to;
    private final int points;
    private final int events;
    private final long seed;
    private final int threads;

    private LossScan(ToyShower shower, double from, double to, int points, int events, long seed, int threads) {
        this.shower = shower;
        this.from = from;
        this.to = to;
        this.points = points;
        this.events = events;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * @param shower the shower (its observable is ignored: both loss and depth are scanned)
     * @param from   first θ
     * @param to     last θ, &gt; from
     * @param points grid points, &ge; 3
     * @param events events per point, a multiple of 20 batches is used (at least 40)
     * @param seed   the seed shared by every point
     * @return the scan, on all cores
     */
    public static LossScan of(ToyShower shower, double from, double to, int points, int events, long seed) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("scan range [" + from + ", " + to + "] is not a finite interval");
        }
        if (points < 3) {
            throw new IllegalArgumentException("points = " + points + " is less than 3");
        }
        if (events < 2 * BATCHES) {
            throw new IllegalArgumentException("events = " + events + " is less than " + 2 * BATCHES);
        }
        return new LossScan(shower, from, to, points, events, seed, StochasticAdOptions.defaultParallelism());
    }

    /**
     * @param n worker threads, &ge; 1
     * @return this scan on n threads
     */
    public LossScan withParallelism(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallelism = " + n + " is less than 1");
        }
        return new LossScan(shower, from, to, points, events, seed, n);
    }

    /**
     * One grid point.
     *
     * @param theta     the inner radius
     * @param loss      E[ℓ] estimate
     * @param lossSe    its standard error
     * @param depth     E[D] estimate
     * @param depthSe   its standard error
     */
    public record Point(double theta, double loss, double lossSe, double depth, double depthSe) {
    }

    /**
     * The scan's outcome.
     *
     * @param label        the shower configuration's label
     * @param events       events per point
     * @param points       the grid points
     * @param gridMinimum  the grid θ of the smallest estimated loss
     * @param minimum      θ of the minimum of the parabola through the smallest point and its neighbours
     * @param nanos        wall time
     */
    public record Result(String label, int events, List<Point> points, double gridMinimum, double minimum,
                         long nanos) {

        /**
         * Copies the list.
         *
         * @param label the shower configuration's label
         * @param events events per point
         * @param points the grid points
         * @param gridMinimum the grid θ of the smallest estimated loss
         * @param minimum θ of the minimum of the parabola through the smallest point and its neighbours
         * @param nanos wall time
         */
        public Result {
            points = List.copyOf(points);
        }

        /** @return the scan as CSV: theta, loss, loss_se, depth, depth_se */
        public String toCsv() {
            StringBuilder sb = new StringBuilder("theta,loss,loss_se,depth,depth_se\n");
            for (Point p : points) {
                sb.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g,%.6g%n", p.theta, p.loss, p.lossSe,
                        p.depth, p.depthSe));
            }
            return sb.toString();
        }

        /** @return a one-paragraph human summary */
        public String summary() {
            return String.format(Locale.ROOT, "%s loss scan, %d points x %d events: minimum at theta = %.3f"
                    + " (grid %.3f), E[loss] there %.4f; %.1f s", label, points.size(), events, minimum, gridMinimum,
                    points.stream().filter(p -> p.theta == gridMinimum).findFirst().orElseThrow().loss, nanos / 1e9);
        }

        /**
         * @param target the CSV file
         * @return the target
         */
        public Path writeCsv(Path target) {
            return OutputFiles.writeString(target, toCsv());
        }

        /**
         * Writes a PNG: E[ℓ] with a ±2 se band against θ on the left axis, E[D] and the line
         * θ + 0.85 on the right axis, and the minimum marked.
         *
         * @param target the PNG file
         * @return the target
         */
        public Path writePlot(Path target) {
            XYChart c = new XYChartBuilder().width(800).height(520).title(label + " configuration: loss landscape ("
                    + events + " events per point, common random numbers)").xAxisTitle("θ (inner radius)")
                    .yAxisTitle("E[ℓ] = E[(D − 2)²]").build();
            c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
            double[] x = points.stream().mapToDouble(Point::theta).toArray();
            double[] y = points.stream().mapToDouble(Point::loss).toArray();
            double[] e = points.stream().mapToDouble(p -> 2 * p.lossSe).toArray();
            XYSeries loss = c.addSeries("E[ℓ] ± 2 se", x, y, e);
            loss.setMarker(SeriesMarkers.CIRCLE);
            double lo = points.stream().mapToDouble(p -> p.loss - 2 * p.lossSe).min().orElse(0);
            double hi = points.stream().mapToDouble(p -> p.loss + 2 * p.lossSe).max().orElse(1);
            XYSeries min = c.addSeries(String.format(Locale.ROOT, "minimum θ = %.2f", minimum),
                    new double[] {minimum, minimum}, new double[] {Math.min(lo, 0), hi});
            min.setMarker(SeriesMarkers.NONE);
            XYSeries depth = c.addSeries("E[D] (right axis)", x, points.stream().mapToDouble(Point::depth).toArray());
            depth.setYAxisGroup(1);
            depth.setMarker(SeriesMarkers.DIAMOND);
            XYSeries ref = c.addSeries("θ + 0.85 (right axis)", x,
                    points.stream().mapToDouble(p -> p.theta + 0.85).toArray());
            ref.setYAxisGroup(1);
            ref.setMarker(SeriesMarkers.NONE);
            c.setYAxisGroupTitle(1, "E[D] (mean radius of flagged hits)");
            c.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
            return OutputFiles.writeAtomically(target, p -> {
                String s = p.toString();
                BitmapEncoder.saveBitmap(c, s.substring(0, s.length() - ".png".length()), BitmapEncoder.BitmapFormat.PNG);
            });
        }
    }

    /**
     * Runs the scan and writes toy-shower-scan-LABEL.csv and .png into a directory.
     *
     * @param directory where to write
     * @return the result
     */
    public Result runAndWrite(Path directory) {
        Result r = run();
        r.writeCsv(directory.resolve("toy-shower-scan-" + r.label() + ".csv"));
        r.writePlot(directory.resolve("toy-shower-scan-" + r.label() + ".png"));
        return r;
    }

    /** @return the scan's result */
    public Result run() {
        long start = System.nanoTime();
        Estimator runner = Estimators.primal().withParallelism(threads);
        ToyShower lossProgram = shower.withObservable(ToyShower.Observable.LOSS);
        ToyShower depthProgram = shower.withObservable(ToyShower.Observable.DEPTH);
        int perBatch = events / BATCHES;
        List<Point> grid = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double theta = from + (to - from) * i / (points - 1);
            double[] losses = new double[BATCHES];
            double[] depths = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                long s = seed + b;
                losses[b] = runner.estimate(lossProgram, new double[] {theta}, perBatch, s).value();
                depths[b] = runner.estimate(depthProgram, new double[] {theta}, perBatch, s).value();
            }
            grid.add(new Point(theta, Mean.of(losses).getAsDouble(), se(losses), Mean.of(depths).getAsDouble(),
                    se(depths)));
        }
        int best = 0;
        for (int i = 1; i < grid.size(); i++) {
            if (grid.get(i).loss < grid.get(best).loss) {
                best = i;
            }
        }
        double minimum = grid.get(best).theta;
        if (best > 0 && best < grid.size() - 1) {
            double h = grid.get(best + 1).theta - grid.get(best).theta;
            double ym = grid.get(best - 1).loss;
            double y0 = grid.get(best).loss;
            double yp = grid.get(best + 1).loss;
            double curvature = ym - 2 * y0 + yp;
            if (curvature > 0) {
                minimum += h * (ym - yp) / (2 * curvature);
            }
        }
        return new Result(shower.config().label(), perBatch * BATCHES, grid, grid.get(best).theta, minimum,
                System.nanoTime() - start);
    }

    private static double se(double[] batchMeans) {
        return Math.sqrt(Variance.of(batchMeans).getAsDouble() / batchMeans.length);
    }
}
