package org.stochad.shower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.Seeds;
import org.stochad.TaskRunner;
import org.stochad.StochasticAdOptions;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;

/**
 * Design optimisation of the material's inner radius with Adam, repeated over independent runs
 * for each gradient estimator: the published protocol is learning rate 0.01, start θ = 3.0,
 * 2 events per step, 500 steps, θ ≥ 0, 10 runs per estimator.
 */
public final class ShowerOptimization {

    private final ToyShower shower;
    private final List<Estimator> estimators;
    private final Protocol protocol;
    private final long seed;
    private final int threads;
    private final Runnable tick;
    /** Where the runs go; null: this process's threads. */
    private final TaskRunner runner;

    /**
     * The optimisation protocol.
     *
     * @param learningRate  Adam's learning rate, finite and &gt; 0
     * @param start         the starting θ, finite and &ge; 0
     * @param steps         Adam steps per run, &ge; 50
     * @param eventsPerStep events per gradient estimate, &ge; 2
     * @param runs          independent runs per estimator, &ge; 1
     */
    public record Protocol(double learningRate, double start, int steps, int eventsPerStep, int runs) {

        /**
         * Checks the values.
         *
         * @param learningRate Adam's learning rate, finite and &gt; 0
         * @param start the starting θ, finite and &ge; 0
         * @param steps Adam steps per run, &ge; 50
         * @param eventsPerStep events per gradient estimate, &ge; 2
         * @param runs independent runs per estimator, &ge; 1
         */
        public Protocol {
            Checks.positive("learningRate", learningRate);
            Checks.nonNegative("start", start);
            Checks.atLeast("steps", steps, 50);
            Checks.atLeast("eventsPerStep", eventsPerStep, 2);
            Checks.atLeast("runs", runs, 1);
        }

        /** @return learning rate 0.01, start θ = 3.0, 500 steps of 2 events, 10 runs per estimator */
        public static Protocol published() {
            return new Protocol(0.01, 3.0, 500, 2, 10);
        }
    }

    private ShowerOptimization(ToyShower shower, List<Estimator> estimators, Protocol protocol, long seed,
                               int threads, Runnable tick, TaskRunner runner) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (estimators == null || estimators.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        Checks.atLeast("parallelism", threads, 1);
        this.shower = shower.withObservable(ToyShower.Observable.LOSS);
        this.estimators = List.copyOf(estimators);
        this.protocol = protocol;
        this.seed = seed;
        this.threads = threads;
        this.tick = tick;
        this.runner = runner;
    }

    /**
     * @param shower the shower whose loss is minimised
     * @param seed   the seed of run r of every estimator is derived from (seed, r)
     * @return the published protocol with stochastic AD, score function with and without
     *         baseline and finite differences, runs spread over all cores
     */
    public static ShowerOptimization of(ToyShower shower, long seed) {
        return new ShowerOptimization(shower, defaultEstimators(), Protocol.published(), seed,
                StochasticAdOptions.defaultParallelism(), () -> { }, null);
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
        return new ShowerOptimization(shower, list, protocol, seed, threads, tick, runner);
    }

    /**
     * @param n     steps per run, &ge; 50
     * @param count runs per estimator
     * @return this optimisation with that many steps and runs
     */
    public ShowerOptimization withStepsAndRuns(int n, int count) {
        return new ShowerOptimization(shower, estimators, new Protocol(protocol.learningRate(), protocol.start(), n,
                protocol.eventsPerStep(), count), seed, threads, tick, runner);
    }

    /**
     * @param n worker threads (runs go in parallel, each on one thread)
     * @return this optimisation
     */
    public ShowerOptimization withParallelism(int n) {
        return new ShowerOptimization(shower, estimators, protocol, seed, n, tick, runner);
    }

    /**
     * @param onRunDone called once per finished run, {@link #workUnits()} times in all (from any thread)
     * @return this optimisation reporting its progress there
     */
    public ShowerOptimization withProgress(Runnable onRunDone) {
        if (onRunDone == null) {
            throw new IllegalArgumentException("onRunDone = null");
        }
        return new ShowerOptimization(shower, estimators, protocol, seed, threads, onRunDone, runner);
    }

    /**
     * @param where where the runs go (each run is one task; results do not depend on it)
     * @return this optimisation running its runs there instead of on its own threads
     */
    public ShowerOptimization withRunner(TaskRunner where) {
        if (where == null) {
            throw new IllegalArgumentException("runner = null");
        }
        return new ShowerOptimization(shower, estimators, protocol, seed, threads, tick, where);
    }

    /** @return the number of progress ticks a run reports: estimators × runs */
    public int workUnits() {
        return estimators.size() * protocol.runs();
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

        /** @return the runs per estimator */
        public int runsPerEstimator() {
            return estimators.get(0).runs().size();
        }
    }

    /** @return the runs of every estimator */
    public Result run() {
        long begin = System.nanoTime();
        List<EstimatorRuns> all = new ArrayList<>();
        for (Estimator e : estimators) {
            Estimator single = e.withParallelism(1);
            // warm the JIT so that the first estimator's wall time is not charged for compilation
            Adam.of(protocol.learningRate()).minimize(shower, single, new double[] {protocol.start()}, 50,
                    protocol.eventsPerStep(), ~seed);
            // the task captures values only (not this), so that it can travel to another machine
            ToyShower program = shower;
            double rate = protocol.learningRate();
            double from = protocol.start();
            int n = protocol.steps();
            int perStep = protocol.eventsPerStep();
            long base = seed;
            TaskRunner where = runner == null ? TaskRunner.threads(threads) : runner;
            List<OptimizationResult> results = where.map("optimize " + e.name(), protocol.runs(), r -> Adam.of(rate)
                    .withBounds(new double[] {0}, new double[] {Double.POSITIVE_INFINITY})
                    .minimize(program, single, new double[] {from}, n, perStep, Seeds.derive(base, r)), tick);
            all.add(summarise(e.name(), results));
        }
        return new Result(shower.config().label(), protocol.steps(), all, System.nanoTime() - begin);
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
