package org.stochad.distribution;

/**
 * A one-parameter family of discrete distributions on consecutive integers: the extension point
 * through which users add a family to the sampler.
 *
 * <p>Give the pmf, the CDF and the CDF's derivative with respect to the parameter; the sampler
 * then draws by inversion, derives the stochastic-AD weights (the CDF derivative at the cell's
 * boundaries over the cell's mass) and the score ∂θ log pmf = (∂θF(x) − ∂θF(x−1)) / pmf(x).
 * Implementations must be immutable.
 */
public interface DiscreteFamily {

    /** @return the family's name, used in error messages */
    String name();

    /** @return the parameter's name, used in error messages */
    String parameterName();

    /**
     * Throws when {@code theta} is not a valid parameter.
     *
     * @param theta the parameter
     * @throws IllegalArgumentException naming the family, parameter and value
     */
    void checkParameter(double theta);

    /**
     * @param x     an integer
     * @param theta the parameter
     * @return P(X = x)
     */
    double pmf(int x, double theta);

    /**
     * @param x     an integer
     * @param theta the parameter
     * @return P(X &le; x)
     */
    double cdf(int x, double theta);

    /**
     * @param x     an integer
     * @param theta the parameter
     * @return ∂/∂θ P(X &le; x)
     */
    double cdfDerivative(int x, double theta);

    /** @return the smallest value in the support */
    default int lowerBound() {
        return 0;
    }

    /**
     * d/dθ E[X], the derivative of the family's mean: what the straight-through estimator
     * ({@code Estimators.straightThrough()}) passes on as a draw's tangent. The default sums
     * −∂θF(x) over the support, since E[X] = lowerBound + Σ_{x &ge; lowerBound} (1 − F(x)), until
     * F reaches 1 to rounding; override it with a closed form when there is one.
     *
     * @param theta the parameter
     * @return ∂θ E[X]
     * @throws IllegalStateException if the sum does not settle within 10⁷ terms (a mean that is
     *                               infinite or a CDF that never reaches 1)
     */
    default double meanDerivative(double theta) {
        double sum = 0;
        int x = lowerBound();
        for (int n = 0; n < MeanDerivative.MAX_TERMS; n++, x++) {
            double term = cdfDerivative(x, theta);
            sum -= term;
            if (MeanDerivative.settled(cdf(x, theta), term, sum)) {
                return sum;
            }
        }
        throw new IllegalStateException(name() + ": d/d" + parameterName() + " E[X] at " + theta
                + " did not settle within " + MeanDerivative.MAX_TERMS + " terms");
    }

    /**
     * Inversion: the smallest x with F(x) &ge; u. The default searches upwards from the lower
     * bound; override it with something faster when the family allows.
     *
     * @param u     a uniform number in (0, 1)
     * @param theta the parameter
     * @return the quantile
     */
    default int quantile(double u, double theta) {
        int x = lowerBound();
        while (cdf(x, theta) < u) {
            if (x == Integer.MAX_VALUE) {
                throw new IllegalStateException(name() + ": quantile search did not end");
            }
            x++;
        }
        return x;
    }

    /**
     * Shared check for probabilities.
     *
     * @param family the family's name
     * @param name   the parameter's name
     * @param p      the value
     */
    static void checkProbability(String family, String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(family + ": " + name + " = " + p + " is outside [0, 1]");
        }
    }
}
