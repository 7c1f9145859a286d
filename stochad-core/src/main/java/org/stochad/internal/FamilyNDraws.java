package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The shared arithmetic of multi-parameter discrete draws: the directional CDF derivative
 * Σᵢ ∂θᵢF(x; θ)·δθᵢ along each tangent direction, which plays the part of δθ·∂θF(x) of a
 * one-parameter family in every draw rule (DESIGN §2's general weight rule).
 */
final class FamilyNDraws {

    private FamilyNDraws() {
    }

    /**
     * @param family the family
     * @param params the parameters as triples
     * @param theta  their values
     * @param x      an outcome
     * @param k      the tangent directions
     * @return Σᵢ ∂θᵢF(x)·δθᵢ(j) for j &lt; k; zeros below the lower bound
     */
    static double[] directional(DiscreteFamilyN family, StochasticTriple[] params, double[] theta, int x, int k) {
        double[] out = new double[k];
        if (x < family.lowerBound() || k == 0) {
            return out;
        }
        double[] g = new double[theta.length];
        family.cdfGradient(x, theta, g);
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < g.length; i++) {
                double d = params[i].delta(j);
                s += d == 0 ? 0 : g[i] * d;
            }
            out[j] = s;
        }
        return out;
    }

    /**
     * @param params triples
     * @return the most tangent directions any of them carries
     */
    static int directions(StochasticTriple[] params) {
        int k = 0;
        for (StochasticTriple p : params) {
            k = Math.max(k, p.directions());
        }
        return k;
    }
}
