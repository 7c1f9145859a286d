package org.stochad.lund.fit;

import java.util.List;

/**
 * Repeated fits from one start with one method: the fitted (a, b) as the mean over the repeats,
 * the spread over the repeats (simulation and optimiser noise of one fit, the data held fixed),
 * the data's statistical share from the loss curvature, and the average cost.
 *
 * @param method  the method
 * @param start   the start
 * @param mean    mean fitted (a, b)
 * @param sd      standard deviation over the repeats
 * @param dataSd  standard deviation of the fitted (a, b) due to the data's errors (χ² loss; NaN otherwise)
 * @param events  mean events per fit
 * @param seconds mean wall time per fit
 * @param minNeff smallest N_eff met along the paths (RSA; NaN otherwise)
 * @param fits    the individual fits
 */
public record FitSummary(LundFit.Method method, double[] start, double[] mean, double[] sd, double[] dataSd,
                         double events, double seconds, double minNeff, List<FitResult> fits) {

    /**
     * The statistical uncertainty of {@link #mean()}: the repeats' spread of the mean, sd/√repeats,
     * combined in quadrature with the data's share (which averaging over repeats does not reduce;
     * left out when unknown).
     *
     * @return per parameter the uncertainty
     */
    public double[] uncertainty() {
        double[] u = new double[mean.length];
        for (int j = 0; j < u.length; j++) {
            double rep = fits.size() > 1 ? sd[j] * sd[j] / fits.size() : Double.NaN;
            double data = Double.isNaN(dataSd[j]) ? 0 : dataSd[j] * dataSd[j];
            u[j] = Math.sqrt(rep + data);
        }
        return u;
    }

    /**
     * @param truth the true (a, b), or null
     * @return per parameter (mean − truth)/{@link #uncertainty()}; NaN without a truth
     */
    public double[] pull(double[] truth) {
        double[] u = uncertainty();
        double[] p = new double[mean.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = truth == null ? Double.NaN : (mean[j] - truth[j]) / u[j];
        }
        return p;
    }
}
