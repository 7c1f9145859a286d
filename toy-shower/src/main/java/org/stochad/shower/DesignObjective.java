package org.stochad.shower;

/**
 * The design objective of the segmented detector: the depth loss (D − target)² of one event plus
 * a material budget λ·B(θ) with B(θ) = (1/K) Σ_k c_k · 2θ_k/W, the material that sector k's
 * annulus (width W = 10) holds beyond an annulus at the beam line, as a fraction of the whole
 * annulus at θ = 0, priced c_k = 1 + a·⟨cos α⟩_k (the mean of cos α over sector k,
 * α = atan2(x, y), so material costs most towards +y; Σ_k c_k / K = 1 for every K).
 *
 * <p>The depth wants every θ_k near the 1-D optimum (≈ 1.14 for the shower); the budget pulls
 * the material inwards, hardest where it is dear, so the optimum is a non-uniform map. With
 * λ = 0 ({@link #depthOnly()}) the objective is today's loss, and on the diagonal θ_k = t it is
 * today's one-parameter problem.
 *
 * @param budgetWeight   λ, finite and &ge; 0
 * @param priceAmplitude a, in [0, 1)
 */
public record DesignObjective(double budgetWeight, double priceAmplitude) implements java.io.Serializable {

    /** The radial width of the material annulus. */
    static final double WIDTH = 10;

    /**
     * Checks the values.
     *
     * @param budgetWeight λ, finite and &ge; 0
     * @param priceAmplitude a, in [0, 1)
     */
    public DesignObjective {
        Checks.nonNegative("budgetWeight", budgetWeight);
        if (!(priceAmplitude >= 0 && priceAmplitude < 1)) {
            throw new IllegalArgumentException("priceAmplitude = " + priceAmplitude + " is not in [0, 1)");
        }
    }

    /** @return the depth loss alone (λ = 0): today's objective */
    public static DesignObjective depthOnly() {
        return new DesignObjective(0, 0);
    }

    /** @return the documented trade-off: λ = 2, a = 0.8 */
    public static DesignObjective defaults() {
        return new DesignObjective(2, 0.8);
    }

    /**
     * @param material the sectors
     * @param k        a sector
     * @return its price c_k = 1 + a·⟨cos α⟩_k, the mean over the sector's angles
     */
    public double price(SegmentedMaterial material, int k) {
        int n = material.segments();
        double width = 2 * Math.PI / n;
        double lo = -Math.PI + width * k;
        return 1 + priceAmplitude * (Math.sin(lo + width) - Math.sin(lo)) / width;
    }

    /**
     * @param material the sectors
     * @param radii    every sector's inner radius
     * @return λ·B(θ)
     */
    public double budget(SegmentedMaterial material, double[] radii) {
        int n = material.segments();
        if (radii == null || radii.length != n) {
            throw new IllegalArgumentException("radii must hold " + n + " inner radii; got "
                    + (radii == null ? "null" : "length " + radii.length));
        }
        double b = 0;
        for (int k = 0; k < n; k++) {
            b += price(material, k) * radii[k];
        }
        return budgetWeight * 2 * b / (WIDTH * n);
    }

    /**
     * @param material the sectors
     * @param k        a sector
     * @return ∂(λ·B)/∂θ_k = 2λ·c_k / (W·K), a constant
     */
    public double budgetDerivative(SegmentedMaterial material, int k) {
        return budgetWeight * 2 * price(material, k) / (WIDTH * material.segments());
    }
}
