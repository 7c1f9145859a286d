package org.stochad.shower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stochad.CostRatio;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticAdOptions;

/**
 * How the gradient estimators scale with the number of parameters of the segmented detector: for
 * each K, each estimator's cost per event relative to a primal shower, the per-event variance of
 * every gradient component and the work-normalised variance (mean variance × cost), at a
 * uniform point θ_k = θ.
 *
 * <p>Costs are measured on one thread, interleaved: in each round every estimator's batch is
 * timed between two primal batches of the same events, and the median ratio over rounds is
 * reported — robust on a shared machine. The variances come from the same batches (one seed per
 * round, averaged over rounds).
 */
public final class DesignStudy {

    /** The default numbers of sectors: 1, 2, 4, …, 64. */
    public static final List<Integer> DEFAULT_SEGMENTS = List.of(1, 2, 4, 8, 16, 32, 64);

    private final ShowerConfig config;
    private final DesignObjective objective;
    private final List<Estimator> estimators;
    private final Options options;
    private final ProgressListener progress;

    /**
     * Where and how long to measure.
     *
     * @param theta    the uniform inner radius, finite and &ge; 0
     * @param events   events per timed batch, &ge; 2
     * @param rounds   rounds, &ge; 1
     * @param segments the numbers of sectors K (each 1 … 64, non-empty)
     */
    public record Options(double theta, int events, int rounds, List<Integer> segments) {

        /**
         * Checks the values.
         *
         * @param theta the uniform inner radius, finite and &ge; 0
         * @param events events per timed batch, &ge; 2
         * @param rounds rounds, &ge; 1
         * @param segments the numbers of sectors K (each 1 … 64, non-empty)
         */
        public Options {
            Checks.nonNegative("theta", theta);
            Checks.atLeast("events", events, 2);
            Checks.atLeast("rounds", rounds, 1);
            if (segments == null || segments.isEmpty()) {
                throw new IllegalArgumentException("segments is empty");
            }
            segments = List.copyOf(segments);
            for (int k : segments) {
                SegmentedMaterial.of(k);
            }
        }

        /** @return θ = 2.5, 400 events per batch, 5 rounds, K = 1, 2, 4, …, 64 */
        public static Options defaults() {
            return new Options(2.5, 400, 5, DEFAULT_SEGMENTS);
        }
    }

    /**
     * One estimator at one K.
     *
     * @param segments     K
     * @param estimator    the estimator's name
     * @param cost         the median round's times (estimator vs primal, same events)
     * @param costRatio    median over rounds of estimator time / primal time
     * @param primalMicros median primal time per event, µs
     * @param mean         per component, the mean gradient estimate
     * @param variance     per component, the per-event variance
     */
    public record Row(int segments, String estimator, CostRatio cost, double costRatio, double primalMicros,
                      double[] mean, double[] variance) {

        /**
         * Copies the arrays.
         *
         * @param segments K
         * @param estimator the estimator's name
         * @param cost the median round's times (estimator vs primal, same events)
         * @param costRatio median over rounds of estimator time / primal time
         * @param primalMicros median primal time per event, µs
         * @param mean per component, the mean gradient estimate
         * @param variance per component, the per-event variance
         */
        public Row {
            mean = mean.clone();
            variance = variance.clone();
        }

        /** @return a copy of the per-component means */
        @Override
        public double[] mean() {
            return mean.clone();
        }

        /** @return a copy of the per-component variances */
        @Override
        public double[] variance() {
            return variance.clone();
        }

        /** @return the per-event variance averaged over the components */
        public double meanVariance() {
            return Arrays.stream(variance).average().orElse(Double.NaN);
        }

        /** @return the mean variance times the cost ratio: variance at the work of one primal event */
        public double workNormalisedVariance() {
            return meanVariance() * costRatio;
        }
    }

    /**
     * The study's outcome.
     *
     * @param label   the configuration's label
     * @param options where and how long it measured
     * @param rows    one row per K and estimator, K-major
     * @param nanos   total wall time
     */
    public record Result(String label, Options options, List<Row> rows, long nanos) {

        /**
         * Copies the list.
         *
         * @param label the configuration's label
         * @param options where and how long it measured
         * @param rows one row per K and estimator, K-major
         * @param nanos total wall time
         */
        public Result {
            rows = List.copyOf(rows);
        }

        /** @return the estimators' names, in order */
        public List<String> estimators() {
            return rows.stream().map(Row::estimator).distinct().toList();
        }

        /**
         * @param estimator an estimator's name
         * @return its rows, in the order of K
         */
        public List<Row> of(String estimator) {
            return rows.stream().filter(r -> r.estimator().equals(estimator)).toList();
        }

        /**
         * @param estimator an estimator's name
         * @return its cost ratio at the largest K over that at the smallest
         */
        public double costGrowth(String estimator) {
            List<Row> r = of(estimator);
            return r.get(r.size() - 1).costRatio() / r.get(0).costRatio();
        }
    }

    private DesignStudy(ShowerConfig config, DesignObjective objective, List<Estimator> estimators, Options options,
                        ProgressListener progress) {
        this.config = config;
        this.objective = objective;
        this.estimators = List.copyOf(estimators);
        this.options = options;
        this.progress = progress;
    }

    /**
     * @param config    the shower's constants
     * @param objective the objective
     * @param options   where and how long to measure
     * @return the study with the default estimators
     */
    public static DesignStudy of(ShowerConfig config, DesignObjective objective, Options options) {
        if (config == null || objective == null || options == null) {
            throw new IllegalArgumentException("config = " + config + ", objective = " + objective
                    + ", options = " + options);
        }
        return new DesignStudy(config, objective, defaultEstimators(), options, ProgressListener.none());
    }

    /** @return stochastic AD (m = 1, m = 4), the hybrid, score function + baseline, FD (h = 0.05) */
    public static List<Estimator> defaultEstimators() {
        return List.of(Estimators.stochasticAd(),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)),
                Estimators.hybrid(), Estimators.scoreFunctionWithBaseline(),
                Estimators.finiteDifference(ShowerStudy.FD_STEP));
    }

    /**
     * @param list the estimators (non-empty)
     * @return this study with those estimators
     */
    public DesignStudy withEstimators(List<Estimator> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        return new DesignStudy(config, objective, list, options, progress);
    }

    /**
     * @param listener told K × rounds × estimators units of work
     * @return this study reporting there
     */
    public DesignStudy withProgress(ProgressListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener = null");
        }
        return new DesignStudy(config, objective, estimators, options, listener);
    }

    /** @return the number of progress units */
    public long workUnits() {
        return (long) options.segments().size() * options.rounds() * estimators.size();
    }

    /** @return the measured rows */
    public Result run() {
        long begin = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        Estimator primal = Estimators.primal().withParallelism(1);
        List<Estimator> single = estimators.stream().map(e -> e.withParallelism(1)).toList();
        int events = options.events();
        int rounds = options.rounds();
        long done = 0;
        progress.start("design study", workUnits());
        try {
            for (int segments : options.segments()) {
                SegmentedShower shower = SegmentedShower.of(config, segments, objective);
                double[] point = shower.uniform(options.theta());
                int warm = Math.max(2, events / 10);
                primal.estimate(shower, point, warm, -1);
                for (Estimator e : single) {
                    e.estimate(shower, point, warm, -1);
                }
                CostRatio[][] costs = new CostRatio[single.size()][rounds];
                double[][] primalMicros = new double[single.size()][rounds];
                double[][] mean = new double[single.size()][segments];
                double[][] variance = new double[single.size()][segments];
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < single.size(); i++) {
                        long before = primal.estimate(shower, point, events, r).nanos();
                        GradientEstimate g = single.get(i).estimate(shower, point, events, r);
                        long after = primal.estimate(shower, point, events, r).nanos();
                        costs[i][r] = new CostRatio(single.get(i).name(), g.nanos(), (before + after) / 2);
                        primalMicros[i][r] = (before + after) / 2e3 / events;
                        for (int j = 0; j < segments; j++) {
                            mean[i][j] += g.mean(j) / rounds;
                            variance[i][j] += g.variance(j) / rounds;
                        }
                        progress.advance(++done, segments + " sectors: " + single.get(i).name());
                    }
                }
                for (int i = 0; i < single.size(); i++) {
                    CostRatio[] sorted = costs[i].clone();
                    Arrays.sort(sorted, (a, b) -> Double.compare(a.ratio(), b.ratio()));
                    double median = rounds % 2 == 1 ? sorted[rounds / 2].ratio()
                            : (sorted[rounds / 2 - 1].ratio() + sorted[rounds / 2].ratio()) / 2;
                    double[] micros = primalMicros[i].clone();
                    Arrays.sort(micros);
                    rows.add(new Row(segments, single.get(i).name(), sorted[rounds / 2], median, micros[rounds / 2],
                            mean[i], variance[i]));
                }
            }
        } finally {
            progress.finish();
        }
        return new Result(config.label(), options, rows, System.nanoTime() - begin);
    }
}
