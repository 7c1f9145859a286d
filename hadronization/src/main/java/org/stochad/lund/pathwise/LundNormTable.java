package org.stochad.lund.pathwise;

/**
 * The moments of the Lund law's sufficient statistics T₁ = ln(1 − z) and T₂ = 1/z at one a, as
 * functions of c = b·m_T²: the law is p(z) ∝ exp(a·T₁ − c·T₂)/z, so E[T₁] = ∂a ln N = N_a/N,
 * E[T₂] = −∂c ln N = N_c/N (the score terms of a z draw: ∂a ln p(z) = T₁ − E[T₁], ∂c ln p(z) =
 * E[T₂] − T₂), and their covariances are the second derivatives of ln N (the Fisher information of
 * one z: E[∂a ln p·T₁] = Var T₁, E[∂c ln p·T₁] = −Cov(T₁, T₂)). {@link #terms} gives, scaled by
 * powers of c to be of order 1: E[T₁], c·E[T₂], Var T₁, c·Cov(T₁, T₂), and ln N itself (so that
 * {@link #totals} gives the normalisation integrals a z draw's CDF needs, {@link LundTotals}).
 *
 * <p>All five are smooth in ln c, so inside [{@link #C_LOW}, {@link #C_HIGH}] they come from
 * Chebyshev interpolants in ln c (24 pieces) built from a 24-node quadrature ({@link LundZCdf}) at
 * the Chebyshev nodes; outside, from the quadrature itself. The table checks itself when built: at
 * the midpoints between its nodes it must agree with the quadrature to 1e-11 (absolute, on values
 * of order 1); with 12, then 24, then 48 nodes per piece, and if none does, every value comes from
 * the quadrature (never a silently worse one). Immutable.
 */
public final class LundNormTable {

    /** The number of values {@link #terms} gives. */
    public static final int TERMS = 5;
    /** The table's lower end in c. */
    static final double C_LOW = 1e-6;
    /** The table's upper end in c. */
    static final double C_HIGH = 50;
    /** The largest deviation from the quadrature accepted at the check points. */
    static final double TOLERANCE = 1e-11;
    /** Pieces of equal length in ln c, each with its own interpolants. */
    private static final int PIECES = 24;
    /** Gauss–Legendre nodes per piece of the quadrature (moments to 1e-14 up to c = 50; 12 nodes: 1e-12). */
    private static final int NODES = 24;

    private static final double X_LOW = Math.log(C_LOW);
    private static final double X_HIGH = Math.log(C_HIGH);
    private static final double PIECE = (X_HIGH - X_LOW) / PIECES;

    private final double a;
    /** The quadrature every table is built from (immutable, shared). */
    private static final LundZCdf CDF = new LundZCdf(NODES);
    /**
     * Chebyshev coefficients of the five terms interleaved, per piece ([piece][TERMS·j + t]), or
     * null: quadrature only.
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
     * The five terms at one c, into {@code out}: E[T₁] = N_a/N, c·E[T₂] = c·N_c/N, Var T₁,
     * c·Cov(T₁, T₂), ln N.
     *
     * @param c   b·m_T² &gt; 0
     * @param out receives the values ({@link #TERMS} of them)
     * @throws IllegalStateException where the normalisation is not representable (c beyond ≈ 700)
     */
    public void terms(double c, double[] out) {
        if (out == null || out.length < TERMS) {
            throw new IllegalArgumentException("out has room for " + (out == null ? 0 : out.length) + " values, not "
                    + TERMS);
        }
        if (coef != null && c >= C_LOW && c <= C_HIGH) {
            double x = (Math.log(c) - X_LOW) / PIECE;
            int p = Math.min((int) x, PIECES - 1);
            clenshaw(coef[p], 2 * (x - p) - 1, out);
            return;
        }
        quadrature(c, out);
        for (int t = 0; t < TERMS; t++) {
            if (!Double.isFinite(out[t])) {
                throw new IllegalStateException("the Lund function's normalisation at a = " + a + ", c = b*mT2 = " + c
                        + " is not representable in double precision");
            }
        }
    }

    /** The five terms from the quadrature's moments. */
    private void quadrature(double c, double[] out) {
        double[] m = new double[5];
        CDF.moments(a, c, m);
        double n = m[0];
        double m1 = m[1] / n;
        double m2 = m[2] / n;
        out[0] = m1;
        out[1] = m2;
        out[2] = m[3] / n - m1 * m1;
        out[3] = m[4] / n - m1 * m2;
        out[4] = Math.log(n);
    }

    /**
     * The normalisation integrals at one c.
     *
     * @param c b·m_T² &gt; 0
     * @return N = exp(ln N), N_a = N·E[T₁], N_c = N·E[T₂]
     * @throws IllegalStateException where the normalisation is not representable (c beyond ≈ 700)
     */
    public LundZCdf.Totals totals(double c) {
        double[] t = new double[TERMS];
        terms(c, t);
        double n = Math.exp(t[4]);
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalStateException("the Lund function's normalisation at a = " + a + ", c = b*mT2 = " + c
                    + " is not representable in double precision");
        }
        return new LundZCdf.Totals(n, n * t[0], n * t[1] / c);
    }

    /** c at t ∈ [−1, 1] of piece p. */
    private static double c(int p, double t) {
        return Math.exp(X_LOW + PIECE * (p + 0.5 * (t + 1)));
    }

    /** Interleaved coefficients of piece p from the values at the n Chebyshev nodes t_k = cos(π(k + ½)/n). */
    private double[] fit(int p, int n) {
        double[][] f = new double[n][TERMS];
        for (int k = 0; k < n; k++) {
            quadrature(c(p, Math.cos(Math.PI * (k + 0.5) / n)), f[k]);
        }
        double[] coef = new double[TERMS * n];
        for (int j = 0; j < n; j++) {
            double scale = (j == 0 ? 1.0 : 2.0) / n;
            for (int t = 0; t < TERMS; t++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += f[k][t] * Math.cos(Math.PI * j * (k + 0.5) / n);
                }
                coef[TERMS * j + t] = scale * sum;
            }
        }
        return coef;
    }

    /** The interpolants against the quadrature at the midpoints t = cos(πk/n) of every piece, ends included. */
    private boolean accurate(double[][] trial) {
        double[] v = new double[TERMS];
        double[] q = new double[TERMS];
        for (int p = 0; p < PIECES; p++) {
            int n = trial[p].length / TERMS;
            for (int k = 0; k <= n; k++) {
                double t = Math.cos(Math.PI * k / n);
                quadrature(c(p, t), q);
                clenshaw(trial[p], t, v);
                for (int i = 0; i < TERMS; i++) {
                    if (!(Math.abs(v[i] - q[i]) <= TOLERANCE)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Σ_j coef_j·T_j(t) of the five interleaved series by Clenshaw's recurrence (unrolled: no arrays per call). */
    private static void clenshaw(double[] coef, double t, double[] out) {
        double a1 = 0;
        double a2 = 0;
        double b1 = 0;
        double b2 = 0;
        double c1 = 0;
        double c2 = 0;
        double d1 = 0;
        double d2 = 0;
        double e1 = 0;
        double e2 = 0;
        double t2 = 2 * t;
        for (int o = coef.length - TERMS; o >= TERMS; o -= TERMS) {
            double a0 = coef[o] + t2 * a1 - a2;
            double b0 = coef[o + 1] + t2 * b1 - b2;
            double c0 = coef[o + 2] + t2 * c1 - c2;
            double d0 = coef[o + 3] + t2 * d1 - d2;
            double e0 = coef[o + 4] + t2 * e1 - e2;
            a2 = a1;
            a1 = a0;
            b2 = b1;
            b1 = b0;
            c2 = c1;
            c1 = c0;
            d2 = d1;
            d1 = d0;
            e2 = e1;
            e1 = e0;
        }
        out[0] = coef[0] + t * a1 - a2;
        out[1] = coef[1] + t * b1 - b2;
        out[2] = coef[2] + t * c1 - c2;
        out[3] = coef[3] + t * d1 - d2;
        out[4] = coef[4] + t * e1 - e2;
    }
}
