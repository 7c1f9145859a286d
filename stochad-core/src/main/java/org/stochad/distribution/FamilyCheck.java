package org.stochad.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A self-check of a {@link DiscreteFamily} at one parameter value, for users who write their own:
 * the parameter is accepted, the pmf is a probability and sums to 1, the CDF is the running sum
 * of the pmf, the support is a run of consecutive integers from {@link DiscreteFamily#lowerBound},
 * the quantile inverts the CDF, and the CDF derivative agrees with a finite difference of the CDF
 * — the one mistake no estimator but finite differences notices (a sign error in ∂θF makes
 * stochastic AD and the score function agree on the wrong derivative).
 *
 * <p>Use: {@code FamilyCheck.of(myFamily, 0.3).requireValid();} at a few parameter values in a
 * unit test. The support is walked up to where the CDF reaches 1 − 1e-12, at most
 * {@value #MAX_SUPPORT} values.
 *
 * @param family   the family checked
 * @param theta    the parameter value
 * @param problems what fails, one precise sentence each; empty when the family passed
 */
public record FamilyCheck(DiscreteFamily family, double theta, List<String> problems) {

    /** The most support values walked. */
    public static final int MAX_SUPPORT = 1_000_000;

    private static final double TOLERANCE = 1e-9;
    private static final double DERIVATIVE_TOLERANCE = 1e-5;
    private static final int MAX_REPORTED = 5;

    /**
     * Copies the list.
     *
     * @param family   the family checked
     * @param theta    the parameter value
     * @param problems what fails
     */
    public FamilyCheck {
        problems = List.copyOf(problems);
    }

    /**
     * Runs every check.
     *
     * @param family the family
     * @param theta  a parameter value the family accepts
     * @return the result, listing what fails
     * @throws IllegalArgumentException when family is null
     */
    public static FamilyCheck of(DiscreteFamily family, double theta) {
        if (family == null) {
            throw new IllegalArgumentException("family = null");
        }
        List<String> problems = new ArrayList<>();
        String name = family.name();
        try {
            family.checkParameter(theta);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": checkParameter(" + theta + ") rejects it: " + e.getMessage());
            return new FamilyCheck(family, theta, problems);
        }
        int lo = family.lowerBound();
        if (lo > Integer.MIN_VALUE) {
            expect(problems, family.pmf(lo - 1, theta) == 0, "pmf(%d, %s) = %s below the lower bound %d, not 0",
                    lo - 1, theta, family.pmf(lo - 1, theta), lo);
            expect(problems, family.cdf(lo - 1, theta) == 0, "cdf(%d, %s) = %s below the lower bound %d, not 0",
                    lo - 1, theta, family.cdf(lo - 1, theta), lo);
        }
        double step = 1e-6 * Math.max(1, Math.abs(theta));
        boolean up = inDomain(family, theta + step);
        boolean down = inDomain(family, theta - step);
        double sum = 0;
        int lastPositive = Integer.MIN_VALUE;
        int gap = Integer.MIN_VALUE;
        int x = lo;
        for (int walked = 0; walked < MAX_SUPPORT; walked++, x++) {
            double pmf = family.pmf(x, theta);
            double cdf = family.cdf(x, theta);
            if (!(pmf >= 0 && pmf <= 1)) {
                problems.add(String.format(Locale.ROOT, "%s: pmf(%d, %s) = %s is not a probability", name, x, theta, pmf));
            }
            if (pmf > 0) {
                if (gap != Integer.MIN_VALUE) {
                    problems.add(String.format(Locale.ROOT, "%s: the support is not consecutive: pmf(%d, %s) = 0"
                            + " between outcomes of positive probability (%d and %d)", name, gap, theta,
                            lastPositive, x));
                    gap = Integer.MIN_VALUE;
                }
                lastPositive = x;
            } else if (lastPositive != Integer.MIN_VALUE && gap == Integer.MIN_VALUE) {
                gap = x;
            }
            sum += pmf;
            expect(problems, Math.abs(cdf - sum) <= TOLERANCE, "%s: cdf(%d, %s) = %s but the pmf sums to %s up to %d",
                    name, x, theta, cdf, sum, x);
            if (up || down) {
                double hi = up ? family.cdf(x, theta + step) : cdf;
                double low = down ? family.cdf(x, theta - step) : cdf;
                double fd = (hi - low) / ((up ? step : 0) + (down ? step : 0));
                double d = family.cdfDerivative(x, theta);
                expect(problems, Math.abs(d - fd) <= DERIVATIVE_TOLERANCE * (1 + Math.abs(fd)),
                        "%s: cdfDerivative(%d, %s) = %.6g but a finite difference of the cdf gives %.6g%s", name, x, theta,
                        d, fd, Math.signum(d) == -Math.signum(fd) && fd != 0 ? " (a sign error?)" : "");
            }
            if (cdf >= 1 - 1e-12 || problems.size() >= MAX_REPORTED) {
                break;
            }
        }
        expect(problems, Math.abs(sum - 1) <= 1e-6 || problems.size() >= MAX_REPORTED,
                "%s: the pmf sums to %s, not 1, over %d … %d", name, sum, lo, x);
        for (double u = 0.05; u < 1 && problems.size() < MAX_REPORTED; u += 0.1) {
            int q = family.quantile(u, theta);
            boolean ok = family.cdf(q, theta) >= u && (q == lo || family.cdf(q - 1, theta) < u);
            expect(problems, ok, "%s: quantile(%s, %s) = %d is not the smallest x with cdf(x) ≥ %s", name, u, theta, q, u);
        }
        return new FamilyCheck(family, theta, problems.size() > MAX_REPORTED
                ? problems.subList(0, MAX_REPORTED) : problems);
    }

    /**
     * Checks a multi-parameter family at a parameter vector, one parameter at a time: each check
     * runs {@link #of(DiscreteFamily, double)} on the one-parameter slice that moves θ_i with the
     * other parameters held (its name is the family's with "[name]" appended), so the gradient's
     * every component is compared with a finite difference of the CDF.
     *
     * @param family the family
     * @param theta  a parameter vector the family accepts
     * @return one check per parameter, in order
     * @throws IllegalArgumentException when family is null or theta has the wrong length
     */
    public static List<FamilyCheck> of(DiscreteFamilyN family, double[] theta) {
        if (family == null) {
            throw new IllegalArgumentException("family = null");
        }
        if (theta == null || theta.length != family.parameterCount()) {
            throw new IllegalArgumentException("theta has length " + (theta == null ? "null" : theta.length)
                    + ", expected " + family.parameterCount());
        }
        List<FamilyCheck> checks = new ArrayList<>();
        for (int i = 0; i < theta.length; i++) {
            checks.add(of(new Slice(family, theta.clone(), i), theta[i]));
        }
        return List.copyOf(checks);
    }

    /** A multi-parameter family seen as a family of its parameter i, the others held. */
    private record Slice(DiscreteFamilyN family, double[] theta, int i) implements DiscreteFamily {
        private double[] at(double value) {
            double[] t = theta.clone();
            t[i] = value;
            return t;
        }

        public String name() {
            return family.name() + "[" + family.parameterName(i) + "]";
        }

        public String parameterName() {
            return family.parameterName(i);
        }

        public void checkParameter(double value) {
            family.checkParameters(at(value));
        }

        public double pmf(int x, double value) {
            return family.pmf(x, at(value));
        }

        public double cdf(int x, double value) {
            return family.cdf(x, at(value));
        }

        public double cdfDerivative(int x, double value) {
            double[] g = new double[theta.length];
            family.cdfGradient(x, at(value), g);
            return g[i];
        }

        public int lowerBound() {
            return family.lowerBound();
        }

        public int quantile(double u, double value) {
            return family.quantile(u, at(value));
        }
    }

    private static void expect(List<String> problems, boolean ok, String format, Object... args) {
        if (!ok && problems.size() < MAX_REPORTED) {
            problems.add(String.format(Locale.ROOT, format, args));
        }
    }

    private static boolean inDomain(DiscreteFamily family, double theta) {
        try {
            family.checkParameter(theta);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return whether every check passed */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * @return this check, when it passed
     * @throws IllegalArgumentException listing what fails
     */
    public FamilyCheck requireValid() {
        if (!ok()) {
            throw new IllegalArgumentException(family.name() + " at " + family.parameterName() + " = " + theta
                    + " fails its self-check: " + String.join("; ", problems));
        }
        return this;
    }

    /** @return the problems, or a line saying the family passed */
    @Override
    public String toString() {
        return ok() ? family.name() + " at " + theta + ": ok" : family.name() + " at " + theta + ": "
                + String.join("; ", problems);
    }

    /** @return the problems, unmodifiable */
    @Override
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
