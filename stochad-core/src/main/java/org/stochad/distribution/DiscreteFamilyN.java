package org.stochad.distribution;

/**
 * A family of discrete distributions on consecutive integers with several parameters θ₀ … θₙ₋₁ —
 * the multi-parameter counterpart of {@link DiscreteFamily}, differentiated in all of its
 * parameters at once.
 *
 * <p>Give the pmf, the CDF and the CDF's gradient ∇θF(x; θ); the sampler draws by inversion and,
 * along a tangent direction with parameter tangents δθ, uses the directional CDF derivative
 * Σ_i ∂θ_i F(x; θ)·δθ_i where a one-parameter family uses ∂θF(x)·δθ: a flip to x + 1 at rate
 * max(0, −Σ_i ∂θ_i F(x)·δθ_i) / pmf(x), a flip to x − 1 at rate max(0, Σ_i ∂θ_i F(x − 1)·δθ_i) /
 * pmf(x), and the score Σ_i δθ_i ∂θ_i log pmf(x). Implementations must be immutable and
 * thread-safe; the arrays passed in must not be kept.
 */
public interface DiscreteFamilyN {

    /** @return the family's name, used in error messages */
    String name();

    /** @return the number of parameters n */
    int parameterCount();

    /**
     * @param i a parameter index, 0 &le; i &lt; {@link #parameterCount()}
     * @return the parameter's name, used in error messages
     */
    String parameterName(int i);

    /**
     * Throws when {@code theta} is not a valid parameter vector (the sampler checks its length
     * and that every component is a number before it calls this).
     *
     * @param theta the parameters
     * @throws IllegalArgumentException naming the family, the parameter and its value
     */
    void checkParameters(double[] theta);

    /**
     * @param x     an integer
     * @param theta the parameters
     * @return P(X = x)
     */
    double pmf(int x, double[] theta);

    /**
     * @param x     an integer
     * @param theta the parameters
     * @return P(X &le; x)
     */
    double cdf(int x, double[] theta);

    /**
     * Writes ∂θ_i P(X &le; x) into {@code gradient[i]} for every parameter i.
     *
     * @param x        an integer
     * @param theta    the parameters
     * @param gradient where the gradient goes (length {@link #parameterCount()})
     */
    void cdfGradient(int x, double[] theta, double[] gradient);

    /** @return the smallest value in the support */
    default int lowerBound() {
        return 0;
    }

    /**
     * Writes ∂θ_i E[X] into {@code gradient[i]}: the gradient of the family's mean, what the
     * straight-through estimator passes on as a draw's tangent. The default sums −∇θF(x) over the
     * support until F reaches 1 to rounding; override it with a closed form when there is one.
     *
     * @param theta    the parameters
     * @param gradient where the gradient goes (length {@link #parameterCount()})
     * @throws IllegalStateException if the sum does not settle within 10⁷ terms
     */
    default void meanGradient(double[] theta, double[] gradient) {
        double[] g = new double[gradient.length];
        java.util.Arrays.fill(gradient, 0);
        int x = lowerBound();
        for (int n = 0; n < MeanDerivative.MAX_TERMS; n++, x++) {
            cdfGradient(x, theta, g);
            boolean settled = MeanDerivative.settled(cdf(x, theta), 0, 0);
            for (int i = 0; i < g.length; i++) {
                gradient[i] -= g[i];
                settled &= MeanDerivative.settled(1, g[i], gradient[i]);
            }
            if (settled) {
                return;
            }
        }
        throw new IllegalStateException(name() + ": the gradient of E[X] did not settle within "
                + MeanDerivative.MAX_TERMS + " terms");
    }

    /**
     * Inversion: the smallest x with F(x) &ge; u. The default searches upwards from the lower
     * bound; override it with something faster when the family allows.
     *
     * @param u     a uniform number in (0, 1)
     * @param theta the parameters
     * @return the quantile
     */
    default int quantile(double u, double[] theta) {
        int x = lowerBound();
        while (cdf(x, theta) < u) {
            if (x == Integer.MAX_VALUE) {
                throw new IllegalStateException(name() + ": quantile search did not end");
            }
            x++;
        }
        return x;
    }
}
