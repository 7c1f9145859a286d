package org.stochad.lund.fit;

import java.util.List;

/**
 * The results of a fit study: per (method, start) the fitted (a, b) with its spread over repeated
 * fits, cost and effective sample size, and the trajectories.
 *
 * @param truth     the true (a, b) of pseudo-data, or null
 * @param settings  the generator settings of the fits (everything but (a, b))
 * @param options   the fit settings
 * @param targets   the histograms and data fitted
 * @param summaries one per (method, start)
 */
public record FitReport(double[] truth, org.stochad.lund.LundSettings settings, LundFit.Options options,
                        List<FitTarget> targets, List<FitSummary> summaries) {
}
