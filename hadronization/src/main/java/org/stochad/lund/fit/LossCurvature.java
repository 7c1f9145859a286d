package org.stochad.lund.fit;

import java.util.List;

/**
 * The Gauss–Newton curvature of the χ² histogram loss at one (a, b) and what follows from it: the
 * metric of Gauss–Newton steps and the covariance of the
 * fitted (a, b) caused by the statistical errors of the data.
 *
 * <p>With residuals r_k = h_k(θ) − d_k and weights W_k = 1/(v_k + σ²_k) (v_k the simulated
 * variance the fit uses, σ_k the data error), the fit solves Σ_k W_k r_k J_k = 0, J_k = ∂h_k/∂θ.
 * A fluctuation δd of the data moves the solution by A⁻¹ Σ_k W_k J_k δd_k with A = Σ_k W_k J_k J_kᵀ
 * (the metric), so the data's covariance of the fit is the sandwich A⁻¹ B A⁻¹ with
 * B = Σ_k W_k² σ²_k J_k J_kᵀ.
 *
 * @param metric         A, 2 × 2
 * @param dataCovariance A⁻¹ B A⁻¹, 2 × 2
 */
public record LossCurvature(double[][] metric, double[][] dataCovariance) {

    /**
     * @param at              a reweighted sample evaluated at the point
     * @param targets         the histograms and data (same order as the evaluation's)
     * @param simulatedEvents the number of events behind the simulated histogram the fit's loss
     *                        uses, whose variance enters W (the evaluation's variances are rescaled
     *                        from its own sample size to this)
     * @param sampleEvents    the number of events of the evaluated sample
     * @return the curvature
     */
    public static LossCurvature of(ReweightedSample.Evaluation at, List<FitTarget> targets,
                                   double simulatedEvents, double sampleEvents) {
        if (!(simulatedEvents > 0) || !(sampleEvents > 0)) {
            throw new IllegalArgumentException("simulatedEvents = " + simulatedEvents + ", sampleEvents = "
                    + sampleEvents);
        }
        return of(at.jacobians(), at.variances(), sampleEvents / simulatedEvents, targets);
    }

    /**
     * @param jacobians per histogram, dh_k/d(a, b) of each bin k
     * @param variances per histogram, the variance of each bin's simulated value, before scaling
     * @param scale     the factor that turns those variances into the ones the fit's loss uses
     * @param targets   the histograms and data (same order)
     * @return the curvature
     */
    static LossCurvature of(List<double[][]> jacobians, List<double[]> variances, double scale,
                            List<FitTarget> targets) {
        double[][] a = new double[2][2];
        double[][] b = new double[2][2];
        for (int t = 0; t < targets.size(); t++) {
            double[] err = targets.get(t).data().errors();
            double[] v = variances.get(t);
            double[][] jac = jacobians.get(t);
            for (int k = 0; k < err.length; k++) {
                double dataVar = err[k] * err[k];
                double total = v[k] * scale + dataVar;
                if (!(total > 0)) {
                    continue;
                }
                double w = 1 / total;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        a[i][j] += w * jac[k][i] * jac[k][j];
                        b[i][j] += w * w * dataVar * jac[k][i] * jac[k][j];
                    }
                }
            }
        }
        double[][] ai = inverse(a);
        return new LossCurvature(a, multiply(multiply(ai, b), ai));
    }

    /** @return the standard deviations of the fitted (a, b) from the data's errors */
    public double[] dataSd() {
        return new double[] {Math.sqrt(dataCovariance[0][0]), Math.sqrt(dataCovariance[1][1])};
    }

    private static double[][] inverse(double[][] m) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        if (!(Math.abs(det) > 0)) {
            double nan = Double.NaN;
            return new double[][] {{nan, nan}, {nan, nan}};
        }
        return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        double[][] r = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                r[i][j] = x[i][0] * y[0][j] + x[i][1] * y[1][j];
            }
        }
        return r;
    }
}
