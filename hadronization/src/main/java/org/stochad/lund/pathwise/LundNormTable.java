package org.stochad.lund.pathwise;

/**
 * The score terms of the Lund function's normalisation at one a, as functions of c = b·m_T²:
 * ∂a ln N(a, c) = N_a/N and −c·∂c ln N(a, c) = c·N_c/N = E[c/z], with N, N_a, N_c the full-range
 * integrals of {@link LundZCdf#totals}. The score of a z draw is then ∂a ln p(z) = ln(1 − z) − N_a/N
 * and ∂c ln p(z) = N_c/N − 1/z.
 *
 * <p>Both are smooth in ln c, so inside [{@link #C_LOW}, {@link #C_HIGH}] they come from Chebyshev
 * interpolants in ln c (24 pieces) built from a 64-node quadrature at the Chebyshev nodes; outside, from the
 * quadrature itself. The table checks itself when built: at the midpoints between its nodes it
 * must agree with the quadrature to 1e-11 (absolute, on values of order 1); with 12, then 24, then
 * 48 nodes per piece, and if none does, every value comes from the quadrature (never a silently worse one).
 * Immutable.
 */
public final class LundNormTable {

    /** The table's lower end in c. */
    static final double C_LOW = 1e-6;
    /** The table's upper end in c. */
    static final double C_HIGH = 50;
    /** The largest deviation from the quadrature accepted at the check points. */
    static final double TOLERANCE = 1e-11;
    /** Pieces of equal length in ln c, each with its own interpolants. */
    private static final int PIECES = 24;
    /**
     * Gauss–Legendre nodes per segment of the quadrature: the 24-node rule of the pathwise mode is
     * off by up to 1e-8 below c = 1e-3; 64 nodes agree with 40-digit quadrature to 1e-14 from
     * c = 1e-6 to 80.
     */
    private static final int NODES = 64;

    private static final double X_LOW = Math.log(C_LOW);
    private static final double X_HIGH = Math.log(C_HIGH);
    private static final double PIECE = (X_HIGH - X_LOW) / PIECES;

    private final double a;
    private final LundZCdf cdf = new LundZCdf(NODES);
    /**
     * Chebyshev coefficients of N_a/N and c·N_c/N interleaved, per piece ([piece][2j], [piece][2j + 1]),
     * or null: quadrature only.
     */
    private final double[][] coef;

    private LundNormTable(double a) {
        this.a = a;
        double[][] found = null;
        for (int n = 12; n <= 48 && found == null; n *= 2) {
            double[][] trial = new double[PIECES][];
            for (int p = 0; p < PIECES; p++) {
                trial[p] = fit(p, n);
            }
            if (accurate(trial)) {
                found = trial;
            }
        }
        this.coef = found;
    }

    /**
     * @param a Lund a &ge; 0 (the law's own a: 0 where Pythia drops the a-term)
     * @return the table
     */
    public static LundNormTable of(double a) {
        if (!(a >= 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("a = " + a + " is not a finite number >= 0");
        }
        return new LundNormTable(a);
    }

    /** @return the a of the table */
    public double a() {
        return a;
    }

    /** @return whether the interpolants passed their check (else every value is a quadrature's) */
    public boolean interpolated() {
        return coef != null;
    }

    /**
     * Both terms at one c, into {@code out}: out[0] = ∂a ln N(a, c) = N_a/N, out[1] = −c·∂c ln N(a, c) =
     * c·N_c/N, the mean of c/z.
     *
     * @param c   b·m_T² &gt; 0
     * @param out receives the two values
     */
    public void terms(double c, double[] out) {
        if (coef != null && c >= C_LOW && c <= C_HIGH) {
            double x = (Math.log(c) - X_LOW) / PIECE;
            int p = Math.min((int) x, PIECES - 1);
            clenshaw(coef[p], 2 * (x - p) - 1, out);
            return;
        }
        LundZCdf.Totals s = cdf.totals(a, c);
        out[0] = s.normA() / s.norm();
        out[1] = c * s.normC() / s.norm();
        if (!(Double.isFinite(out[0]) && Double.isFinite(out[1]))) {
            throw new IllegalStateException("the Lund function's normalisation at a = " + a + ", c = b*mT2 = " + c
                    + " is not representable in double precision (N = " + s.norm() + ")");
        }
    }

    /** c at t ∈ [−1, 1] of piece p. */
    private static double c(int p, double t) {
        return Math.exp(X_LOW + PIECE * (p + 0.5 * (t + 1)));
    }

    /** Interleaved coefficients of piece p from the values at the n Chebyshev nodes t_k = cos(π(k + ½)/n). */
    private double[] fit(int p, int n) {
        double[] fa = new double[n];
        double[] fc = new double[n];
        for (int k = 0; k < n; k++) {
            double c = c(p, Math.cos(Math.PI * (k + 0.5) / n));
            LundZCdf.Totals s = cdf.totals(a, c);
            fa[k] = s.normA() / s.norm();
            fc[k] = c * s.normC() / s.norm();
        }
        double[] coef = new double[2 * n];
        for (int j = 0; j < n; j++) {
            double sa = 0;
            double sc = 0;
            for (int k = 0; k < n; k++) {
                double w = Math.cos(Math.PI * j * (k + 0.5) / n);
                sa += fa[k] * w;
                sc += fc[k] * w;
            }
            double scale = (j == 0 ? 1.0 : 2.0) / n;
            coef[2 * j] = scale * sa;
            coef[2 * j + 1] = scale * sc;
        }
        return coef;
    }

    /** The interpolants against the quadrature at the midpoints t = cos(πk/n) of every piece, ends included. */
    private boolean accurate(double[][] trial) {
        double[] v = new double[2];
        for (int p = 0; p < PIECES; p++) {
            int n = trial[p].length / 2;
            for (int k = 0; k <= n; k++) {
                double t = Math.cos(Math.PI * k / n);
                double c = c(p, t);
                LundZCdf.Totals s = cdf.totals(a, c);
                clenshaw(trial[p], t, v);
                double ea = Math.abs(v[0] - s.normA() / s.norm());
                double ec = Math.abs(v[1] - c * s.normC() / s.norm());
                if (!(ea <= TOLERANCE && ec <= TOLERANCE)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Σ_j coef_j·T_j(t) of both interleaved series by Clenshaw's recurrence. */
    private static void clenshaw(double[] coef, double t, double[] out) {
        double a1 = 0;
        double a2 = 0;
        double c1 = 0;
        double c2 = 0;
        double t2 = 2 * t;
        for (int j = coef.length / 2 - 1; j >= 1; j--) {
            double a0 = coef[2 * j] + t2 * a1 - a2;
            double c0 = coef[2 * j + 1] + t2 * c1 - c2;
            a2 = a1;
            a1 = a0;
            c2 = c1;
            c1 = c0;
        }
        out[0] = coef[0] + t * a1 - a2;
        out[1] = coef[1] + t * c1 - c2;
    }
}
