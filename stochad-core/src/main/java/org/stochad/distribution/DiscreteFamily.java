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
