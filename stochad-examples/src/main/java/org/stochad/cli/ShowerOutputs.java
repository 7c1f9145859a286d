package org.stochad.cli;

import java.util.List;
import java.util.Locale;
import org.stochad.shower.CostMeasurement;
import org.stochad.shower.LossScan;
import org.stochad.shower.ShowerOptimization;

/** The names and the text of the files the {@code stochad shower} commands write. */
final class ShowerOutputs {

    private ShowerOutputs() {
    }

    /**
     * @param kind  scan, study, cost, optimization or display
     * @param label the configuration's label
     * @return the file name without extension, e.g. {@code toy-shower-scan-shower}
     */
    static String base(String kind, String label) {
        return "toy-shower-" + kind + "-" + label;
    }

    /**
     * @param r a loss scan
     * @return its points as CSV: theta, loss, loss_se, depth, depth_se
     */
    static String scanCsv(LossScan.Result r) {
        StringBuilder sb = new StringBuilder("theta,loss,loss_se,depth,depth_se\n");
        for (LossScan.Point p : r.points()) {
            sb.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g,%.6g%n", p.theta(), p.loss(), p.lossSe(),
                    p.depth(), p.depthSe()));
        }
        return sb.toString();
    }

    /**
     * @param r an optimisation
     * @return an aligned text table of its summary numbers
     */
    static String optimizationTable(ShowerOptimization.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s configuration: Adam, %d steps, %d runs per estimator%n", r.label(), r.steps(),
                r.runsPerEstimator()));
        String header = String.format(Locale.ROOT, "%-34s %18s %16s %12s%n", "estimator",
                "last-50 loss (se)", "final θ (sd)", "s per run");
        sb.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (ShowerOptimization.EstimatorRuns e : r.estimators()) {
            sb.append(String.format(Locale.ROOT, "%-34s %9.4f (%6.4f) %8.3f (%5.3f) %12.2f%n", e.estimator(),
                    e.lastFiftyLoss(), e.lastFiftyLossSe(), e.finalTheta(), e.finalThetaSd(), e.secondsPerRun()));
        }
        return sb.toString();
    }

    /**
     * @param r an optimisation
     * @return per estimator and step: mean, 10 % and 90 % quantiles of loss and θ, as CSV
     */
    static String optimizationCsv(ShowerOptimization.Result r) {
        StringBuilder sb = new StringBuilder(
                "estimator,step,loss_mean,loss_q10,loss_q90,theta_mean,theta_q10,theta_q90\n");
        for (ShowerOptimization.EstimatorRuns e : r.estimators()) {
            double[] m = e.meanLoss();
            double[] lo = e.lossQuantile(0.1);
            double[] hi = e.lossQuantile(0.9);
            double[] tm = e.meanTheta();
            double[] tlo = e.thetaQuantile(0.1);
            double[] thi = e.thetaQuantile(0.9);
            for (int t = 0; t < m.length; t++) {
                sb.append(String.format(Locale.ROOT, "\"%s\",%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g%n", e.estimator(), t,
                        m[t], lo[t], hi[t], tm[t], tlo[t], thi[t]));
            }
        }
        return sb.toString();
    }

    /**
     * @param label the configuration's label
     * @param theta the inner radius measured at
     * @param costs measured costs
     * @return an aligned text table
     */
    static String costTable(String label, double theta, List<CostMeasurement.Cost> costs) {
        StringBuilder sb = new StringBuilder(label + " configuration at theta = " + theta + "\n");
        sb.append(String.format(Locale.ROOT, "%-34s %14s %16s%n", "estimator", "cost / primal", "primal µs/event"));
        for (CostMeasurement.Cost c : costs) {
            sb.append(String.format(Locale.ROOT, "%-34s %14.2f %16.1f%n", c.estimator(), c.medianRatio(),
                    c.primalMicros()));
        }
        return sb.toString();
    }
}
