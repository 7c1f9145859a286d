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

    @Test
    void matchesAdaptiveQuadrature() {
        LundZCdf cdf = LundZCdf.standard();
        double[][] ac = {{0.68, 0.98 * 0.0195}, {0.68, 0.98 * 0.2436}, {0.68, 0.98 * 1.5}, {0.3, 0.05},
            {1.5, 2.0}, {0.0, 0.3}, {0.68, 6.0}};
        double[] zs = {1e-4, 0.003, 0.05, 0.2, 0.4999, 0.5, 0.5001, 0.7, 0.95, 0.999, 1 - 1e-6};
        double worst = 0;
        for (double[] p : ac) {
            double a = p[0];
            double c = p[1];
            double n = reference(0, 1, a, c, u -> 1);
            double na = reference(0, 1, a, c, u -> Math.log1p(-u));
            double nc = reference(0, 1, a, c, u -> 1 / u);
            LundZCdf.Totals t = cdf.totals(a, c);
            worst = Math.max(worst, rel(t.norm(), n));
            worst = Math.max(worst, rel(t.normA(), na));
            worst = Math.max(worst, rel(t.normC(), nc));
            for (double z : zs) {
                double i0 = reference(0, z, a, c, u -> 1);
                double ia = reference(0, z, a, c, u -> Math.log1p(-u));
                double ic = reference(0, z, a, c, u -> 1 / u);
                double j0 = reference(z, 1, a, c, u -> 1);
                double ja = reference(z, 1, a, c, u -> Math.log1p(-u));
                double jc = reference(z, 1, a, c, u -> 1 / u);
                double nn = i0 + j0;
                double f = i0 / nn;
                double dA = (ia * j0 - i0 * ja) / (nn * nn);
                double dC = (-ic * j0 + i0 * jc) / (nn * nn);
                LundZCdf.Point pt = cdf.at(z, a, c, t);
                double e1 = Math.abs(pt.cdf() - f) / Math.max(f, 1e-300);
                // derivative errors relative to the scale of the terms they are made of
                double e2 = Math.abs(pt.dCdfDa() - dA) / Math.max(Math.abs(dA), 1e-300);
                double e3 = Math.abs(pt.dCdfDc() - dC) / Math.max(Math.abs(dC), 1e-300);
                if (f > 1e-60 && 1 - f > 1e-15) {
                    worst = Math.max(worst, Math.max(e1, Math.max(e2, e3)));
                    assertTrue(e1 < 1e-9 && e2 < 1e-9 && e3 < 1e-9, "a=" + a + " c=" + c + " z=" + z + ": F " + f
                            + " err " + e1 + ", dA " + dA + " err " + e2 + ", dC " + dC + " err " + e3);
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
