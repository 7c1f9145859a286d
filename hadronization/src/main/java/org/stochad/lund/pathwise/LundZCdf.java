package org.stochad.lund.pathwise;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The CDF of the normalised Lund function f(z) ∝ (1 − z)^a / z · exp(−c/z) on (0, 1), c = b·mT²,
 * with its density and its derivatives in a and c, by fixed-node Gaussian quadrature in
 * transformed variables — what implicit reparameterisation dz/dθ = −∂θF(z)/p(z) needs.
 *
 * <p>Three integrals share every integrand evaluation: I₀ = ∫ g, I_a = ∫ g·ln(1 − u) and
 * I_c = ∫ g/u with g(u) = (1 − u)^a/u·exp(−c/u), so that with I(z) the integrals over (0, z) and
 * J(z) those over (z, 1), N = I + J:
 * F = I₀/N, p = g(z)/N, ∂aF = (I_a·J₀ − I₀·J_a)/N², ∂cF = (I₀·J_c − I_c·J₀)/N².
 *
 * <p>Pieces, each with the same n Gauss–Legendre nodes: below u = ½ in s = −ln u, where with
 * v = c/u = c·e^s the integrand is (1 − e^−s)^a·exp(−v) — graded geometrically in s towards the
 * branch point of (1 − u)^a at s = 0 while v &lt; 1/8, a break at v = 1, one piece up to v = 8, and
 * the rest, v from max(v, 8) to ∞, by ⌈2n/3⌉-node Gauss–Laguerre in v (the integrand there is e^−v times a
 * function smooth for v &gt; c); above u = ½ in t with 1 − u = ½·t^6 (the (1 − u)^a end point
 * becomes t^(6a+5)), split at t = 0.8 (1/u has a pole at t = 2^(1/6)) and wherever c/u has grown
 * by 0.5, 1.5, 4, 10 or 20 from its value at u = 1 (large c), cut where it has grown by 36.
 * With 12 nodes, F, ∂aF and ∂cF agree with adaptive quadrature to 6e-10 (relative) for c from
 * 1e-3 to 20 and a from 0 to 2 at every z with F above 1e-30, 8e-10 at c = 1e-5 ({@code LundZCdfTest}). The side of z
 * nearer its end is integrated directly, the other side as N minus it, or directly too where that
 * difference would be below 5 % of N.
 * Immutable and thread-safe. Pythia drops the (1 − z)^a factor below a = 0.02 ({@code LundZ});
 * callers pass a = 0 there.
 */
public final class LundZCdf {

    /** Power of the t substitution at u = 1. */
    private static final int POWER = 6;
    /** The fixed break of the high region's t. */
    private static final double HIGH_SPLIT = 0.8;
    /** Growths of c/u from the high region's u = 1 end at which it breaks. */
    private static final double[] HIGH_STEPS = {0.5, 1.5, 4, 10, 20};
    /** Cut of the high region: the integrand has fallen by e^−TAIL. */
    private static final double TAIL = 36;
    /** Below this v = c/u the low region is graded geometrically in s. */
    private static final double V_SMALL = 0.125;
    /** Ratio of s across a graded piece. */
    private static final double GRADE = 3;
    /** The break at v = 1 and the start of the Gauss–Laguerre tail. */
    private static final double V_MID = 1;
    private static final double V_TAIL = 8;
    /** Shortest piece in s and in t: a break closer than this to its neighbour is skipped. */
    private static final double MIN_GAP_S = 0.3;
    private static final double MIN_GAP_T = 0.02;
    /** Room for the break points of one region. */
    private static final int MAX_BREAKS = 12;
    /** Below this share of N a side is integrated directly, not as a difference (which would lose 1/share). */
    private static final double FALLBACK = 0.05;
    private static final double LN2 = Math.log(2);

    private final double[] nodes;
    private final double[] weights;
    private final double[] lagNodes;
    private final double[] lagWeights;
    /** Per node of the two fixed high pieces, t in (0, 0.8) then (0.8, 1): POWER·ln t, (POWER − 1)·ln t, t^POWER. */
    private final double[] fixLt;
    private final double[] fixLt1;
    private final double[] fixT;

    /**
     * @param n Gauss–Legendre nodes per piece, &ge; 4 (the Gauss–Laguerre tail takes ⌈2n/3⌉)
     */
    public LundZCdf(int n) {
        if (n < 4 || n > 512) {
            throw new IllegalArgumentException("n = " + n + " is outside [4, 512]");
        }
        nodes = new double[n];
        weights = new double[n];
        legendre(n, nodes, weights);
        int nl = Math.max(4, (2 * n + 2) / 3);
        lagNodes = new double[nl];
        lagWeights = new double[nl];
        laguerre(nl, lagNodes, lagWeights);
        fixLt = new double[2 * n];
        fixLt1 = new double[2 * n];
        fixT = new double[2 * n];
        for (int p = 0; p < 2; p++) {
            double lo = p == 0 ? 0 : HIGH_SPLIT;
            double hl = 0.5 * ((p == 0 ? HIGH_SPLIT : 1) - lo);
            for (int i = 0; i < n; i++) {
                double lt = Math.log(lo + hl + hl * nodes[i]);
                fixLt[p * n + i] = POWER * lt;
                fixLt1[p * n + i] = (POWER - 1) * lt;
                fixT[p * n + i] = Math.exp(POWER * lt);
            }
        }
    }

    /** @return the default rule (24 nodes per piece) */
    public static LundZCdf standard() {
        return new LundZCdf(24);
    }

    /**
     * The full-range integrals of one (a, c).
     *
     * @param norm  N = ∫₀¹ g
     * @param normA N_a = ∫₀¹ g·ln(1 − u)
     * @param normC N_c = ∫₀¹ g/u
     */
    public record Totals(double norm, double normA, double normC) { }

    /**
     * F and its derivatives at one z.
     *
     * @param cdf     F(z)
     * @param density p(z) = f(z)/N
     * @param dCdfDa  ∂F/∂a at fixed z
     * @param dCdfDc  ∂F/∂c at fixed z
     */
    public record Point(double cdf, double density, double dCdfDa, double dCdfDc) {

        /** @return dz/da = −∂aF/p */
        public double dzDa() {
            return -dCdfDa / density;
        }

        /** @return dz/dc = −∂cF/p */
        public double dzDc() {
            return -dCdfDc / density;
        }
    }

    /**
     * @param a Lund a &ge; 0
     * @param c b·mT² &gt; 0
     * @return the full-range integrals
     */
    public Totals totals(double a, double c) {
        check(a, c);
        Sums s = new Sums();
        low(LN2, Double.POSITIVE_INFINITY, a, c, s);
        high(0.5, 0, 1, a, c, s);
        return new Totals(s.i0, s.ia, s.ic);
    }

    /**
     * @param z the point in (0, 1)
     * @param a Lund a &ge; 0
     * @param c b·mT² &gt; 0
     * @return F, p and the derivatives at z
     */
    public Point at(double z, double a, double c) {
        return at(z, a, c, totals(a, c));
    }

    /**
     * @param z      the point in (0, 1)
     * @param a      Lund a &ge; 0
     * @param c      b·mT² &gt; 0
     * @param totals {@link #totals(double, double)} of the same (a, c)
     * @return F, p and the derivatives at z
     */
    public Point at(double z, double a, double c, Totals totals) {
        check(a, c);
        if (!(z > 0 && z < 1)) {
            throw new IllegalArgumentException("z = " + z + " is outside (0, 1)");
        }
        double n = totals.norm();
        Sums lo = new Sums();
        Sums up = new Sums();
        if (z <= 0.5) {
            low(-Math.log(z), Double.POSITIVE_INFINITY, a, c, lo);
            up.setComplement(totals, lo);
            if (up.i0 < FALLBACK * n) {
                up = new Sums();
                low(LN2, -Math.log(z), a, c, up);
                high(0.5, 0, 1, a, c, up);
            }
        } else {
            high(1 - z, 0, 1, a, c, up);
            lo.setComplement(totals, up);
            if (lo.i0 < FALLBACK * n) {
                lo = new Sums();
                low(LN2, Double.POSITIVE_INFINITY, a, c, lo);
                high(0.5, Math.pow(2 * (1 - z), 1.0 / POWER), 1, a, c, lo);
            }
        }
        double g = Math.exp(a * Log1p.of(-z) - c / z) / z;
        double cdf = Math.min(1, Math.max(0, lo.i0 / n));
        // differences of products of the two sides, so that neither end loses precision
        double dA = (lo.ia * up.i0 - lo.i0 * up.ia) / (n * n);
        double dC = (lo.i0 * up.ic - lo.ic * up.i0) / (n * n);
        return new Point(cdf, g / n, dA, dC);
    }

    /**
     * ∫₀¹ h(u)·g(u) du on the pieces and nodes of {@link #totals(double, double)}, for an h that is
     * smooth on (0, 1) (polynomial or logarithmic growth at the ends).
     *
     * @param h the weight function
     * @param a Lund a &ge; 0
     * @param c b·mT² &gt; 0
     * @return the integral
     */
    public double integral(DoubleUnaryOperator h, double a, double c) {
        check(a, c);
        Weighted s = new Weighted(h);
        low(LN2, Double.POSITIVE_INFINITY, a, c, s);
        high(0.5, 0, 1, a, c, s);
        return s.sum;
    }

    /**
     * The five moments ∫₀¹ g·{1, T₁, cT₂, T₁², T₁·cT₂} du of the sufficient statistics
     * T₁ = ln(1 − u), T₂ = 1/u in one pass, on the pieces and nodes of {@link #integral}.
     *
     * @param a   Lund a &ge; 0
     * @param c   b·mT² &gt; 0
     * @param out receives the five integrals
     */
    public void moments(double a, double c, double[] out) {
        check(a, c);
        Sums s = new Sums();
        low(LN2, Double.POSITIVE_INFINITY, a, c, s);
        high(0.5, 0, 1, a, c, s);
        out[0] = s.i0;
        out[1] = s.ia;
        out[2] = c * s.ic;
        out[3] = s.iaa;
        out[4] = c * s.iac;
    }

    /** What the pieces add their nodes to: weight·g (Jacobian included), u and ln(1 − u). */
    private interface Accumulator {
        void add(double wg, double u, double log1mu);
    }

    /** ∫ g·{1, ln(1 − u), 1/u, ln²(1 − u), ln(1 − u)/u}. */
    private static final class Sums implements Accumulator {
        double i0;
        double ia;
        double ic;
        double iaa;
        double iac;

        @Override
        public void add(double wg, double u, double log1mu) {
            double wl = wg * log1mu;
            i0 += wg;
            ia += wl;
            ic += wg / u;
            iaa += wl * log1mu;
            iac += wl / u;
        }

        /** This side as the totals minus the other side (first three integrals). */
        void setComplement(Totals totals, Sums other) {
            i0 = totals.norm() - other.i0;
            ia = totals.normA() - other.ia;
            ic = totals.normC() - other.ic;
        }
    }

    /** ∫ g·h. */
    private static final class Weighted implements Accumulator {
        private final DoubleUnaryOperator h;
        double sum;

        Weighted(DoubleUnaryOperator h) {
            this.h = h;
        }

        @Override
        public void add(double wg, double u, double log1mu) {
            // the high region's first nodes have 1 − u below the double spacing at 1 (t^6/2 < 1e-16):
            // u rounds to 1, where h may be singular (ln(1 − u)); their weight (1 − u)^a·t^5 is nil
            if (u < 1) {
                sum += wg * h.applyAsDouble(u);
            }
        }
    }

    /**
     * The low region's pieces over s = −ln u ∈ (sA, sB) (sB may be +∞): Gauss–Legendre pieces in
     * s up to v = c/u = V_TAIL (graded while v &lt; V_SMALL, a break at V_MID), then Gauss–Laguerre
     * in v from max(v(sA), V_TAIL) if sB is infinite.
     */
    private void low(double sA, double sB, double a, double c, Accumulator acc) {
        double lnC = Math.log(c);
        double sTail = Math.log(V_TAIL) - lnC;
        double sEnd = Math.min(sB, sTail);
        if (sEnd > sA) {
            double[] br = new double[MAX_BREAKS];
            int n = 0;
            br[n++] = sA;
            for (double s = sA * GRADE; s < Math.min(sEnd, Math.log(V_SMALL) - lnC); s *= GRADE) {
                n = add(br, n, s, sEnd, MIN_GAP_S);
            }
            double sMid = Math.log(V_MID) - lnC;
            if (sMid > br[n - 1]) {
                n = add(br, n, sMid, sEnd, MIN_GAP_S);
            }
            br[n++] = sEnd;
            for (int p = 0; p + 1 < n; p++) {
                double hl = 0.5 * (br[p + 1] - br[p]);
                double mid = br[p] + hl;
                for (int i = 0; i < nodes.length; i++) {
                    double u = Math.exp(-(mid + hl * nodes[i]));
                    double l1u = Log1p.of(-u);
                    acc.add(hl * weights[i] * Math.exp(a * l1u - c / u), u, l1u);
                }
            }
        }
        if (sB == Double.POSITIVE_INFINITY) {
            // g du = (1 − c/v)^a·e^−v dv/v
            double vT = Math.max(V_TAIL, c * Math.exp(sA));
            double e = Math.exp(-vT);
            for (int i = 0; i < lagNodes.length; i++) {
                double v = vT + lagNodes[i];
                double u = c / v;
                double l1u = Log1p.of(-u);
                acc.add(lagWeights[i] * e * Math.exp(a * l1u) / v, u, l1u);
            }
        }
    }

    /**
     * The high region's pieces over t ∈ (tA, tB), 1 − u = w·t^POWER: breaks at HIGH_SPLIT and
     * where c/u has grown by HIGH_STEPS from its value at tA, cut where it has grown by TAIL.
     */
    private void high(double w, double tA, double tB, double a, double c, Accumulator acc) {
        double lw = Math.log(w);
        double vA = c / (1 - w * Math.pow(tA, POWER));
        double vB = c / (1 - w * Math.pow(tB, POWER));
        if (tA == 0 && tB == 1 && vB - vA <= HIGH_STEPS[0]) {
            // the common case: the two fixed pieces, their nodes' logarithms precomputed
            int n = nodes.length;
            for (int k = 0; k < 2 * n; k++) {
                double hl = 0.5 * (k < n ? HIGH_SPLIT : 1 - HIGH_SPLIT);
                highNode(hl * weights[k % n], lw + fixLt[k], 1 - w * fixT[k], fixLt1[k], w, a, c, acc);
            }
            return;
        }
        double end = tB;
        if (vB - vA > TAIL) {
            end = tAt(vA + TAIL, w, c);
            vB = vA + TAIL;
        }
        double[] br = new double[MAX_BREAKS];
        int n = 0;
        br[n++] = tA;
        boolean split = HIGH_SPLIT <= tA;
        for (double e : HIGH_STEPS) {
            double t = vA + e < vB ? tAt(vA + e, w, c) : end;
            if (!split && HIGH_SPLIT <= t) {
                n = add(br, n, HIGH_SPLIT, end, MIN_GAP_T);
                split = true;
            }
            n = add(br, n, t, end, MIN_GAP_T);
        }
        br[n++] = end;
        for (int p = 0; p + 1 < n; p++) {
            double hl = 0.5 * (br[p + 1] - br[p]);
            double mid = br[p] + hl;
            for (int i = 0; i < nodes.length; i++) {
                double lt = Math.log(mid + hl * nodes[i]);
                double l1u = lw + POWER * lt;
                highNode(hl * weights[i], l1u, -Math.expm1(l1u), (POWER - 1) * lt, w, a, c, acc);
            }
        }
    }

    /** One node of the high region: g du = (1 − u)^a/u·e^(−c/u) · POWER·w·t^(POWER−1) dt. */
    private static void highNode(double wt, double l1u, double u, double lt1, double w, double a, double c,
                                 Accumulator acc) {
        acc.add(wt * POWER * w * Math.exp(a * l1u - c / u + lt1) / u, u, l1u);
    }

    /** t where c/u = v, 1 − u = w·t^POWER. */
    private static double tAt(double v, double w, double c) {
        return Math.pow((1 - c / v) / w, 1.0 / POWER);
    }

    /** Appends the break x unless it is within gap of the last one or of the end. */
    private static int add(double[] br, int n, double x, double end, double gap) {
        if (x - br[n - 1] >= gap && end - x >= gap) {
            br[n++] = x;
        }
        return n;
    }

    private static void check(double a, double c) {
        if (!(a >= 0 && a < 1e6)) {
            throw new IllegalArgumentException("a = " + a + " is outside [0, 1e6)");
        }
        if (!(c > 0 && c < 1e6)) {
            throw new IllegalArgumentException("c = " + c + " is outside (0, 1e6)");
        }
    }

    /** Gauss–Laguerre nodes and weights (∫₀^∞ e^−x f) by Golub–Welsch: the Jacobi matrix's eigensystem. */
    static void laguerre(int n, double[] x, double[] w) {
        double[] main = new double[n];
        double[] off = new double[n - 1];
        for (int i = 0; i < n; i++) {
            main[i] = 2 * i + 1;
            if (i + 1 < n) {
                off[i] = i + 1;
            }
        }
        EigenDecomposition e = new EigenDecomposition(main, off);
        for (int i = 0; i < n; i++) {
            x[i] = e.getRealEigenvalue(i);
            double v0 = e.getEigenvector(i).getEntry(0);
            w[i] = v0 * v0;
        }
    }

    /** Gauss–Legendre nodes and weights on [−1, 1] by Newton's method on P_n. */
    static void legendre(int n, double[] x, double[] w) {
        for (int i = 0; i < n; i++) {
            double r = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = r;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * r * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                // p1 = P_n(r), p0 = P_{n−1}(r)
                dp = n * (r * p1 - p0) / (r * r - 1);
                double step = p1 / dp;
                r -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            x[i] = r;
            w[i] = 2 / ((1 - r * r) * dp * dp);
        }
    }
}
