package org.stochad.distribution;

/** The default inversion of a {@link ContinuousFamily}: safeguarded Newton on its CDF. */
final class ContinuousQuantile {

    private static final int MAX_ITERATIONS = 400;

    private ContinuousQuantile() {
    }

    /**
     * @param family the family
     * @param u      the probability
     * @param theta  its parameters
     * @return z with F(z) = u, within the support
     */
    static double solve(ContinuousFamily family, double u, double[] theta) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException(family.name() + ": quantile of u = " + u + " outside [0, 1]");
        }
        double lo = family.lowerBound(theta);
        double hi = family.upperBound(theta);
        if (u == 0) {
            return lo;
        }
        if (u == 1) {
            return hi;
        }
        // a finite bracket [lo, hi] with F(lo) ≤ u ≤ F(hi)
        if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
            double a = Double.isInfinite(lo) ? (Double.isInfinite(hi) ? 0 : hi - 1) : lo;
            double b = Double.isInfinite(hi) ? a + 1 : hi;
            double step = 1;
            while (Double.isInfinite(lo) && family.cdf(a, theta) > u) {
                b = a;
                a -= step;
                step *= 2;
            }
            step = 1;
            while (Double.isInfinite(hi) && family.cdf(b, theta) < u) {
                a = b;
                b += step;
                step *= 2;
            }
            lo = a;
            hi = b;
        }
        double z = 0.5 * (lo + hi);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double f = family.cdf(z, theta) - u;
            if (f == 0) {
                return z;
            }
            if (f < 0) {
                lo = z;
            } else {
                hi = z;
            }
            double p = family.density(z, theta);
            double next = p > 0 ? z - f / p : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(z))) {
                return next;
            }
            z = next;
        }
        return z;
    }
}
