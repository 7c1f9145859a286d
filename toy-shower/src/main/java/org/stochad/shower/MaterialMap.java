package org.stochad.shower;

/**
 * The detector material of the toy shower: the probability of an interaction per step at a
 * point, an annulus of inner radius θ and width 10 modulated by a radial and a spiral pattern,
 * p(x, y; θ) = 0.5 · σ(10(r − θ)) · σ(−10(r − θ − 10)) · σ(−10 sin(10(α + 2r))) · σ(−10 cos(10(r − 2)))
 * with r = √(x² + y²), α = atan2(x, y) and σ the logistic function.
 */
public final class MaterialMap {

    private static final double SHARPNESS = 10;
    private static final double WIDTH = 10;

    private MaterialMap() {
    }

    /**
     * @param x     the point's x
     * @param y     the point's y
     * @param theta the inner radius of the material
     * @return the interaction probability per step, in [0, 0.5]
     */
    public static double probability(double x, double y, double theta) {
        double r = Math.sqrt(x * x + y * y);
        return 0.5 * innerEdge(r, theta) * outerEdge(r, theta) * pattern(x, y, r);
    }

    /**
     * The derivative ∂p/∂θ, which is 10·p·(σ(10(r − θ)) − σ(−10(r − θ − 10))) since only the two
     * edges of the annulus depend on θ.
     *
     * @param x     the point's x
     * @param y     the point's y
     * @param theta the inner radius of the material
     * @return ∂p/∂θ at the point
     */
    public static double thetaDerivative(double x, double y, double theta) {
        double r = Math.sqrt(x * x + y * y);
        double inner = innerEdge(r, theta);
        double outer = outerEdge(r, theta);
        return 0.5 * inner * outer * pattern(x, y, r) * SHARPNESS * (inner - outer);
    }

    /** σ(10(r − θ)): rises at the inner radius. */
    static double innerEdge(double r, double theta) {
        return logistic(SHARPNESS * (r - theta));
    }

    /** σ(−10(r − θ − 10)): falls at the outer radius. */
    static double outerEdge(double r, double theta) {
        return logistic(-SHARPNESS * (r - theta - WIDTH));
    }

    /** The θ-independent spiral and ring pattern σ(−10 sin(10(α + 2r))) · σ(−10 cos(10(r − 2))). */
    static double pattern(double x, double y, double r) {
        return pattern(Math.atan2(x, y), r);
    }

    /** The pattern at angle α = atan2(x, y) and radius r. */
    static double pattern(double alpha, double r) {
        return logistic(-SHARPNESS * Math.sin(10 * (alpha + 2 * r))) * logistic(-SHARPNESS * Math.cos(10 * (r - 2)));
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
