package org.stochad.lund.reweight;

/**
 * The log of an event's reweighting factor w(θ′; θ) and its gradient in θ′ = (a, b, σ, ρ), split
 * by the kind of decision it comes from.
 *
 * @param value    ln w
 * @param z        ∂ ln w/∂θ′ from the z accept/reject decisions
 * @param flavour  ∂ ln w/∂θ′ from the flavour choices
 * @param pt       ∂ ln w/∂θ′ from the Gaussian pT draws
 * @param finalTwo ∂ ln w/∂θ′ from the finalTwo ordering decisions
 */
public record LogWeight(double value, double[] z, double[] flavour, double[] pt, double[] finalTwo) {

    /**
     * Copies the arrays.
     *
     * @param value ln w
     * @param z ∂ ln w/∂θ′ from the z accept/reject decisions
     * @param flavour ∂ ln w/∂θ′ from the flavour choices
     * @param pt ∂ ln w/∂θ′ from the Gaussian pT draws
     * @param finalTwo ∂ ln w/∂θ′ from the finalTwo ordering decisions
     */
    public LogWeight {
        z = z.clone();
        flavour = flavour.clone();
        pt = pt.clone();
        finalTwo = finalTwo.clone();
    }

    /** @return the weight w = exp(ln w) */
    public double weight() {
        return Math.exp(value);
    }

    /** @return the whole gradient ∂ ln w/∂θ′ (the sum of the four parts) */
    public double[] gradient() {
        double[] g = new double[z.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = z[j] + flavour[j] + pt[j] + finalTwo[j];
        }
        return g;
    }

    /** @return a copy of the z part */
    @Override
    public double[] z() {
        return z.clone();
    }

    /** @return a copy of the flavour part */
    @Override
    public double[] flavour() {
        return flavour.clone();
    }

    /** @return a copy of the pT part */
    @Override
    public double[] pt() {
        return pt.clone();
    }

    /** @return a copy of the finalTwo part */
    @Override
    public double[] finalTwo() {
        return finalTwo.clone();
    }
}
