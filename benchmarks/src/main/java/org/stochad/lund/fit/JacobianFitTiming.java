package org.stochad.lund.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.lund.LundSettings;

/**
 * Times the re-simulated Lund fit with dh/dθ from the scalar proxy ({@link LundFit.Gradient#SCALAR_PROXY}:
 * per step an RSA-scored half of the histogram events for ĥ and the metric, a plain half for v̂,
 * one scalar estimate) against the cross-fitted Jacobian step ({@link LundFit.Gradient#JACOBIAN}:
 * two plain halves for ĥ and v̂, one Jacobian estimate of the same samples for dh/dθ and the
 * metric), interleaved (the order alternating by seed) on the setting of
 * {@code hadron fit --quick}: pions only at 100 GeV, the default multiplicity and x_E histograms of
 * pseudo-data at the settings' (a, b), {@link LundFit.Options#quick()} (60 Gauss–Newton steps of
 * 1 000 histogram events + 300 hybrid samples), from the standard start (0.72, 0.88) and the far
 * start (0.40, 1.50). Prints each fit's process CPU time and fitted point, then per (gradient,
 * start) the mean fitted point ± its standard error over the seeds, the CPU per fit and per step,
 * and the median CPU ratio Jacobian/scalar.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.stochad.lund.fit.JacobianFitTiming
 * [seeds=4] [threads=1] [pseudo-events=50000] [hybrid|sad|law-score] [steps=60]} (the fitted point is the mean of
 * the last max(15, steps/4) path points)
 */
public final class JacobianFitTiming {

    private JacobianFitTiming() {
    }

    /** @return the process's CPU time so far, ns (every thread, GC and compiler included) */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * @param args seeds (default 4), threads (default 1), pseudo-data events (default 50 000), "hybrid", "sad" or "law-score",
     *             steps (default 60)
     */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int pseudo = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        LundFit.Resimulation estimator = args.length <= 3 ? LundFit.Resimulation.HYBRID
                : LundFit.Resimulation.parse(args[3]);
        LundSettings s = LundSettings.pionsOnly();
        LundFit.Options q = LundFit.Options.quick();
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : q.steps();
        LundFit.Options o = new LundFit.Options(q.baseEvents(), q.histogramEvents(), q.gradientSamples(), steps,
                q.learningRate(), 1, Math.max(q.averageLast(), steps / 4), q.loss(), estimator, q.stepper(), q.seed(),
                threads, false);
        List<FitTarget> targets = PseudoData.targets(s, PseudoData.defaultHistograms(), pseudo,
                o.seed() ^ PseudoData.SEED_OFFSET, threads);
        LundFit.Gradient[] gradients = {LundFit.Gradient.SCALAR_PROXY, LundFit.Gradient.JACOBIAN};
        List<double[]> starts = FitStudy.defaultStarts();
        System.out.printf(Locale.ROOT, "truth (a, b) = (%.4f, %.4f); %d seeds, %d thread(s), %s, pseudo-data %d events;"
                + " per step: %d histogram events + %d samples%n", s.aLund(), s.bLund(), seeds, threads,
                estimator.word(), pseudo, o.histogramEvents(), o.gradientSamples());
        LundFit base = LundFit.of(s, targets, o);
        // warm-up: one short fit of each
        LundFit.Options w = new LundFit.Options(o.baseEvents(), o.histogramEvents(), o.gradientSamples(), 5,
                o.learningRate(), 1, 2, o.loss(), estimator, o.stepper(), o.seed(), threads, false);
        for (LundFit.Gradient g : gradients) {
            LundFit.of(s, targets, w).withGradient(g).fitResimulated(starts.get(0), 999);
        }
        // [gradient][start] → per-seed fitted (a, b) and cpu seconds
        List<List<double[]>> fitted = new ArrayList<>();
        List<List<Double>> cpus = new ArrayList<>();
        for (int i = 0; i < gradients.length * starts.size(); i++) {
            fitted.add(new ArrayList<>());
            cpus.add(new ArrayList<>());
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < seeds; r++) {
            for (int st = 0; st < starts.size(); st++) {
                double[] cpu = new double[gradients.length];
                for (int k = 0; k < gradients.length; k++) {
                    int gi = r % 2 == 0 ? k : gradients.length - 1 - k;
                    long c0 = cpu();
                    FitResult f = base.withGradient(gradients[gi]).fitResimulated(starts.get(st), 1000L + r);
                    long c1 = cpu();
                    cpu[gi] = (c1 - c0) * 1e-9;
                    double[] e = f.estimate(o.averageLast());
                    fitted.get(gi * starts.size() + st).add(e);
                    cpus.get(gi * starts.size() + st).add(cpu[gi]);
                    System.out.printf(Locale.ROOT, "seed %d start (%.2f, %.2f) %-12s: %.2f s cpu, %.2f s wall,"
                            + " fitted (a, b) = (%.4f, %.4f)%n", 1000 + r, starts.get(st)[0], starts.get(st)[1],
                            gradients[gi], cpu[gi], f.seconds(), e[0], e[1]);
                }
                ratios.add(cpu[1] / cpu[0]);
            }
        }
        for (int gi = 0; gi < gradients.length; gi++) {
            for (int st = 0; st < starts.size(); st++) {
                List<double[]> f = fitted.get(gi * starts.size() + st);
                double[] mean = new double[2];
                double[] sd = new double[2];
                for (double[] e : f) {
                    mean[0] += e[0] / f.size();
                    mean[1] += e[1] / f.size();
                }
                for (double[] e : f) {
                    sd[0] += (e[0] - mean[0]) * (e[0] - mean[0]) / Math.max(1, f.size() - 1);
                    sd[1] += (e[1] - mean[1]) * (e[1] - mean[1]) / Math.max(1, f.size() - 1);
                }
                double c = cpus.get(gi * starts.size() + st).stream().mapToDouble(Double::doubleValue).average()
                        .orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "%-12s start (%.2f, %.2f): a = %.4f ± %.4f (sd %.4f), b = %.4f ± %.4f"
                        + " (sd %.4f); cpu %.2f s/fit, %.1f ms/step%n", gradients[gi], starts.get(st)[0],
                        starts.get(st)[1], mean[0], Math.sqrt(sd[0] / f.size()), Math.sqrt(sd[0]), mean[1],
                        Math.sqrt(sd[1] / f.size()), Math.sqrt(sd[1]), c, 1e3 * c / (o.steps() + 1));
            }
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "median cpu ratio jacobian/scalar per fit: %.3f (min %.3f, max %.3f, %d pairs)%n",
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
