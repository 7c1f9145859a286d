package org.stochad.cli;

import java.util.List;
import java.util.Locale;

/**
 * Whether estimates of one quantity agree: the largest pairwise |difference| in units of the
 * combined standard error √(se₁² + se₂²), against a stated tolerance.
 *
 * @param tolerance the largest difference, in combined standard errors, that counts as agreement
 * @param largest   the largest pairwise difference found, in combined standard errors (0 for fewer than two)
 * @param first     the name of one estimate of the most distant pair, or null
 * @param second    the name of the other, or null
 * @param count     the number of estimates compared
 */
public record Agreement(double tolerance, double largest, String first, String second, int count) {

    /** The tolerance the demo states, in combined standard errors. */
    public static final double DEFAULT_TOLERANCE = 3;

    /**
     * One estimate.
     *
     * @param name          what produced it
     * @param mean          the estimate
     * @param standardError its standard error, &ge; 0
     */
    public record Estimate(String name, double mean, double standardError) {
    }

    /**
     * @param estimates the estimates of one quantity
     * @param tolerance the tolerance, in combined standard errors, &gt; 0
     * @return the comparison of every pair
     */
    public static Agreement of(List<Estimate> estimates, double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " is not a finite number > 0");
        }
        double largest = 0;
        String a = null;
        String b = null;
        for (int i = 0; i < estimates.size(); i++) {
            for (int j = i + 1; j < estimates.size(); j++) {
                Estimate x = estimates.get(i);
                Estimate y = estimates.get(j);
                double se = Math.hypot(x.standardError(), y.standardError());
                double diff = Math.abs(x.mean() - y.mean());
                double z = se > 0 ? diff / se : diff == 0 ? 0 : Double.POSITIVE_INFINITY;
                if (Double.isNaN(z)) {
                    z = Double.POSITIVE_INFINITY;
                }
                if (a == null || z > largest) {
                    largest = z;
                    a = x.name();
                    b = y.name();
                }
            }
        }
        return new Agreement(tolerance, largest, a, b, estimates.size());
    }

    /** @return whether every pair differs by at most the tolerance */
    public boolean agree() {
        return largest <= tolerance;
    }

    /** @return one sentence stating the result and the numbers behind it */
    public String statement() {
        if (count < 2) {
            return "only one estimate: nothing to compare";
        }
        String pair = String.format(Locale.ROOT, "largest pairwise |difference| %.2f combined s.e., %s vs %s",
                largest, first, second);
        String rule = java.math.BigDecimal.valueOf(tolerance).stripTrailingZeros().toPlainString();
        return agree()
                ? "the " + count + " estimators agree: every pair differs by at most " + rule
                        + " combined standard errors √(se₁² + se₂²) (" + pair + ")"
                : "the estimators do NOT all agree within " + rule + " combined standard errors √(se₁² + se₂²) ("
                        + pair + ")";
    }
}
