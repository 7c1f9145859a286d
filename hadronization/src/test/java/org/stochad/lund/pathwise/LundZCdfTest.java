package org.stochad.lund.pathwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/** LundZCdf against adaptive quadrature (commons-math3) at points incl. the edges. */
class LundZCdfTest {

    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendreHighPrecision(20, -1, 1);

    /**
     * ∫_lo^hi of h(u)·g(u) du in t with u = 1 − t^8 (removes the (1 − u)^a end point), by
     * recursive bisection of a 20-node high-precision Gauss–Legendre rule (commons-math3) until
     * the halves agree to 1e-16 of the integral's scale.
     */
    static double reference(double lo, double hi, double a, double c, DoubleUnaryOperator h) {
        double tLo = Math.pow(1 - hi, 1.0 / 8);
        double tHi = Math.pow(1 - lo, 1.0 / 8);
        DoubleUnaryOperator f = t -> {
            double u = 1 - Math.pow(t, 8);
            if (!(u > 0) || t <= 0 || u >= 1) {
                return 0;
            }
            double g = Math.exp(8 * a * Math.log(t) - c / u) / u;
            return g == 0 ? 0 : g * h.applyAsDouble(u) * 8 * Math.pow(t, 7);
        };
        double scale = 0;
        int pieces = 64;
        for (int i = 0; i < pieces; i++) {
            scale += Math.abs(gl(f, tLo + (tHi - tLo) * i / pieces, tLo + (tHi - tLo) * (i + 1) / pieces));
        }
        double sum = 0;
        for (int i = 0; i < pieces; i++) {
            sum += adapt(f, tLo + (tHi - tLo) * i / pieces, tLo + (tHi - tLo) * (i + 1) / pieces, scale, 0);
        }
        return sum;
    }

    private static double gl(DoubleUnaryOperator f, double lo, double hi) {
        double s = 0;
        for (int i = 0; i < RULE.getNumberOfPoints(); i++) {
            s += RULE.getWeight(i) * f.applyAsDouble(0.5 * (lo + hi) + 0.5 * (hi - lo) * RULE.getPoint(i));
        }
        return 0.5 * (hi - lo) * s;
    }

    private static double adapt(DoubleUnaryOperator f, double lo, double hi, double scale, int depth) {
        double mid = 0.5 * (lo + hi);
        double whole = gl(f, lo, hi);
        double l = gl(f, lo, mid);
        double r = gl(f, mid, hi);
        if (Math.abs(whole - l - r) <= 2e-15 * scale || depth > 18) {
            return l + r;
        }
        return adapt(f, lo, mid, scale, depth + 1) + adapt(f, mid, hi, scale, depth + 1);
    }

    /**
     * F, ∂aF and ∂cF to 1e-9 relative wherever F &gt; 1e-30, for c = b·m_T² from 1e-5 to 20 (Pythia's
     * b from 0.2 to 2 with m_T² from a soft pion's to 10 GeV², and far beyond) and a from 0 to 2, with
     * the pathwise mode's 12 nodes (normalisation from {@link LundTotals}'s tables) and the standard
     * 24 (quadrature), and the normalisation integrals themselves to 1e-10.
     */
    @Test
    void matchesAdaptiveQuadrature() {
        double[] cs = {1e-5, 1e-3, 0.0039, 0.98 * 0.0195, 0.98 * 0.2436, 1.47, 3.0, 10, 20};
        double[] as = {0, 0.68, 2.0};
        double[] zs = {1e-4, 0.003, 0.05, 0.2, 0.4999, 0.5, 0.5001, 0.7, 0.95, 0.999, 1 - 1e-6};
        LundTotals tables = new LundTotals();
        double worst = 0;
        for (int nodes : new int[] {12, 24}) {
            LundZCdf cdf = new LundZCdf(nodes);
            for (double a : as) {
                for (double c : cs) {
                    double n = reference(0, 1, a, c, u -> 1);
                    double na = reference(0, 1, a, c, u -> Math.log1p(-u));
                    double nc = reference(0, 1, a, c, u -> 1 / u);
                    LundZCdf.Totals t = nodes == 12 ? tables.at(a, c) : cdf.totals(a, c);
                    double et = Math.max(rel(t.norm(), n), Math.max(rel(t.normA(), na), rel(t.normC(), nc)));
                    assertTrue(et < 1e-10, "n=" + nodes + " a=" + a + " c=" + c + ": totals off by " + et);
                    for (double z : zs) {
                        double i0 = reference(0, z, a, c, u -> 1);
                        double ia = reference(0, z, a, c, u -> Math.log1p(-u));
                        double ic = reference(0, z, a, c, u -> 1 / u);
                        double j0 = reference(z, 1, a, c, u -> 1);
                        double ja = reference(z, 1, a, c, u -> Math.log1p(-u));
                        double jc = reference(z, 1, a, c, u -> 1 / u);
                        double nn = i0 + j0;
                        double f = i0 / nn;
                        if (!(f > 1e-30)) {
                            continue;
                        }
                        double dA = (ia * j0 - i0 * ja) / (nn * nn);
                        double dC = (-ic * j0 + i0 * jc) / (nn * nn);
                        LundZCdf.Point pt = cdf.at(z, a, c, t);
                        double e1 = rel(pt.cdf(), f);
                        double e2 = rel(pt.dCdfDa(), dA);
                        double e3 = rel(pt.dCdfDc(), dC);
                        worst = Math.max(worst, Math.max(e1, Math.max(e2, e3)));
                        assertTrue(e1 < 1e-9 && e2 < 1e-9 && e3 < 1e-9, "n=" + nodes + " a=" + a + " c=" + c + " z="
                                + z + ": F " + f + " err " + e1 + ", dA " + dA + " err " + e2 + ", dC " + dC + " err " + e3);
                    }
                }
            }
        }
        System.out.println("LundZCdf worst relative error " + worst);
    }

    @Test
    void densityIntegratesToCdf() {
        LundZCdf cdf = LundZCdf.standard();
        double a = 0.68;
        double c = 0.98 * 0.3;
        double z1 = 0.3;
        double z2 = 0.31;
        double h = (z2 - z1) / 1000;
        double s = 0;
        for (int i = 0; i < 1000; i++) {
            s += cdf.at(z1 + (i + 0.5) * h, a, c).density() * h;
        }
        assertEquals(cdf.at(z2, a, c).cdf() - cdf.at(z1, a, c).cdf(), s, 1e-9);
    }

    private static double rel(double x, double ref) {
        return Math.abs(x - ref) / Math.abs(ref);
    }
}
