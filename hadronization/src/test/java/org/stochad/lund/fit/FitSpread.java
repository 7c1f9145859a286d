package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: two sets of repeated fits reach the same point within their spread, away from the start. */
final class FitSpread {

    private FitSpread() {
    }

    /**
     * Asserts, per parameter, that the second set's mean moved from the start by more than 5 combined
     * s.e., that the two means agree within 5 combined s.e., and that the s.e. is below 0.06.
     *
     * @param reference the fitted points of the reference fits, one per seed
     * @param other     the fitted points of the fits compared with them, one per seed
     * @param start     the fits' start
     * @param names     what the two sets are, for the messages
     */
    static void assertSamePoint(double[][] reference, double[][] other, double[] start, String... names) {
        double[][][] fitted = {reference, other};
        for (int j = 0; j < start.length; j++) {
            double[] mean = new double[2];
            double[] var = new double[2];
            for (int g = 0; g < 2; g++) {
                int n = fitted[g].length;
                for (double[] f : fitted[g]) {
                    mean[g] += f[j] / n;
                }
                for (double[] f : fitted[g]) {
                    var[g] += (f[j] - mean[g]) * (f[j] - mean[g]) / (n - 1) / n;
                }
            }
            double se = Math.sqrt(var[0] + var[1]);
            assertThat(Math.abs(mean[1] - start[j])).as("parameter %d moved", j).isGreaterThan(5 * se);
            assertThat(Math.abs(mean[1] - mean[0])).as("parameter %d: %s %.4f vs %s %.4f", j, names[1], mean[1],
                    names[0], mean[0]).isLessThanOrEqualTo(5 * se);
            assertThat(se).as("se of parameter %d", j).isLessThan(0.06);
        }
    }
}
