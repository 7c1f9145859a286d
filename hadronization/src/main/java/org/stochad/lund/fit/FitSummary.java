package org.stochad.lund.fit;

import java.util.List;

/**
 * Repeated fits from one start with one method: the fitted (a, b) as mean and standard deviation
 * over the repeats (the statistical uncertainty of one fit), with the average cost.
 *
 * @param method  the method
 * @param start   the start
 * @param mean    mean fitted (a, b)
 * @param sd      standard deviation over the repeats
 * @param events  mean events per fit
 * @param seconds mean wall time per fit
 * @param minNeff smallest N_eff met along the paths (RSA; NaN otherwise)
 * @param fits    the individual fits
 */
public record FitSummary(LundFit.Method method, double[] start, double[] mean, double[] sd, double events,
                         double seconds, double minNeff, List<FitResult> fits) {
}
