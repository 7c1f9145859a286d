package org.stochad.shower;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.JacobianEstimate;
import org.stochad.TaskRunner;
import org.stochad.StochasticAdOptions;
import org.stochad.VectorProgram;

/**
 * The loss landscape E[ℓ](θ) and the mean depth E[D](θ) of a shower on a grid of inner radii,
 * with common random numbers across the grid (every point sees the same seeds), so the curve is
 * smooth and its minimum well located. Standard errors come from independent batches.
 */
public final class LossScan {

    /** The independent batches whose spread gives each point's standard error. */
    public static final int BATCHES = 20;

    private final ToyShower shower;
    private final double from;
    private final double to;
    private final int points;
    private final int events;
    private final long seed;
    private final int threads;
    private final Runnable tick;
    /** Where the grid points go; null: one after the other, each estimate on this process's threads. */
    private final TaskRunner runner;

    private LossScan(ToyShower shower, Options options, long seed, int threads, Runnable tick, TaskRunner runner) {
        this.shower = shower;
        this.from = options.from();
        this.to = options.to();
        this.points = options.points();
        this.events = options.events();
        this.seed = seed;
        this.threads = threads;
        this.tick = tick;
        this.runner = runner;
    }

    /**
     * The grid and the budget of a scan.
     *
     * @param from   first θ
     * @param to     last θ, &gt; from
     * @param points grid points, &ge; 3
     * @param events events per point, &ge; 40 (used in {@value #BATCHES} equal batches)
     */
    public record Options(double from, double to, int points, int events) implements java.io.Serializable {

        /**
         * Checks the grid and the budget.
         *
         * @param from first θ
         * @param to last θ, &gt; from
         * @param points grid points, &ge; 3
         * @param events events per point, &ge; 40
         */
        public Options {
            if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
                throw new IllegalArgumentException("scan range [" + from + ", " + to + "] is not a finite interval");
            }
            Checks.atLeast("points", points, 3);
            Checks.atLeast("events", events, 2 * BATCHES);
        }

        /** @return the published scan: θ from 0.2 to 4.0 in 31 points, 2000 events per point */
        public static Options defaults() {
            return new Options(0.2, 4.0, 31, 2000);
        }
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
        return of(shower, new Options(from, to, points, events), seed);
    }

    /**
     * @param shower  the shower (its observable is ignored: both loss and depth are scanned)
     * @param options the grid and the budget
     * @param seed    the seed shared by every point
     * @return the scan, on all cores
     */
    public static LossScan of(ToyShower shower, Options options, long seed) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options = null");
        }
        return new LossScan(shower, options, seed, StochasticAdOptions.defaultParallelism(), () -> { }, null);
    }

    /**
     * @param n worker threads, &ge; 1
     * @return this scan on n threads
     */
    public LossScan withParallelism(int n) {
        Checks.atLeast("parallelism", n, 1);
        return new LossScan(shower, new Options(from, to, points, events), seed, n, tick, runner);
    }

    /**
     * @param onBatchDone called once per finished batch of a grid point, {@link #workUnits()} times in all
     *                    (from the calling thread)
     * @return this scan reporting its progress there
     */
    public LossScan withProgress(Runnable onBatchDone) {
        if (onBatchDone == null) {
            throw new IllegalArgumentException("onBatchDone = null");
        }
        return new LossScan(shower, new Options(from, to, points, events), seed, threads, onBatchDone, runner);
    }

    /**
     * @param where where the grid points go (one task per point; results do not depend on it)
     * @return this scan computing its points there
     */
    public LossScan withRunner(TaskRunner where) {
        if (where == null) {
            throw new IllegalArgumentException("runner = null");
        }
        return new LossScan(shower, new Options(from, to, points, events), seed, threads, tick, where);
    }

    /** @return the number of progress ticks a run reports: grid points × batches */
    public int workUnits() {
        return points * BATCHES;
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
    public record Point(double theta, double loss, double lossSe, double depth, double depthSe)
            implements java.io.Serializable {
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

        /** @return a one-paragraph human summary */
        public String summary() {
            return String.format(Locale.ROOT, "%s loss scan, %d points x %d events: minimum at theta = %.3f"
                    + " (grid %.3f), E[loss] there %.4f; %.1f s", label, points.size(), events, minimum, gridMinimum,
                    points.stream().filter(p -> p.theta == gridMinimum).findFirst().orElseThrow().loss, nanos / 1e9);
        }
    }

    /** @return the scan's result */
    public Result run() {
        long start = System.nanoTime();
        ToyShower program = shower;
        int perBatch = events / BATCHES;
        List<Point> grid = new ArrayList<>();
        if (runner == null) {
            Estimator primal = Estimators.primal().withParallelism(threads);
            for (int i = 0; i < points; i++) {
                grid.add(point(program, theta(i), perBatch, seed, primal, tick));
            }
        } else {
            // the task captures values only (not this), so that it can travel to another machine
            double first = from;
            double last = to;
            int n = points;
            long s = seed;
            grid.addAll(runner.map("scan", points, i -> point(program,
                    first + (last - first) * i / (n - 1), perBatch, s, Estimators.primal().withParallelism(1), () -> { }),
                    () -> {
                        for (int b = 0; b < BATCHES; b++) {
                            tick.run();
                        }
                    }));
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

    private double theta(int i) {
        return from + (to - from) * i / (points - 1);
    }

    /**
     * Grid point θ: {@value #BATCHES} batches, each seeded seed + b, whose loss and depth come from
     * the same showers (one vector program, not two runs).
     */
    private static Point point(ToyShower shower, double theta, int perBatch, long seed, Estimator primal,
                               Runnable tick) {
        VectorProgram both = shower.lossAndDepth();
        double[] losses = new double[BATCHES];
        double[] depths = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            JacobianEstimate j = primal.jacobian(both, new double[] {theta},
                    EstimateRequest.samples(perBatch).seed(seed + b));
            losses[b] = j.value(0);
            depths[b] = j.value(1);
            tick.run();
        }
        return new Point(theta, Mean.of(losses).getAsDouble(), se(losses), Mean.of(depths).getAsDouble(), se(depths));
    }

    private static double se(double[] batchMeans) {
        return Math.sqrt(Variance.of(batchMeans).getAsDouble() / batchMeans.length);
    }
}
