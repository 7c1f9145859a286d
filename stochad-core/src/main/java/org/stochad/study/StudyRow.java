package org.stochad.study;

/**
 * One estimator at one parameter point, one gradient component, in a {@link VarianceStudy}.
 *
 * @param estimator              the estimator's name
 * @param theta                  the parameter point
 * @param component              the gradient component
 * @param mean                   the estimate
 * @param standardError          its standard error
 * @param sdPerSample            the standard deviation of one sample's estimate
 * @param nanosPerSample         the wall time per sample
 * @param costRelativeToPrimal   time per sample over the primal run's time per sample
 * @param workNormalisedVariance per-sample variance × relative cost (variance per primal-run budget)
 */
public record StudyRow(String estimator, double[] theta, int component, double mean, double standardError,
                       double sdPerSample, double nanosPerSample, double costRelativeToPrimal,
                       double workNormalisedVariance) {

    /**
     * Copies theta.
     * @param estimator              the estimator's name
     * @param theta                  the parameter point
     * @param component              the gradient component
     * @param mean                   the estimate
     * @param standardError          its standard error
     * @param sdPerSample            the standard deviation of one sample's estimate
     * @param nanosPerSample         the wall time per sample
     * @param costRelativeToPrimal   time per sample over the primal run's time per sample
     * @param workNormalisedVariance per-sample variance × relative cost (variance per primal-run budget)
     */
    public StudyRow {
        theta = theta.clone();
    }

    /** @return a copy of theta */
    @Override
    public double[] theta() {
        return theta.clone();
    }
}
