package org.stochad.distribution;

/** The stopping rule shared by the default mean derivatives of the family interfaces. */
final class MeanDerivative {

    /** The most support points a default mean derivative sums. */
    static final int MAX_TERMS = 10_000_000;

    private MeanDerivative() {
    }

    /**
     * @param cdf  F(x) at the last point summed
     * @param term the last term
     * @param sum  the sum so far
     * @return whether the tail beyond x is negligible: F(x) is 1 to rounding and the last term
     *         no longer moves the sum
     */
    static boolean settled(double cdf, double term, double sum) {
        return cdf >= 1 - 1e-15 && Math.abs(term) <= 1e-15 * Math.max(1, Math.abs(sum));
    }
}
