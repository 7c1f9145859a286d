package org.stochad.lund.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.EventRunner;
import org.stochad.lund.LundSettings;
import org.stochad.lund.reweight.RsaWeights;

/**
 * A fixed sample of events generated at a base point, reweighted (RSA) to any (a, b) with σ and ρ
 * kept: self-normalised weighted histograms, their variances, their (a, b)-derivatives, a loss
 * against the targets' data with its exact gradient, and the effective sample size.
 */
public final class ReweightedSample {

    /**
     * The sample at one (a, b).
     *
     * @param loss                the loss summed over targets
     * @param gradient            ∂loss/∂(a, b) (the simulated variances held fixed)
     * @param effectiveSampleSize (Σw)²/Σw²
     * @param histograms          per target the weighted per-event densities
     * @param variances           per target the variances of those densities
     * @param jacobians           per target ∂h_k/∂(a, b) as rows {∂a, ∂b} per bin
     */
    public record Evaluation(double loss, double[] gradient, double effectiveSampleSize, List<double[]> histograms,
                             List<double[]> variances, List<double[][]> jacobians) {
    }

    private final RsaWeights weights;
    private final List<FitTarget> targets;
    private final List<Event> events;
    private final int[][][] entries;
    private final int threads;

    private ReweightedSample(RsaWeights weights, List<FitTarget> targets, List<Event> events, int threads) {
        this.weights = weights;
        this.targets = List.copyOf(targets);
        this.events = List.copyOf(events);
        this.threads = threads;
        this.entries = new int[targets.size()][events.size()][];
        for (int t = 0; t < targets.size(); t++) {
            for (int i = 0; i < events.size(); i++) {
                entries[t][i] = targets.get(t).spec().entries(events.get(i));
            }
        }
    }

    /**
     * @param base    the settings the sample is generated at
     * @param targets histograms and data
     * @param n       events
     * @param seed    seed
     * @param threads worker threads
     * @return the sample
     */
    public static ReweightedSample generate(LundSettings base, List<FitTarget> targets, int n, long seed,
                                            int threads) {
        if (n < 2 || threads < 1) {
            throw new IllegalArgumentException("events = " + n + ", threads = " + threads);
        }
        List<Event> events = new ArrayList<>(n);
        new EventGenerator(base).generate(seed, n, threads, events::add);
        return new ReweightedSample(RsaWeights.of(base), targets, events, threads);
    }

    /** @return the number of events */
    public int size() {
        return events.size();
    }

    /**
     * @param a    a′
     * @param b    b′
     * @param loss the loss
     * @return the reweighted histograms, loss, gradient and N_eff at (a′, b′)
     */
    public Evaluation evaluate(double a, double b, HistogramLoss loss) {
        int n = events.size();
        double[] lw = new double[n];
        double[][] g = new double[n][2];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i ->
                    lw[i] = weights.logWeightAB(events.get(i).history(), a, b, g[i]))).join();
        } finally {
            pool.shutdown();
        }
        return evaluate(lw, g, entries, targets, loss);
    }

    /**
     * A fresh sample at (a, b) evaluated there, with the per-event work — histogram entries, log RSA
     * weight and its (a, b)-gradient — done where {@code runner} runs and only those per-event rows
     * handed back in index order: the same numbers as {@code generate(base, …).evaluate(a, b, loss)}
     * without the events' histories ever reaching this process.
     *
     * @param base    the settings the sample is generated at
     * @param targets histograms and data
     * @param n       events, &ge; 2
     * @param seed    seed
     * @param runner  where the events are generated and their rows computed
     * @param a       a′ of the evaluation (the fits use base's own a)
     * @param b       b′ of the evaluation
     * @param loss    the loss
     * @return the evaluation at (a, b)
     */
    public static Evaluation generateAndEvaluate(LundSettings base, List<FitTarget> targets, int n, long seed,
                                                 EventRunner runner, double a, double b, HistogramLoss loss) {
        if (n < 2 || runner == null) {
            throw new IllegalArgumentException("events = " + n + ", runner = " + runner);
        }
        List<HistogramSpec> specs = targets.stream().map(FitTarget::spec).toList();
        double[] lw = new double[n];
        double[][] g = new double[n][];
        int[][][] entries = new int[targets.size()][n][];
        int[] next = {0};
        runner.generate(base, true, seed, n, settings -> {
            RsaWeights weights = RsaWeights.of(settings);
            return e -> {
                double[] grad = new double[2];
                double logWeight = weights.logWeightAB(e.history(), a, b, grad);
                int[][] en = new int[specs.size()][];
                for (int t = 0; t < en.length; t++) {
                    en[t] = specs.get(t).entries(e);
                }
                return new Row(logWeight, grad, en);
            };
        }, row -> {
            int i = next[0]++;
            lw[i] = row.logWeight();
            g[i] = row.grad();
            for (int t = 0; t < entries.length; t++) {
                entries[t][i] = row.entries()[t];
            }
        });
        return evaluate(lw, g, entries, List.copyOf(targets), loss);
    }

    /**
     * One event's share of an evaluation.
     *
     * @param logWeight its log RSA weight
     * @param grad      the weight's (a, b)-gradient
     * @param entries   per target, its histogram entries
     */
    private record Row(double logWeight, double[] grad, int[][] entries) implements java.io.Serializable {
    }

    private static Evaluation evaluate(double[] lw, double[][] g, int[][][] entries, List<FitTarget> targets,
                                       HistogramLoss loss) {
        int n = lw.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lw) {
            max = Math.max(max, v);
        }
        double[] w = new double[n];
        double sw = 0;
        double sw2 = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(lw[i] - max);
            sw += w[i];
            sw2 += w[i] * w[i];
        }
        double total = 0;
        double[] grad = new double[2];
        List<double[]> hists = new ArrayList<>();
        List<double[]> vars = new ArrayList<>();
        List<double[][]> jacs = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            HistogramSpec spec = targets.get(t).spec();
            int bins = spec.bins();
            double[] h = new double[bins];
            for (int i = 0; i < n; i++) {
                for (int k : entries[t][i]) {
                    h[k] += w[i] / spec.width(k);
                }
            }
            for (int k = 0; k < bins; k++) {
                h[k] /= sw;
            }
            // self-normalised: dh_k = Σ w_i (x_ik − h_k) g_i / Σw; var_k = Σ w_i² (x_ik − h_k)² / (Σw)²
            double[] dha = new double[bins];
            double[] dhb = new double[bins];
            double[] var = new double[bins];
            double[] x = new double[bins];
            for (int i = 0; i < n; i++) {
                for (int k : entries[t][i]) {
                    x[k] += 1 / spec.width(k);
                }
                for (int k = 0; k < bins; k++) {
                    double r = x[k] - h[k];
                    dha[k] += w[i] * r * g[i][0];
                    dhb[k] += w[i] * r * g[i][1];
                    var[k] += w[i] * w[i] * r * r;
                }
                for (int k : entries[t][i]) {
                    x[k] = 0;
                }
            }
            double[] c = new double[bins];
            double[][] jac = new double[bins][];
            for (int k = 0; k < bins; k++) {
                var[k] /= sw * sw;
                jac[k] = new double[] {dha[k] / sw, dhb[k] / sw};
            }
            total += loss.value(h, var, targets.get(t).data(), c);
            for (int k = 0; k < bins; k++) {
                grad[0] += c[k] * dha[k] / sw;
                grad[1] += c[k] * dhb[k] / sw;
            }
            hists.add(h);
            vars.add(var);
            jacs.add(jac);
        }
        return new Evaluation(total, grad, sw * sw / sw2, hists, vars, jacs);
    }
}
