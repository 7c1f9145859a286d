package org.stochad.shower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.statistics.descriptive.Quantile;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.ProgressListener;
import org.stochad.Seeds;
import org.stochad.TaskRunner;
import org.stochad.StochasticAdOptions;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;
import org.stochad.optim.Optimizer;
import org.stochad.optim.Sgd;

/**
 * Optimisation of the segmented detector: all K inner radii at once from a uniform start, with
 * Adam or SGD and one gradient estimator per set of runs, repeated with seeds derived from
 * (seed, run). Every run's final map is scored with the same {@code evaluationEvents} events
 * (common random numbers), so final objectives compare across runs and estimators.
 */
public final class DesignOptimization {

    /** The gradient step. */
    public enum Stepper {
        /** Adam with a linearly decaying step size. */
        ADAM,
        /** Plain stochastic gradient descent with a linearly decaying step size. */
        SGD
    }

    /**
     * The protocol.
     *
     * @param stepper          Adam or SGD
     * @param learningRate     the initial step size, finite and &gt; 0
     * @param decay            the fraction by which it falls linearly to the last step, in [0, 1)
     * @param starts           uniform starting radii; run r starts at starts[r mod n] (non-empty, each &ge; 0)
     * @param steps            steps per run, &ge; 1
     * @param eventsPerStep    events per gradient estimate, &ge; 2
     * @param runs             runs per estimator, &ge; 1
     * @param evaluationEvents events that score each final map, &ge; 2
     */
    public record Protocol(Stepper stepper, double learningRate, double decay, double[] starts, int steps,
                           int eventsPerStep, int runs, int evaluationEvents)
            implements java.io.Serializable {

        /**
         * Checks the values.
         *
         * @param stepper Adam or SGD
         * @param learningRate the initial step size, finite and &gt; 0
         * @param decay the fraction by which it falls linearly to the last step, in [0, 1)
         * @param starts uniform starting radii; run r starts at starts[r mod n] (non-empty, each &ge; 0)
         * @param steps steps per run, &ge; 1
         * @param eventsPerStep events per gradient estimate, &ge; 2
         * @param runs runs per estimator, &ge; 1
         * @param evaluationEvents events that score each final map, &ge; 2
         */
        public Protocol {
            if (stepper == null) {
                throw new IllegalArgumentException("stepper = null");
            }
            Checks.positive("learningRate", learningRate);
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("decay = " + decay + " is not in [0, 1)");
            }
            if (starts == null || starts.length == 0) {
                throw new IllegalArgumentException("starts is empty");
            }
            starts = starts.clone();
            for (double s : starts) {
                Checks.nonNegative("start", s);
            }
            Checks.atLeast("steps", steps, 1);
            Checks.atLeast("eventsPerStep", eventsPerStep, 2);
            Checks.atLeast("runs", runs, 1);
            Checks.atLeast("evaluationEvents", evaluationEvents, 2);
        }

        /**
         * @return Adam, learning rate 0.05 falling by 90 %, uniform start θ = 3.0, 400 steps of 16
         *         events, 8 runs, final maps scored with 4000 events
         */
        public static Protocol defaults() {
            return new Protocol(Stepper.ADAM, 0.05, 0.9, new double[] {3.0}, 400, 16, 8, 4000);
        }

        /** @return a copy of the starts */
        @Override
        public double[] starts() {
            return starts.clone();
        }

        /**
         * @param s the stepper
         * @param rate its learning rate
         * @return this protocol with that stepper and rate
         */
        public Protocol withStepper(Stepper s, double rate) {
            return new Protocol(s, rate, decay, starts, steps, eventsPerStep, runs, evaluationEvents);
        }

        /**
         * @param n steps per run
         * @param count runs per estimator
         * @param events events per step
         * @return this protocol with that budget
         */
        public Protocol withBudget(int n, int count, int events) {
            return new Protocol(stepper, learningRate, decay, starts, n, events, count, evaluationEvents);
        }

        /**
         * @param values uniform starting radii, used in turn
         * @return this protocol with those starts
         */
        public Protocol withStarts(double... values) {
            return new Protocol(stepper, learningRate, decay, values, steps, eventsPerStep, runs, evaluationEvents);
        }

        /**
         * @param n events per final evaluation
         * @return this protocol scoring the final maps with n events
         */
        public Protocol withEvaluationEvents(int n) {
            return new Protocol(stepper, learningRate, decay, starts, steps, eventsPerStep, runs, n);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Protocol p && p.stepper == stepper && p.learningRate == learningRate
                    && p.decay == decay && Arrays.equals(p.starts, starts) && p.steps == steps
                    && p.eventsPerStep == eventsPerStep && p.runs == runs && p.evaluationEvents == evaluationEvents;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(starts) * 31 + Double.hashCode(learningRate) + steps;
        }

        @Override
        public String toString() {
            return stepper + " lr " + learningRate + " (decay " + decay + "), starts " + Arrays.toString(starts)
                    + ", " + steps + " steps of " + eventsPerStep + " events, " + runs + " runs";
        }
    }

    /**
     * The runs of one estimator.
     *
     * @param estimator    its name
     * @param runs         the trajectories
     * @param finalLoss    per run, the objective of its final map (common evaluation events)
     * @param secondsPerRun mean wall time of one run
     */
    public record EstimatorRuns(String estimator, List<OptimizationResult> runs, double[] finalLoss,
                                double secondsPerRun) {

        /**
         * Copies the inputs.
         *
         * @param estimator its name
         * @param runs the trajectories
         * @param finalLoss per run, the objective of its final map (common evaluation events)
         * @param secondsPerRun mean wall time of one run
         */
        public EstimatorRuns {
            runs = List.copyOf(runs);
            finalLoss = finalLoss.clone();
        }

        /** @return a copy of the final objectives */
        @Override
        public double[] finalLoss() {
            return finalLoss.clone();
        }

        /** @return the mean final objective over runs */
        public double meanFinalLoss() {
            return Arrays.stream(finalLoss).average().orElseThrow();
        }

        /** @return the smallest final objective */
        public double bestFinalLoss() {
            return Arrays.stream(finalLoss).min().orElseThrow();
        }

        /** @return the index of the run with the smallest final objective */
        public int bestRun() {
            int best = 0;
            for (int r = 1; r < finalLoss.length; r++) {
                if (finalLoss[r] < finalLoss[best]) {
                    best = r;
                }
            }
            return best;
        }

        /** @return per component, the mean over runs of the final radius */
        public double[] meanFinalTheta() {
            int k = runs.get(0).last().length;
            double[] m = new double[k];
            for (OptimizationResult r : runs) {
                double[] last = r.last();
                for (int j = 0; j < k; j++) {
                    m[j] += last[j] / runs.size();
                }
            }
            return m;
        }

        /**
         * @param q a quantile in [0, 1]
         * @return per step, that quantile over runs of the step's objective
         */
        public double[] lossQuantile(double q) {
            return quantilePerStep(runs.stream().map(OptimizationResult::loss).toList(), q);
        }

        /**
         * @param component a parameter index
         * @param q         a quantile in [0, 1]
         * @return per step (and after the last), that quantile over runs of the component
         */
        public double[] thetaQuantile(int component, double q) {
            return quantilePerStep(runs.stream().map(r -> column(r.parameters(), component)).toList(), q);
        }

        /**
         * @param component a parameter index
         * @param q         a quantile in [0, 1]
         * @return that quantile over runs of the component's final value
         */
        public double finalThetaQuantile(int component, double q) {
            double[] v = runs.stream().mapToDouble(r -> r.last()[component]).toArray();
            return Quantile.withDefaults().evaluate(v, q);
        }
    }

    /**
     * The outcome.
     *
     * @param label      the configuration's label
     * @param segments   K
     * @param protocol   the protocol
     * @param estimators one entry per estimator
     * @param nanos      total wall time
     */
    public record Result(String label, int segments, Protocol protocol, List<EstimatorRuns> estimators, long nanos) {

        /**
         * Copies the list.
         *
         * @param label the configuration's label
         * @param segments K
         * @param protocol the protocol
         * @param estimators one entry per estimator
         * @param nanos total wall time
         */
        public Result {
            estimators = List.copyOf(estimators);
        }

        /** @return the runs with the smallest final objective over all estimators */
        public double[] bestTheta() {
            EstimatorRuns best = estimators.get(0);
            for (EstimatorRuns e : estimators) {
                if (e.bestFinalLoss() < best.bestFinalLoss()) {
                    best = e;
                }
            }
            return best.runs().get(best.bestRun()).last();
        }

        /** @return the smallest final objective over all runs */
        public double bestFinalLoss() {
            return estimators.stream().mapToDouble(EstimatorRuns::bestFinalLoss).min().orElseThrow();
        }
    }

    private final SegmentedShower shower;
    private final List<Estimator> estimators;
    private final Protocol protocol;
    private final long seed;
    private final int threads;
    private final ProgressListener progress;
    /** Where the runs go; null: this process's threads. */
    private final TaskRunner runner;

    private DesignOptimization(SegmentedShower shower, List<Estimator> estimators, Protocol protocol, long seed,
                               int threads, ProgressListener progress, TaskRunner runner) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (estimators == null || estimators.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        if (protocol == null) {
            throw new IllegalArgumentException("protocol = null");
        }
        Checks.atLeast("threads", threads, 1);
        this.shower = shower;
        this.estimators = List.copyOf(estimators);
        this.protocol = protocol;
        this.seed = seed;
        this.threads = threads;
        this.progress = progress;
        this.runner = runner;
    }

    /**
     * @param shower the segmented shower
     * @param seed   run r's seed is derived from (seed, r)
     * @return the default protocol with {@link #defaultEstimators()} on all cores
     */
    public static DesignOptimization of(SegmentedShower shower, long seed) {
        return new DesignOptimization(shower, defaultEstimators(), Protocol.defaults(), seed,
                StochasticAdOptions.defaultParallelism(), ProgressListener.none(), null);
    }

    /** @return stochastic AD (m = 1 and m = 4), the hybrid and the score function with baseline */
    public static List<Estimator> defaultEstimators() {
        return List.of(Estimators.stochasticAd(), Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)),
                Estimators.hybrid(), Estimators.scoreFunctionWithBaseline());
    }

    /**
     * @param list the estimators (non-empty)
     * @return this optimisation with them
     */
    public DesignOptimization withEstimators(List<Estimator> list) {
        return new DesignOptimization(shower, list, protocol, seed, threads, progress, runner);
    }

    /**
     * @param p the protocol
     * @return this optimisation with it
     */
    public DesignOptimization withProtocol(Protocol p) {
        return new DesignOptimization(shower, estimators, p, seed, threads, progress, runner);
    }

    /**
     * @param n worker threads (runs go in parallel, one thread each); results do not depend on it
     * @return this optimisation
     */
    public DesignOptimization withParallelism(int n) {
        return new DesignOptimization(shower, estimators, protocol, seed, n, progress, runner);
    }

    /**
     * @param listener told {@link #workUnits()} units, one per finished run (from any thread)
     * @return this optimisation reporting there
     */
    public DesignOptimization withProgress(ProgressListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener = null");
        }
        return new DesignOptimization(shower, estimators, protocol, seed, threads, listener, runner);
    }

    /**
     * @param where where the runs go (each run and its score is one task; results do not depend on it)
     * @return this optimisation running its runs there instead of on its own threads
     */
    public DesignOptimization withRunner(TaskRunner where) {
        if (where == null) {
            throw new IllegalArgumentException("runner = null");
        }
        return new DesignOptimization(shower, estimators, protocol, seed, threads, progress, where);
    }

    /** @return estimators × runs */
    public long workUnits() {
        return (long) estimators.size() * protocol.runs();
    }

    /** @return the runs */
    public Result run() {
        long begin = System.nanoTime();
        List<EstimatorRuns> all = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        int k = shower.segments();
        long evaluationSeed = Seeds.derive(seed, -1);
        progress.start("design " + k + " sectors", workUnits());
        // the task captures values only (not this), so that it can travel to another machine
        SegmentedShower program = shower;
        Protocol p = protocol;
        TaskRunner where = runner == null ? TaskRunner.threads(threads) : runner;
        try {
            for (int e = 0; e < estimators.size(); e++) {
                Estimator single = estimators.get(e).withParallelism(1);
                long estimatorSeed = Seeds.derive(seed, e);
                List<Run> runs = where.map("design " + estimators.get(e).name(), protocol.runs(), r -> {
                    OptimizationResult result = optimizer(p, k).minimize(program, single,
                            program.uniform(p.starts()[r % p.starts().length]), p.steps(), p.eventsPerStep(),
                            Seeds.derive(estimatorSeed, r));
                    double score = Estimators.primal().withParallelism(1).estimate(program, result.last(),
                            p.evaluationEvents(), evaluationSeed).value();
                    return new Run(result, score);
                }, () -> progress.advance(done.incrementAndGet(), ""));
                List<OptimizationResult> results = runs.stream().map(Run::result).toList();
                double[] finals = runs.stream().mapToDouble(Run::score).toArray();
                double seconds = results.stream().mapToLong(OptimizationResult::nanos).average().orElseThrow() / 1e9;
                all.add(new EstimatorRuns(estimators.get(e).name(), results, finals, seconds));
            }
        } finally {
            progress.finish();
        }
        return new Result(shower.config().label(), k, protocol, all, System.nanoTime() - begin);
    }

    /** The optimiser of a protocol for k radii, each bounded below by 0. */
    private static Optimizer optimizer(Protocol protocol, int k) {
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return protocol.stepper() == Stepper.ADAM
                ? Adam.of(protocol.learningRate()).withLinearDecay(protocol.decay()).withBounds(lo, hi)
                : Sgd.of(protocol.learningRate()).withLinearDecay(protocol.decay()).withBounds(lo, hi);
    }

    /**
     * One run's trajectory and the score of its final map.
     *
     * @param result the trajectory
     * @param score  the mean objective of the final map over the evaluation events
     */
    private record Run(OptimizationResult result, double score) implements java.io.Serializable {
    }

    /**
     * Scores a map with the final evaluation of {@link #run()}: the mean objective over
     * {@code events} events with the run's evaluation seed.
     *
     * @param theta  the K radii
     * @param events the number of events, &ge; 2
     * @return the mean objective
     */
    public double evaluate(double[] theta, int events) {
        return Estimators.primal().estimate(shower, theta, events, Seeds.derive(seed, -1)).value();
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static double[] quantilePerStep(List<double[]> series, double q) {
        int len = series.get(0).length;
        double[] out = new double[len];
        double[] column = new double[series.size()];
        for (int t = 0; t < len; t++) {
            for (int r = 0; r < column.length; r++) {
                column[r] = series.get(r)[t];
            }
            out[t] = Quantile.withDefaults().evaluate(column, q);
        }
        return out;
    }
}
