package org.stochad.lund.pathwise;

import java.util.function.DoubleUnaryOperator;

/**
 * The CDF of the normalised Lund function f(z) ∝ (1 − z)^a / z · exp(−c/z) on (0, 1), c = b·mT²,
 * with its density and its derivatives in a and c, by fixed-node Gauss–Legendre quadrature in
 * transformed variables — what implicit reparameterisation dz/dθ = −∂θF(z)/p(z) needs.
 *
 * <p>Three integrals share every integrand evaluation: I₀ = ∫ g, I_a = ∫ g·ln(1 − u) and
 * I_c = ∫ g/u with g(u) = (1 − u)^a/u·exp(−c/u), so that with N, N_a, N_c the integrals over
 * (0, 1) and I₀(z), I_a(z), I_c(z) those over (0, z):
 * F = I₀(z)/N, p = g(z)/N, ∂aF = (I_a(z)·N − I₀(z)·N_a)/N², ∂cF = (−I_c(z)·N + I₀(z)·N_c)/N².
 *
 * <p>Segments: (0, u₂] with u₂ &le; ½ in s = −ln u (the integrand becomes
 * (1 − e^−s)^a·exp(−c·e^s), a double-exponential tail, cut where c·e^s has grown by 40 — a
 * relative error below e^−40), and [u₁, 1) with u₁ &ge; ½ in t with 1 − u = (1 − u₁)·t^4 (the
 * (1 − u)^a end point singularity becomes a smooth t^(4a+3)). The full-range integrals are
 * (0, ½] + [½, 1); the partial one for z is (0, z] if z &le; ½, else the complement [z, 1).
 * Immutable and thread-safe. Pythia drops the (1 − z)^a factor below a = 0.02 ({@code LundZ});
 * callers pass a = 0 there.
 */
public final class LundZCdf {

    /** Cut of the double-exponential tail: the integrand has fallen by e^−TAIL at the upper end. */
    private static final double TAIL = 40;
    /** Power of the t substitution at u = 1. */
    private static final int POWER = 4;

    private final double[] nodes;
    private final double[] weights;
    /**
     * Per node of the high segment's t rule, t = (1 + x)/2: POWER·ln t, (POWER − 1)·ln t and
     * t^POWER = exp(POWER·ln t) — the same operations as evaluated per call before, done once.
     */
    private final double[] hiLt4;
    private final double[] hiLt3;
    private final double[] hiT4;
    /** ... and for the full-range split u₁ = ½: 1 − u = ½·t^POWER, u and ln(1 − u) = ln ½ + POWER·ln t. */
    private final double[] halfU;
    private final double[] halfL1u;

    /**
     * @param n Gauss–Legendre nodes per segment, &ge; 4
     */
    public LundZCdf(int n) {
        if (n < 4 || n > 512) {
            throw new IllegalArgumentException("n = " + n + " is outside [4, 512]");
        }
        nodes = new double[n];
        weights = new double[n];
        legendre(n, nodes, weights);
        hiLt4 = new double[n];
        hiLt3 = new double[n];
        hiT4 = new double[n];
        halfU = new double[n];
        halfL1u = new double[n];
        double lHalf = Math.log(0.5);
        for (int i = 0; i < n; i++) {
            double t = 0.5 * (1 + nodes[i]);
            double lt = Math.log(t);
            hiLt4[i] = POWER * lt;
            hiLt3[i] = (POWER - 1) * lt;
            hiT4[i] = Math.exp(POWER * lt);
            halfU[i] = 1 - 0.5 * hiT4[i];
            halfL1u[i] = lHalf + hiLt4[i];
        }
    }

    /** @return the default rule (24 nodes per segment, ≈ 1e-12 relative at the point) */
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
        double[] lo = new double[3];
        double[] hi = new double[3];
        lowSegment(0.5, a, c, lo);
        highSegment(0.5, a, c, hi);
        return new Totals(lo[0] + hi[0], lo[1] + hi[1], lo[2] + hi[2]);
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
        double[] part = new double[3];
        double i0;
        double ia;
        double ic;
        if (z <= 0.5) {
            lowSegment(z, a, c, part);
            i0 = part[0];
            ia = part[1];
            ic = part[2];
        } else {
            highSegment(z, a, c, part);
            i0 = n - part[0];
            ia = totals.normA() - part[1];
            ic = totals.normC() - part[2];
        }
        double g = Math.exp(a * Log1p.of(-z) - c / z) / z;
        double cdf = Math.min(1, Math.max(0, i0 / n));
        // written as differences of products of the two sides so that neither end loses precision
        double dA;
        double dC;
        if (z <= 0.5) {
            dA = (ia * (n - i0) - i0 * (totals.normA() - ia)) / (n * n);
            dC = (-ic * (n - i0) + i0 * (totals.normC() - ic)) / (n * n);
        } else {
            double j0 = part[0];
            double ja = part[1];
            double jc = part[2];
            dA = (ia * j0 - i0 * ja) / (n * n);
            dC = (-ic * j0 + i0 * jc) / (n * n);
        }
        return new Point(cdf, g / n, dA, dC);
    }

    /**
     * ∫₀¹ h(u)·g(u) du on the same segments and nodes as {@link #totals(double, double)}, for an
     * h that is smooth on (0, 1) (polynomial or logarithmic growth at the ends).
     *
     * @param h the weight function
     * @param a Lund a &ge; 0
     * @param c b·mT² &gt; 0
     * @return the integral
     */
    public double integral(DoubleUnaryOperator h, double a, double c) {
        double[] sums = new double[2];
        nodes(a, c, (segment, wg, u, log1mu) -> sums[segment] += wg * h.applyAsDouble(u));
        return scaled(sums[0], sums[1], c);
    }

    /**
     * The five moments ∫₀¹ g·{1, T₁, cT₂, T₁², T₁·cT₂} du of the sufficient statistics
     * T₁ = ln(1 − u), T₂ = 1/u in one pass, on the segments and nodes of {@link #integral}.
     *
     * @param a   Lund a &ge; 0
     * @param c   b·mT² &gt; 0
     * @param out receives the five integrals
     */
    public void moments(double a, double c, double[] out) {
        double[][] sums = new double[2][5];
        nodes(a, c, (segment, wg, u, log1mu) -> {
            double ct2 = c / u;
            double[] m = sums[segment];
            m[0] += wg;
            m[1] += wg * log1mu;
            m[2] += wg * ct2;
            m[3] += wg * log1mu * log1mu;
            m[4] += wg * log1mu * ct2;
        });
        for (int k = 0; k < 5; k++) {
            out[k] = scaled(sums[0][k], sums[1][k], c);
        }
    }

    /** A node of {@link #nodes}: its segment (0 or 1), weight·g(u) before the segment's scale, u, ln(1 − u). */
    private interface Node {
        void at(int segment, double wg, double u, double log1mu);
    }

    /**
     * The nodes of the full-range rule of {@link #integral}: s = −ln u from ½ down to where the
     * integrand has fallen by e^−TAIL, and 1 − u = ½·t^POWER (ln(1 − u) exact there).
     */
    private void nodes(double a, double c, Node node) {
        check(a, c);
        double half = 0.5 * Log1p.of(TAIL / (c * 2));
        double mid = Math.log(2) + half;
        for (int i = 0; i < nodes.length; i++) {
            double u = Math.exp(-(mid + half * nodes[i]));
            double l1u = Log1p.of(-u);
            node.at(0, weights[i] * Math.exp(a * l1u - c / u), u, l1u);
        }
        double w = 0.5;
        double lw = Math.log(w);
        for (int i = 0; i < nodes.length; i++) {
            double t = 0.5 * (1 + nodes[i]);
            double lt = Math.log(t);
            double u = 1 - w * Math.exp(POWER * lt);
            node.at(1, weights[i] * Math.exp(a * (lw + POWER * lt) - c / u + (POWER - 1) * lt) / u, u,
                    lw + POWER * lt);
        }
    }

    /** The two segments' node sums scaled to the integral. */
    private static double scaled(double low, double high, double c) {
        return low * (0.5 * Log1p.of(TAIL / (c * 2))) + high * 0.5 * POWER * 0.5;
    }

    /** ∫₀^u₂ of (g, g·ln(1 − u), g/u) in s = −ln u, u₂ &le; ½. */
    private void lowSegment(double u2, double a, double c, double[] out) {
        double s0 = -Math.log(u2);
        double e0 = Math.exp(s0);
        // c·e^s grows from c·e^s0 to c·e^s0 + TAIL
        double len = Log1p.of(TAIL / (c * e0));
        double half = 0.5 * len;
        double mid = s0 + half;
        double r0 = 0;
        double ra = 0;
        double rc = 0;
        for (int i = 0; i < nodes.length; i++) {
            double s = mid + half * nodes[i];
            double eu = Math.exp(-s); // = u
            double l1u = Log1p.of(-eu);
            double h = weights[i] * Math.exp(a * l1u - c / eu);
            r0 += h;
            ra += h * l1u;
            rc += h / eu;
        }
        out[0] = r0 * half;
        out[1] = ra * half;
        out[2] = rc * half;
    }

    /** ∫_u₁^1 of (g, g·ln(1 − u), g/u) in t with 1 − u = (1 − u₁)·t^POWER, u₁ &ge; ½ (or any u₁ &gt; 0). */
    private void highSegment(double u1, double a, double c, double[] out) {
        double w = 1 - u1;
        double lw = Math.log(w);
        boolean half = w == 0.5;
        double r0 = 0;
        double ra = 0;
        double rc = 0;
        for (int i = 0; i < nodes.length; i++) {
            double u;
            double l1u;
            if (half) {
                u = halfU[i];
                l1u = halfL1u[i];
            } else {
                double oneMinusU = w * hiT4[i];
                u = 1 - oneMinusU;
                l1u = lw + hiLt4[i];
            }
            // g du = (1 − u)^a/u·e^(−c/u) · POWER·w·t^(POWER−1) dt
            double h = weights[i] * Math.exp(a * l1u - c / u + hiLt3[i]) / u;
            r0 += h;
            ra += h * l1u;
            rc += h / u;
        }
        double jac = 0.5 * POWER * w;
        out[0] = r0 * jac;
        out[1] = ra * jac;
        out[2] = rc * jac;
    }

    private static void check(double a, double c) {
        if (!(a >= 0 && a < 1e6)) {
            throw new IllegalArgumentException("a = " + a + " is outside [0, 1e6)");
        }
        if (!(c > 0 && c < 1e6)) {
            throw new IllegalArgumentException("c = " + c + " is outside (0, 1e6)");
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
