package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistical assertion every estimator test uses: unbiased within 5 se, and se small enough
 * to matter. Exported to other modules' tests by the core's test-jar.
 */
public final class Unbiased {

    /** The largest standard error, relative to |exact|, that still exposes a 2 % bias at 5 se. */
    public static final double RELATIVE_SE = 0.004;

    private Unbiased() {
    }

    /**
     * Asserts |mean − exact| ≤ 5·se and se ≤ 0.004·|exact| for component j.
     *
     * @param g     the estimate
     * @param j     the component
     * @param exact the exact derivative, from an independent source
     * @param label what is being checked
     */
    public static void assertUnbiased(GradientEstimate g, int j, double exact, String label) {
        double mean = g.mean(j);
        double se = g.standardError(j);
        long needed = (long) Math.ceil(g.variance(j) / Math.pow(RELATIVE_SE * exact, 2));
        assertThat(se).as("%s: se = %s exceeds %s·|exact| = %s (mean %s, exact %s, samples %s, need ≥ %s)",
                label, se, RELATIVE_SE, RELATIVE_SE * Math.abs(exact), mean, exact, g.samples(), needed)
                .isLessThanOrEqualTo(RELATIVE_SE * Math.abs(exact));
        assertThat(Math.abs(mean - exact)).as("%s: |mean − exact| = |%s − %s| is more than 5 se = %s",
                label, mean, exact, 5 * se)
                .isLessThanOrEqualTo(5 * se + 1e-12 * Math.abs(exact));
    }

    /**
     * Same as {@link #assertUnbiased(GradientEstimate, int, double, String)} for component 0.
     *
     * @param g     the estimate
     * @param exact the exact derivative, from an independent source
     * @param label what is being checked
     */
    public static void assertUnbiased(GradientEstimate g, double exact, String label) {
        assertUnbiased(g, 0, exact, label);
    }
}
