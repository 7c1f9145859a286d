package org.stochad.shower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stochad.Estimator;
import org.stochad.Estimators;

/**
 * The cost of each gradient estimator relative to a primal shower, measured robustly on a shared
 * machine: on one thread, each estimator's batch is timed between two primal batches of the same
 * events, and the median ratio over several rounds is reported.
 */
public final class CostMeasurement {

    private CostMeasurement() {
    }

    /**
     * Where and how long to measure.
     *
     * @param theta  the inner radius, finite and &ge; 0
     * @param events events per timed batch, &ge; 1
     * @param rounds timing rounds whose median is reported, &ge; 1
     */
    public record Options(double theta, int events, int rounds) {

        /**
         * Checks the values.
         *
         * @param theta the inner radius, finite and &ge; 0
         * @param events events per timed batch, &ge; 1
         * @param rounds timing rounds whose median is reported, &ge; 1
         */
        public Options {
            Checks.nonNegative("theta", theta);
            Checks.atLeast("events", events, 1);
            Checks.atLeast("rounds", rounds, 1);
        }

        /** @return the documented measurement: θ = 2.5, 3000 events per batch, median of 5 rounds */
        public static Options defaults() {
            return new Options(2.5, 3000, 5);
        }
    }

    /**
     * One estimator's cost.
     *
     * @param estimator      its name
     * @param medianRatio    median over rounds of (estimator time) / (primal time), same events
     * @param ratios         every round's ratio
     * @param primalMicros   median primal time per event, µs
     */
    public record Cost(String estimator, double medianRatio, double[] ratios, double primalMicros) {

        /**
         * Copies the array.
         *
         * @param estimator its name
         * @param medianRatio median over rounds of (estimator time) / (primal time), same events
         * @param ratios every round's ratio
         * @param primalMicros median primal time per event, µs
         */
        public Cost {
            ratios = ratios.clone();
        }

        /** @return a copy of the per-round ratios */
        @Override
        public double[] ratios() {
            return ratios.clone();
        }
    }

    /**
     * @param shower     the shower
     * @param theta      the inner radius
     * @param estimators the estimators
     * @param events     events per batch, &ge; 1
     * @param rounds     rounds, &ge; 1
     * @return one cost per estimator
     */
    public static List<Cost> measure(ToyShower shower, double theta, List<Estimator> estimators, int events,
                                     int rounds) {
        return measure(shower, estimators, new Options(theta, events, rounds), () -> { });
    }

    /**
     * @param estimators the estimators
     * @param options    where and how long to measure
     * @return the number of progress ticks {@link #measure(ToyShower, List, Options, Runnable)} reports
     */
    public static int workUnits(List<Estimator> estimators, Options options) {
        return estimators.size() * options.rounds();
    }

    /**
     * @param shower     the shower
     * @param estimators the estimators
     * @param options    where and how long to measure
     * @param onTimed    called after each estimator's timing in each round (from the calling thread)
     * @return one cost per estimator
     */
    public static List<Cost> measure(ToyShower shower, List<Estimator> estimators, Options options,
                                     Runnable onTimed) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (estimators == null || estimators.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        double theta = options.theta();
        int events = options.events();
        int rounds = options.rounds();
        double[] point = {theta};
        Estimator primal = Estimators.primal().withParallelism(1);
        List<Estimator> single = estimators.stream().map(e -> e.withParallelism(1)).toList();
        primal.estimate(shower, point, Math.max(2, events / 5), -1);
        for (Estimator e : single) {
            e.estimate(shower, point, Math.max(2, events / 5), -1);
        }
        double[][] ratios = new double[single.size()][rounds];
        double[][] primalMicros = new double[single.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < single.size(); k++) {
                long before = primal.estimate(shower, point, events, r).nanos();
                long t = single.get(k).estimate(shower, point, events, r).nanos();
                long after = primal.estimate(shower, point, events, r).nanos();
                ratios[k][r] = 2.0 * t / (before + after);
                primalMicros[k][r] = (before + after) / 2e3 / events;
                onTimed.run();
            }
        }
        List<Cost> out = new ArrayList<>();
        for (int k = 0; k < single.size(); k++) {
            out.add(new Cost(single.get(k).name(), median(ratios[k]), ratios[k], median(primalMicros[k])));
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
