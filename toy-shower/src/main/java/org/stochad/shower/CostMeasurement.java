package org.stochad.shower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
        if (events < 1) {
            throw new IllegalArgumentException("events = " + events + " is less than 1");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds = " + rounds + " is less than 1");
        }
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
            }
        }
        List<Cost> out = new ArrayList<>();
        for (int k = 0; k < single.size(); k++) {
            out.add(new Cost(single.get(k).name(), median(ratios[k]), ratios[k], median(primalMicros[k])));
        }
        return out;
    }

    /**
     * @param costs measured costs
     * @return an aligned text table
     */
    public static String toTable(List<Cost> costs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %14s %16s%n", "estimator",
                "cost / primal", "primal µs/event"));
        for (Cost c : costs) {
            sb.append(String.format(Locale.ROOT, "%-34s %14.2f %16.1f%n", c.estimator(), c.medianRatio(),
                    c.primalMicros()));
        }
        return sb.toString();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
