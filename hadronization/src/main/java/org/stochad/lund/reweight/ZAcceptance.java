package org.stochad.lund.reweight;

import org.stochad.StochasticTriple;
import org.stochad.lund.LundZ;

/**
 * The log of the z acceptance probability α = f(z)/(f(zMax)·H·fPrel) and its gradient in (a, b),
 * in plain doubles for fast reweighting. By the envelope theorem the maximum's movement drops out
 * where zMax is the exact maximiser; where the generator's zMax is an approximation (the a ≈ 1
 * and large b·mT² branches) the remaining term is added from the zMax tangent, so the gradient
 * is that of exactly the α the generator uses.
 */
public final class ZAcceptance {

    private static final double EXP_MAX = 50;
    private static final double A_MIN_TERM = 0.02;

    private ZAcceptance() {
    }

    /**
     * @param z       the proposal in (0, 1)
     * @param a       Lund a
     * @param b       Lund b
     * @param mT2     mT² (GeV²)
     * @param scale   H·fPrel, the denominator beyond f(zMax)
     * @param grad    receives {∂ ln α/∂a, ∂ ln α/∂b} (length ≥ 2), or null
     * @return ln α (α clipped at 1 as in the generator; the gradient is then 0)
     */
    public static double logAlpha(double z, double a, double b, double mT2, double scale, double[] grad) {
        if (!(z > 0 && z < 1)) {
            throw new IllegalArgumentException("z = " + z + " is outside (0, 1)");
        }
        double bm = b * mT2;
        double zm = LundZ.zMax(a, bm);
        boolean aTerm = a >= A_MIN_TERM;
        double lnf = bm * (1 / zm - 1 / z) + Math.log(zm / z);
        if (aTerm) {
            lnf += a * Math.log((1 - z) / (1 - zm));
        }
        double clipped = Math.max(-EXP_MAX, Math.min(EXP_MAX, lnf));
        double logAlpha = clipped - Math.log(scale);
        if (grad != null) {
            if (logAlpha > 0 || clipped != lnf) {
                grad[0] = 0;
                grad[1] = 0;
            } else {
                double da = aTerm ? Math.log((1 - z) / (1 - zm)) : 0;
                double dbm = 1 / zm - 1 / z;
                // − ∂z ln f(zm)·dzm: zero when zm is the exact maximiser
                double slope = bm / (zm * zm) - 1 / zm - (aTerm ? a / (1 - zm) : 0);
                if (Math.abs(slope) > 1e-7 * (1 + Math.abs(bm) / (zm * zm))) {
                    StochasticTriple t = LundZ.zMax(StochasticTriple.of(a, 1, 0), StochasticTriple.of(bm, 0, 1));
                    da -= slope * t.delta(0);
                    dbm -= slope * t.delta(1);
                }
                grad[0] = da;
                grad[1] = dbm * mT2;
            }
        }
        return Math.min(0, logAlpha);
    }
}
