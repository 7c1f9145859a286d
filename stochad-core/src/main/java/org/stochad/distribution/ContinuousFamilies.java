package org.stochad.distribution;

import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.InverseErfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.GammaDistribution;

/** Built-in continuous families, each written against the {@link ContinuousFamily} extension point. */
public final class ContinuousFamilies {

    private static final ContinuousFamily GAMMA = new Gamma();
    private static final ContinuousFamily BETA_ONE = new BetaOne();
    private static final ContinuousFamily EXPONENTIAL = new Exponential();
    private static final ContinuousFamily TRUNCATED_EXPONENTIAL = new TruncatedExponential();
    private static final ContinuousFamily UNIFORM = new Uniform();

    private ContinuousFamilies() {
    }

    /**
     * Gamma(shape a, scale 1), parameterised by a &gt; 0. Drawn by its own sampler (Marsaglia and
     * Tsang 2000, with Stuart's boost u^(1/a) for a &lt; 1), not by inversion. ∂aF is the
     * series P(a, z) = e^(−z) Σₙ z^(a+n)/Γ(a+n+1) differentiated term by term,
     * ∂aP = e^(−z) Σₙ z^(a+n)/Γ(a+n+1)·(ln z − ψ(a+n+1)).
     *
     * @return the family
     */
    public static ContinuousFamily gamma() {
        return GAMMA;
    }

    /** @return Beta(θ, 1) on [0, 1], F(z) = z^θ, parameterised by θ &gt; 0 */
    public static ContinuousFamily betaOne() {
        return BETA_ONE;
    }

    /** @return Exponential(rate λ) on [0, ∞), parameterised by λ &gt; 0 */
    public static ContinuousFamily exponential() {
        return EXPONENTIAL;
    }

    /**
     * @return Exponential(rate λ) truncated to [0, L], parameterised by (λ, L), both &gt; 0; its
     *         support depends on L, so only its λ-dependence is open to the score function
     */
    public static ContinuousFamily truncatedExponential() {
        return TRUNCATED_EXPONENTIAL;
    }

    /**
     * @return Uniform(lo, hi), parameterised by (lo, hi), lo &lt; hi; its support moves with both
     *         parameters, so it is pathwise-only (typically a random threshold for
     *         {@code Sampler.below})
     */
    public static ContinuousFamily uniform() {
        return UNIFORM;
    }

    private static void positive(String family, String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(family + ": " + name + " = " + v + " is not a finite number > 0");
        }
    }

    private record Gamma() implements ContinuousFamily {
        private static final int MAX_TERMS = 100_000;

        public String name() {
            return "gamma";
        }

        public int parameterCount() {
            return 1;
        }

        public void checkParameters(double[] theta) {
            positive(name(), "shape", theta[0]);
        }

        public double lowerBound(double[] theta) {
            return 0;
        }

        public double upperBound(double[] theta) {
            return Double.POSITIVE_INFINITY;
        }

        public double density(double z, double[] theta) {
            return GammaDistribution.of(theta[0], 1).density(z);
        }

        public double cdf(double z, double[] theta) {
            return GammaDistribution.of(theta[0], 1).cumulativeProbability(z);
        }

        public void cdfGradient(double z, double[] theta, double[] gradient) {
            double a = theta[0];
            if (!(z > 0) || Double.isInfinite(z)) {
                gradient[0] = 0;
                return;
            }
            double lnz = Math.log(z);
            double term = Math.exp(a * lnz - z - LogGamma.value(a + 1));
            double psi = Digamma.value(a + 1);
            double sum = 0;
            for (int n = 0; n < MAX_TERMS; n++) {
                double add = term * (lnz - psi);
                sum += add;
                if (n > z && Math.abs(add) <= 1e-17 * Math.abs(sum) && term <= 1e-17) {
                    break;
                }
                psi += 1 / (a + n + 1);
                term *= z / (a + n + 1);
            }
            gradient[0] = sum;
        }

        public void logDensityGradient(double z, double[] theta, double[] gradient) {
            gradient[0] = Math.log(z) - Digamma.value(theta[0]);
        }

        public double quantile(double u, double[] theta) {
            return GammaDistribution.of(theta[0], 1).inverseCumulativeProbability(u);
        }

        public double sample(DoubleSupplier uniforms, double[] theta) {
            double a = theta[0];
            double boost = 1;
            if (a < 1) {
                boost = Math.pow(uniforms.getAsDouble(), 1 / a);
                a += 1;
            }
            double d = a - 1.0 / 3;
            double c = 1 / Math.sqrt(9 * d);
            while (true) {
                double x = -Math.sqrt(2) * InverseErfc.value(2 * uniforms.getAsDouble());
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = uniforms.getAsDouble();
                if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                    return d * v * boost;
                }
            }
        }
    }

    private record BetaOne() implements ContinuousFamily {
        public String name() {
            return "betaOne";
        }

        public int parameterCount() {
            return 1;
        }

        public void checkParameters(double[] theta) {
            positive(name(), "theta", theta[0]);
        }

        public double lowerBound(double[] theta) {
            return 0;
        }

        public double upperBound(double[] theta) {
            return 1;
        }

        public double density(double z, double[] theta) {
            return z < 0 || z > 1 ? 0 : theta[0] * Math.pow(z, theta[0] - 1);
        }

        public double cdf(double z, double[] theta) {
            return z <= 0 ? 0 : z >= 1 ? 1 : Math.pow(z, theta[0]);
        }

        public void cdfGradient(double z, double[] theta, double[] gradient) {
            gradient[0] = z <= 0 || z >= 1 ? 0 : Math.pow(z, theta[0]) * Math.log(z);
        }

        public void logDensityGradient(double z, double[] theta, double[] gradient) {
            gradient[0] = 1 / theta[0] + Math.log(z);
        }

        public double quantile(double u, double[] theta) {
            return Math.pow(u, 1 / theta[0]);
        }
    }

    private record Exponential() implements ContinuousFamily {
        public String name() {
            return "exponential";
        }

        public int parameterCount() {
            return 1;
        }

        public void checkParameters(double[] theta) {
            positive(name(), "rate", theta[0]);
        }

        public double lowerBound(double[] theta) {
            return 0;
        }

        public double upperBound(double[] theta) {
            return Double.POSITIVE_INFINITY;
        }

        public double density(double z, double[] theta) {
            return z < 0 ? 0 : theta[0] * Math.exp(-theta[0] * z);
        }

        public double cdf(double z, double[] theta) {
            return z <= 0 ? 0 : -Math.expm1(-theta[0] * z);
        }

        public void cdfGradient(double z, double[] theta, double[] gradient) {
            gradient[0] = z <= 0 ? 0 : z * Math.exp(-theta[0] * z);
        }

        public void logDensityGradient(double z, double[] theta, double[] gradient) {
            gradient[0] = 1 / theta[0] - z;
        }

        public double quantile(double u, double[] theta) {
            return -Math.log1p(-u) / theta[0];
        }
    }

    private record TruncatedExponential() implements ContinuousFamily {
        public String name() {
            return "truncatedExponential";
        }

        public int parameterCount() {
            return 2;
        }

        public void checkParameters(double[] theta) {
            positive(name(), "rate", theta[0]);
            positive(name(), "upper", theta[1]);
        }

        public double lowerBound(double[] theta) {
            return 0;
        }

        public double upperBound(double[] theta) {
            return theta[1];
        }

        /** 1 − e^(−λL), the mass the truncation keeps. */
        private static double kept(double[] theta) {
            return -Math.expm1(-theta[0] * theta[1]);
        }

        public double density(double z, double[] theta) {
            return z < 0 || z > theta[1] ? 0 : theta[0] * Math.exp(-theta[0] * z) / kept(theta);
        }

        public double cdf(double z, double[] theta) {
            return z <= 0 ? 0 : z >= theta[1] ? 1 : -Math.expm1(-theta[0] * z) / kept(theta);
        }

        public void cdfGradient(double z, double[] theta, double[] gradient) {
            double l = theta[0];
            double upper = theta[1];
            if (z <= 0 || z >= upper) {
                gradient[0] = 0;
                gradient[1] = 0;
                return;
            }
            double d = kept(theta);
            double num = -Math.expm1(-l * z);
            double tail = Math.exp(-l * upper);
            gradient[0] = (z * Math.exp(-l * z) * d - num * upper * tail) / (d * d);
            gradient[1] = -num * l * tail / (d * d);
        }

        public void logDensityGradient(double z, double[] theta, double[] gradient) {
            double l = theta[0];
            double upper = theta[1];
            double d = kept(theta);
            double tail = Math.exp(-l * upper);
            gradient[0] = 1 / l - z - upper * tail / d;
            gradient[1] = -l * tail / d;
        }

        public double quantile(double u, double[] theta) {
            return Math.min(theta[1], -Math.log1p(-u * kept(theta)) / theta[0]);
        }
    }

    private record Uniform() implements ContinuousFamily {
        public String name() {
            return "uniform";
        }

        public int parameterCount() {
            return 2;
        }

        public void checkParameters(double[] theta) {
            if (!(theta[0] < theta[1]) || Double.isInfinite(theta[0]) || Double.isInfinite(theta[1])) {
                throw new IllegalArgumentException("uniform: lo = " + theta[0] + ", hi = " + theta[1]
                        + " are not finite with lo < hi");
            }
        }

        public double lowerBound(double[] theta) {
            return theta[0];
        }

        public double upperBound(double[] theta) {
            return theta[1];
        }

        public double density(double z, double[] theta) {
            return z < theta[0] || z > theta[1] ? 0 : 1 / (theta[1] - theta[0]);
        }

        public double cdf(double z, double[] theta) {
            return z <= theta[0] ? 0 : z >= theta[1] ? 1 : (z - theta[0]) / (theta[1] - theta[0]);
        }

        public void cdfGradient(double z, double[] theta, double[] gradient) {
            if (z <= theta[0] || z >= theta[1]) {
                gradient[0] = 0;
                gradient[1] = 0;
                return;
            }
            double w = theta[1] - theta[0];
            gradient[0] = (z - theta[1]) / (w * w);
            gradient[1] = -(z - theta[0]) / (w * w);
        }

        public double quantile(double u, double[] theta) {
            return theta[0] + u * (theta[1] - theta[0]);
        }
    }
}
