package org.stochad.distribution;

import java.util.function.DoubleSupplier;

/**
 * A family of continuous distributions with one or several parameters: the extension point
 * through which users add a continuous draw that is differentiated by implicit
 * reparameterisation.
 *
 * <p>Give the density p(z; θ), the CDF F(z; θ) and the CDF's gradient ∂θF(z; θ); the sampler
 * then draws z (by inversion, or by the family's own {@link #sample} — any method that gives the
 * right distribution) and carries the pathwise derivative dz/dθ = −∂θF(z; θ) / p(z; θ)
 * (Figurnov, Mohamed and Mnih 2018, arXiv:1805.08498). The score-function estimators instead add
 * ∂θ log p(z; θ), which {@link #logDensityGradient} gives; the score is only unbiased when the
 * support does not depend on the parameters. Implementations must be immutable and thread-safe;
 * the arrays passed in must not be kept.
 */
public interface ContinuousFamily {

    /** @return the family's name, used in error messages */
    String name();

    /** @return the number of parameters θ₀ … θₙ₋₁ */
    int parameterCount();

    /**
     * Throws when {@code theta} is not a valid parameter vector (the sampler checks its length
     * and that every component is a number before it calls this).
     *
     * @param theta the parameters
     * @throws IllegalArgumentException naming the family, the parameter and its value
     */
    void checkParameters(double[] theta);

    /**
     * @param theta the parameters
     * @return the lower end of the support (may be −∞)
     */
    double lowerBound(double[] theta);

    /**
     * @param theta the parameters
     * @return the upper end of the support (may be +∞)
     */
    double upperBound(double[] theta);

    /**
     * @param z     a point
     * @param theta the parameters
     * @return p(z; θ)
     */
    double density(double z, double[] theta);

    /**
     * @param z     a point
     * @param theta the parameters
     * @return F(z; θ) = P(Z &le; z)
     */
    double cdf(double z, double[] theta);

    /**
     * Fills ∂F(z; θ)/∂θᵢ for every parameter i.
     *
     * @param z        a point
     * @param theta    the parameters
     * @param gradient receives the gradient, length {@link #parameterCount()}
     */
    void cdfGradient(double z, double[] theta, double[] gradient);

    /**
     * Fills ∂ log p(z; θ)/∂θᵢ for every parameter i: what the score-function estimators add for
     * a draw. The default throws, so a family used only by pathwise estimators need not give it.
     *
     * @param z        a point of the support
     * @param theta    the parameters
     * @param gradient receives the gradient, length {@link #parameterCount()}
     * @throws UnsupportedOperationException when the family does not give it
     */
    default void logDensityGradient(double z, double[] theta, double[] gradient) {
        throw new UnsupportedOperationException(name() + ": no log-density gradient, so the score-function"
                + " estimators cannot differentiate its draws; use stochastic AD");
    }

    /**
     * Inversion: the z with F(z; θ) = u. The default solves by Newton steps safeguarded by
     * bisection, to a relative accuracy of about 1e-15; override it when the family has
     * something faster or more accurate.
     *
     * @param u     a probability in [0, 1]
     * @param theta the parameters
     * @return the quantile
     */
    default double quantile(double u, double[] theta) {
        return ContinuousQuantile.solve(this, u, theta);
    }

    /**
     * Draws one value. The default inverts one uniform number; a family may supply any sampler
     * with the same distribution (rejection included) — the derivative only needs the marginal
     * distribution.
     *
     * @param uniforms independent uniform numbers in (0, 1), as many as the sampler needs
     * @param theta    the parameters
     * @return the draw
     */
    default double sample(DoubleSupplier uniforms, double[] theta) {
        return quantile(uniforms.getAsDouble(), theta);
    }
}
