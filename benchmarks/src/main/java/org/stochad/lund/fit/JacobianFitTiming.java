package org.stochad.lund.fit;

import java.util.List;
import java.util.Locale;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.HadronQuantity;

/**
 * Times the re-simulated Lund fit with dh/dθ from the scalar proxy against the Jacobian estimate,
 * interleaved (scalar, Jacobian, scalar, …) on one configuration — JacobianFitTest's: π only,
 * E_CM = 40 GeV, two histograms, 40 Gauss–Newton steps of 1 000 histogram events + 400 gradient
 * samples. Prints each fit's wall time, the median ratio and the fitted points.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.stochad.lund.fit.JacobianFitTiming [rounds] [hybrid]}
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
     * @param args rounds (default 3), then "hybrid" or "sad" (default hybrid)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean hybrid = args.length <= 1 || args[1].equals("hybrid");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        LundSettings base = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on").with(LundSettings.E_CM, 40.0);
        double[] th = base.theta();
        th[0] = 0.68;
        th[1] = 0.98;
        List<FitTarget> targets = PseudoData.targets(base.withTheta(th), List.of(HistogramSpec.multiplicity(2, 25),
                HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 10)), 8000, 3, 2);
        LundFit.Options o = new LundFit.Options(1000, 1000, 400, 40, 0.02, 1, 10, HistogramLoss.CHI2, hybrid,
                LundFit.Stepper.GAUSS_NEWTON, 1, threads, false);
        LundFit scalar = LundFit.of(base, targets, o).withGradient(LundFit.Gradient.SCALAR_PROXY);
        LundFit jacobian = LundFit.of(base, targets, o).withGradient(LundFit.Gradient.JACOBIAN);
        double[] start = {0.5, 1.3};
        scalar.fitResimulated(start, 99);   // warm-up
        jacobian.fitResimulated(start, 99);
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = cpu();
            FitResult s = scalar.fitResimulated(start, r);
            long c1 = cpu();
            FitResult j = jacobian.fitResimulated(start, r);
            long c2 = cpu();
            ratios[r] = j.seconds() / s.seconds();
            cpuRatios[r] = (c2 - c1) / (double) (c1 - c0);
            double[] ps = s.path()[s.path().length - 1];
            double[] pj = j.path()[j.path().length - 1];
            System.out.printf(Locale.ROOT, "seed %d: scalar %.2f s wall, %.2f s cpu, (a, b) = (%.4f, %.4f); jacobian"
                    + " %.2f s wall, %.2f s cpu, (%.4f, %.4f); ratio wall %.3f, cpu %.3f%n", r, s.seconds(),
                    (c1 - c0) * 1e-9, ps[0], ps[1], j.seconds(), (c2 - c1) * 1e-9, pj[0], pj[1], ratios[r],
                    cpuRatios[r]);
        }
        java.util.Arrays.sort(ratios);
        java.util.Arrays.sort(cpuRatios);
        System.out.printf(Locale.ROOT, "median jacobian/scalar ratio: wall %.3f, process cpu %.3f (%d rounds, %s,"
                + " %d thread(s))%n", ratios[rounds / 2], cpuRatios[rounds / 2], rounds,
                hybrid ? "hybrid" : "stochastic AD", threads);
    }
}
