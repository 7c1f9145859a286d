package org.stochad.distribution;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/** The built-in discrete families, each written against the {@link DiscreteFamily} extension point. */
public final class DiscreteFamilies {

    private static final DiscreteFamily BERNOULLI = new Bernoulli();
    private static final DiscreteFamily GEOMETRIC = new Geometric();
    private static final DiscreteFamily POISSON = new Poisson();
    private static final DiscreteFamilyN NEGATIVE_BINOMIAL_RP = new NegativeBinomialRP();

    private DiscreteFamilies() {
    }

    /** @return Bernoulli(p) on {0, 1} */
    public static DiscreteFamily bernoulli() {
        return BERNOULLI;
    }

    /**
     * @param n the number of trials
     * @return Binomial(n, p), parameterised by p
     */
    public static DiscreteFamily binomial(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("binomial: n = " + n + " is negative");
        }
        return new Binomial(n);
    }

    /** @return Geometric(p): the number of failures before the first success */
    public static DiscreteFamily geometric() {
        return GEOMETRIC;
    }

    /** @return Poisson(λ) */
    public static DiscreteFamily poisson() {
        return POISSON;
    }

    /**
     * @param r the number of successes, r &gt; 0
     * @return NegativeBinomial(r, p): the number of failures before the r-th success
     */
    public static DiscreteFamily negativeBinomial(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("negativeBinomial: r = " + r + " is not a positive number");
        }
        return new NegativeBinomial(r);
    }

    /**
     * @return NegativeBinomial(r, p) with both parameters free, θ = (r, p): the number of failures
     *         before the r-th success, differentiated in r and p at once
     */
    public static DiscreteFamilyN negativeBinomial() {
        return NEGATIVE_BINOMIAL_RP;
    }

    /**
     * Checks a family at a parameter value: see {@link FamilyCheck}. Call it in a unit test for
     * every family you write.
     *
     * @param family the family
     * @param theta  a parameter value
     * @return what fails, if anything
     */
    public static FamilyCheck check(DiscreteFamily family, double theta) {
        return FamilyCheck.of(family, theta);
    }

    private record Bernoulli() implements DiscreteFamily {
        public String name() {
            return "bernoulli";
        }

        public String parameterName() {
            return "p";
        }

        public void checkParameter(double p) {
            DiscreteFamily.checkProbability(name(), "p", p);
        }

        public double pmf(int x, double p) {
            return x == 0 ? 1 - p : x == 1 ? p : 0;
        }

        public double cdf(int x, double p) {
            return x < 0 ? 0 : x == 0 ? 1 - p : 1;
        }

        public double cdfDerivative(int x, double p) {
            return x == 0 ? -1 : 0;
        }

        public double meanDerivative(double p) {
            return 1;
        }

        public int quantile(double u, double p) {
            return u > 1 - p ? 1 : 0;
        }
    }

    private record Binomial(int n) implements DiscreteFamily {
        public String name() {
            return "binomial";
        }

        public String parameterName() {
            return "p";
        }

        public void checkParameter(double p) {
            DiscreteFamily.checkProbability(name(), "p", p);
        }

        public double pmf(int x, double p) {
            return x < 0 || x > n ? 0 : BinomialDistribution.of(n, p).probability(x);
        }

        public double cdf(int x, double p) {
            return x < 0 ? 0 : x >= n ? 1 : BinomialDistribution.of(n, p).cumulativeProbability(x);
        }

        public double cdfDerivative(int x, double p) {
            // ∂p P(X ≤ x) = −n · P(Y = x) with Y ~ Binomial(n − 1, p)
            return x < 0 || x >= n ? 0 : -n * BinomialDistribution.of(n - 1, p).probability(x);
        }

        public double meanDerivative(double p) {
            return n;
        }

        public int quantile(double u, double p) {
            if (p == 0) {
                return 0;
            }
            if (p == 1) {
                return n;
            }
            double q = 1 - p;
            double term = Math.pow(q, n);
            if (term < 1e-280) {
                return BinomialDistribution.of(n, p).inverseCumulativeProbability(u);
            }
            double sum = term;
            int x = 0;
            double ratio = p / q;
            while (sum < u && x < n) {
                term *= ratio * (n - x) / (x + 1);
                x++;
                sum += term;
            }
            return x;
        }
    }

    private record Geometric() implements DiscreteFamily {
        public String name() {
            return "geometric";
        }

        public String parameterName() {
            return "p";
        }

        public void checkParameter(double p) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("geometric: p = " + p + " is outside (0, 1]");
            }
        }

        public double pmf(int x, double p) {
            return x < 0 ? 0 : p * Math.pow(1 - p, x);
        }

        public double cdf(int x, double p) {
            return x < 0 ? 0 : -Math.expm1((x + 1) * Math.log1p(-p));
        }

        public double cdfDerivative(int x, double p) {
            return x < 0 ? 0 : (x + 1) * Math.pow(1 - p, x);
        }

        public double meanDerivative(double p) {
            return -1 / (p * p);                  // E[X] = (1 − p)/p
        }

        public int quantile(double u, double p) {
            if (p == 1) {
                return 0;
            }
            // smallest x with 1 − (1−p)^(x+1) ≥ u
            double x = Math.ceil(Math.log1p(-u) / Math.log1p(-p) - 1);
            int k = (int) Math.max(0, Math.min(x, Integer.MAX_VALUE - 1));
            while (k > 0 && cdf(k - 1, p) >= u) {
                k--;
            }
            while (cdf(k, p) < u) {
                k++;
            }
            return k;
        }
    }

    private record Poisson() implements DiscreteFamily {
        public String name() {
            return "poisson";
        }

        public String parameterName() {
            return "lambda";
        }

        public void checkParameter(double lambda) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("poisson: lambda = " + lambda + " is not a finite number >= 0");
            }
        }

        public double pmf(int x, double lambda) {
            return x < 0 ? 0 : lambda == 0 ? (x == 0 ? 1 : 0) : PoissonDistribution.of(lambda).probability(x);
        }

        public double cdf(int x, double lambda) {
            return x < 0 ? 0 : lambda == 0 ? 1 : PoissonDistribution.of(lambda).cumulativeProbability(x);
        }

        public double cdfDerivative(int x, double lambda) {
            return -pmf(x, lambda);
        }

        public double meanDerivative(double lambda) {
            return 1;
        }

        public int quantile(double u, double lambda) {
            if (lambda == 0) {
                return 0;
            }
            if (lambda > 600) {
                return PoissonDistribution.of(lambda).inverseCumulativeProbability(u);
            }
            double term = Math.exp(-lambda);
            double sum = term;
            int x = 0;
            while (sum < u) {
                x++;
                term *= lambda / x;
                sum += term;
                if (term == 0 && sum < u) {
                    return PoissonDistribution.of(lambda).inverseCumulativeProbability(u);
                }
            }
            return x;
        }
    }

    private record NegativeBinomial(double r) implements DiscreteFamily {
        public String name() {
            return "negativeBinomial";
        }

        public String parameterName() {
            return "p";
        }

        public void checkParameter(double p) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("negativeBinomial: p = " + p + " is outside (0, 1]");
            }
        }

        public double pmf(int x, double p) {
            if (x < 0) {
                return 0;
            }
            if (p == 1) {
                return x == 0 ? 1 : 0;
            }
            // C(x+r−1, x) p^r (1−p)^x = p^r (1−p)^x / (x · B(r, x)) for x ≥ 1
            double logC = x == 0 ? 0 : -Math.log(x) - LogBeta.value(r, x);
            return Math.exp(logC + r * Math.log(p) + x * Math.log1p(-p));
        }

        public double cdf(int x, double p) {
            if (x < 0) {
                return 0;
            }
            if (r == Math.rint(r) && r < Integer.MAX_VALUE) {
                return PascalDistribution.of((int) r, p).cumulativeProbability(x);
            }
            return org.apache.commons.numbers.gamma.RegularizedBeta.value(p, r, x + 1.0);
        }

        public double cdfDerivative(int x, double p) {
            // F(x) = I_p(r, x+1), so ∂p F(x) = p^(r−1) (1−p)^x / B(r, x+1)
            if (x < 0 || p == 1) {
                return 0;
            }
            return Math.exp((r - 1) * Math.log(p) + x * Math.log1p(-p) - LogBeta.value(r, x + 1.0));
        }

        public double meanDerivative(double p) {
            return -r / (p * p);                  // E[X] = r(1 − p)/p
        }
    }

    /**
     * NegativeBinomial(r, p) in both parameters. ∂p F(x) = p^(r−1) (1−p)^x / B(r, x+1) as for
     * the one-parameter family; ∂r F(x) = Σ_{k≤x} pmf(k) (ψ(k+r) − ψ(r) + log p), summed with
     * ψ(k+r) − ψ(r) = Σ_{i<k} 1/(r+i).
     */
    private record NegativeBinomialRP() implements DiscreteFamilyN {
        public String name() {
            return "negativeBinomial";
        }

        public int parameterCount() {
            return 2;
        }

        public String parameterName(int i) {
            return i == 0 ? "r" : "p";
        }

        public void checkParameters(double[] theta) {
            if (!(theta[0] > 0) || Double.isInfinite(theta[0])) {
                throw new IllegalArgumentException("negativeBinomial: r = " + theta[0] + " is not a positive number");
            }
            if (!(theta[1] > 0 && theta[1] <= 1)) {
                throw new IllegalArgumentException("negativeBinomial: p = " + theta[1] + " is outside (0, 1]");
            }
        }

        public double pmf(int x, double[] theta) {
            return new NegativeBinomial(theta[0]).pmf(x, theta[1]);
        }

        public double cdf(int x, double[] theta) {
            return new NegativeBinomial(theta[0]).cdf(x, theta[1]);
        }

        public void cdfGradient(int x, double[] theta, double[] gradient) {
            double r = theta[0];
            double p = theta[1];
            NegativeBinomial one = new NegativeBinomial(r);
            gradient[1] = one.cdfDerivative(x, p);
            if (x < 0 || p == 1) {
                gradient[0] = 0;
                return;
            }
            double logP = Math.log(p);
            double q = 1 - p;
            double term = Math.exp(r * logP);
            boolean recurse = term > 1e-280;
            double harmonic = 0;
            double sum = 0;
            for (int k = 0; k <= x; k++) {
                if (k > 0) {
                    harmonic += 1 / (r + k - 1);
                    term = recurse ? term * (k + r - 1) / k * q : one.pmf(k, p);
                } else if (!recurse) {
                    term = one.pmf(0, p);
                }
                sum += term * (harmonic + logP);
            }
            gradient[0] = sum;
        }

        public void meanGradient(double[] theta, double[] gradient) {
            double p = theta[1];                  // E[X] = r(1 − p)/p
            gradient[0] = (1 - p) / p;
            gradient[1] = -theta[0] / (p * p);
        }

        public int quantile(double u, double[] theta) {
            double r = theta[0];
            double p = theta[1];
            if (p == 1) {
                return 0;
            }
            double q = 1 - p;
            double term = Math.exp(r * Math.log(p));
            if (term < 1e-280) {
                return DiscreteFamilyN.super.quantile(u, theta);
            }
            double sum = term;
            int x = 0;
            while (sum < u) {
                term *= (x + r) / (x + 1) * q;
                x++;
                sum += term;
                if (term == 0 && sum < u) {
                    return DiscreteFamilyN.super.quantile(u, theta);
                }
            }
            return x;
        }
    }
}
