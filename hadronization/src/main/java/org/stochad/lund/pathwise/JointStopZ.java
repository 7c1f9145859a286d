package org.stochad.lund.pathwise;

import org.stochad.Sampler;
import org.stochad.StochasticTriple;

/**
 * The next stop test smoothed by the new hadron's z as well as by stopSmear's uniform
 * (formulation (a) of docs/hadronization-pathwise-research.md): given the state before hadron s, W_rem after it is a function W'(z)
 * (W'² = E²·X₊'·X₋' − |p⊥,rem'|², concave in z), and the next step stops with probability π(W'(z)),
 * π(W) = clamp((W_hi − W)/(W_hi − W_lo), 0, 1), W_hi/lo = W₀(1 ± smear). The joint law of
 * (veto, z, next stop) is then drawn as a categorical {veto, stop, continue} with probabilities
 * F(z_min), P_s = ∫_{z_min}^1 p·π, 1 − F(z_min) − P_s (tangents: ∂θ under the integral, state δ
 * through π, −p(z_min)·π(z_min)·δz_min at the moving end), followed by z from the conditional
 * density p·π (stop) or p·(1 − π) (continue) with the implicit tangent of that conditional CDF,
 * dz = −(∂I_c(z) − G_c(z)·∂P_c)/(p(z)·π_c(z)). Only the pions-only case (constant W₀) is supported.
 * Per-hadron working object; not thread-safe.
 */
final class JointStopZ {

    private static final int MAX_TRIES = 1_000_000;

    private final double[] nodes;
    private final double[] weights;
    private final int k;
    private final double a;
    private final double c;
    private final double norm;
    private final double normA;
    private final double normC;
    private final double[] da;
    private final double[] dc;
    private final boolean fromPos;
    private final double e2;
    // state (values and tangents)
    private final double xp;
    private final double xm;
    private final double d;
    private final double m2;
    private final double q;
    private final double[] dxp;
    private final double[] dxm;
    private final double[] dd;
    private final double[] dm2;
    private final double[] dq;
    private final double wLo;
    private final double wHi;
    /** N_a/N and N_c/N. */
    private final double ratioA;
    private final double ratioC;
    /** Working array of {@link #pi}'s W'² tangent (this object is per hadron and single-threaded). */
    private final double[] scratch;

    JointStopZ(double[] nodes, double[] weights, int k, double a, double c, LundZCdf.Totals totals, double[] da,
               double[] dc, boolean fromPos, double e2, StochasticTriple xPlus, StochasticTriple xMinus,
               StochasticTriple xDir, StochasticTriple mT2, StochasticTriple q2, double w0, double smear) {
        this.nodes = nodes;
        this.weights = weights;
        this.k = k;
        this.a = a;
        this.c = c;
        this.norm = totals.norm();
        this.normA = totals.normA();
        this.normC = totals.normC();
        this.da = da;
        this.dc = dc;
        this.fromPos = fromPos;
        this.e2 = e2;
        this.xp = xPlus.value();
        this.xm = xMinus.value();
        this.d = xDir.value();
        this.m2 = mT2.value();
        this.q = q2.value();
        this.dxp = tangent(xPlus);
        this.dxm = tangent(xMinus);
        this.dd = tangent(xDir);
        this.dm2 = tangent(mT2);
        this.dq = tangent(q2);
        this.wLo = w0 * (1 - smear);
        this.wHi = w0 * (1 + smear);
        this.scratch = new double[k];
        this.ratioA = normA / norm;
        this.ratioC = normC / norm;
    }

    private double[] tangent(StochasticTriple t) {
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            r[j] = t.directions() > j ? t.delta(j) : 0;
        }
        return r;
    }

    /** W'²(t) and, into dOut (if not null), its state tangent. */
    double w2After(double t, double[] dOut) {
        double xd = t * d;
        double xi = m2 / (t * d * e2);
        double pl = fromPos ? xp - xd : xp - xi;
        double mi = fromPos ? xm - xi : xm - xd;
        if (dOut != null) {
            for (int j = 0; j < k; j++) {
                double dxd = t * dd[j];
                double dxi = dm2[j] / (t * d * e2) - m2 * dd[j] / (t * d * d * e2);
                double dpl = fromPos ? dxp[j] - dxd : dxp[j] - dxi;
                double dmi = fromPos ? dxm[j] - dxi : dxm[j] - dxd;
                dOut[j] = e2 * (dpl * mi + pl * dmi) - dq[j];
            }
        }
        return e2 * pl * mi - q;
    }

    /** π(W'(t)) and, into dOut (if not null), its state tangent. */
    double pi(double t, double[] dOut) {
        // the value first: W'²'s tangent is only needed inside the smear window (same value either way)
        double w2 = w2After(t, null);
        if (w2 <= wLo * wLo) {
            zero(dOut);
            return 1;
        }
        if (w2 >= wHi * wHi) {
            zero(dOut);
            return 0;
        }
        double w = Math.sqrt(w2);
        if (dOut != null) {
            double[] dw2 = scratch;
            w2After(t, dw2);
            for (int j = 0; j < k; j++) {
                dOut[j] = -dw2[j] / (2 * w) / (wHi - wLo);
            }
        }
        return (wHi - w) / (wHi - wLo);
    }

    private static void zero(double[] x) {
        if (x != null) {
            for (int j = 0; j < x.length; j++) {
                x[j] = 0; // (a loop: Arrays.fill's call was visible on arrays this short)
            }
        }
    }

    /** p(t) = g(t)/N and, into dOut, its (a, c) tangent. */
    double density(double t, double[] dOut) {
        double l1 = Log1p.of(-t);
        double g = Math.exp(a * l1 - c / t) / t;
        double p = g / norm;
        if (dOut != null) {
            double la = l1 - ratioA;
            double lc = -1 / t + ratioC; // ∂c ln N = −N_c/N
            for (int j = 0; j < k; j++) {
                dOut[j] = p * (la * da[j] + lc * dc[j]);
            }
        }
        return p;
    }

    /** The breakpoints of π in (lo, 1): where W'² = W_lo² or W_hi²; with 0.5 (below ½), lo and 1, sorted. */
    double[] breakpoints(double lo) {
        double[] r = new double[7];
        int n = 0;
        double mu = m2 / (d * e2);
        double x1 = fromPos ? xm : xp;
        double x2 = fromPos ? xp : xm;
        for (int b = 0; b < 2; b++) {
            double kk = b == 0 ? wLo * wLo : wHi * wHi;
            double qa = -e2 * d * x1;
            double qb = e2 * (xp * xm + d * mu) - (q + kk);
            double qc = -e2 * x2 * mu;
            double disc = qb * qb - 4 * qa * qc;
            if (disc < 0 || qa == 0) {
                continue;
            }
            double sd = Math.sqrt(disc);
            double qq = -0.5 * (qb + Math.copySign(sd, qb));
            double root1 = qq / qa;
            double root2 = qc / qq;
            if (root1 > lo && root1 < 1) {
                r[n++] = root1;
            }
            if (root2 > lo && root2 < 1) {
                r[n++] = root2;
            }
        }
        if (lo < 0.5) {
            r[n++] = 0.5;
        }
        r[n++] = lo;
        r[n++] = 1.0;
        // insertion sort in Double.compare's order (the order of Arrays.sort; at most 7 values)
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r[i];
            int j = i;
            while (j > 0 && Double.compare(out[j - 1], x) > 0) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = x;
        }
        return out;
    }

    /**
     * ∫ p·π over [t0, t1] (stop category) or p·(1 − π) (continue), value at [0] and θ-tangent at
     * [1 + j] (∂θp and the state δ of π; no end-point terms).
     */
    double[] integral(double t0, double t1, boolean stop) {
        double[] out = new double[1 + k];
        t0 = Math.max(t0, c / 60); // g < e^-60·g_max below
        if (!(t1 > t0)) {
            return out;
        }
        double[] dp = new double[k];
        double[] dpi = new double[k];
        boolean log = t1 <= 0.5;
        double u0 = log ? Math.log(t0) : Math.pow(1 - t0, 0.25);
        double u1 = log ? Math.log(t1) : Math.pow(1 - t1, 0.25);
        double mid = 0.5 * (u0 + u1);
        double half = 0.5 * Math.abs(u1 - u0);
        for (int i = 0; i < nodes.length; i++) {
            double u = mid + half * nodes[i];
            double t;
            double jac;
            if (log) {
                t = Math.exp(u);
                jac = t;
            } else {
                double u3 = u * u * u;
                t = 1 - u3 * u;
                jac = 4 * u3;
            }
            if (!(t > 0 && t < 1)) {
                continue;
            }
            double p = density(t, dp);
            double pi = pi(t, dpi);
            double pc = stop ? pi : 1 - pi;
            double w = weights[i] * half * jac;
            out[0] += w * p * pc;
            for (int j = 0; j < k; j++) {
                out[1 + j] += w * (dp[j] * pc + p * (stop ? dpi[j] : -dpi[j]));
            }
        }
        return out;
    }

    /**
     * ∫ p·π_c over the live segments of [lo, hi] (breakpoints bp), c = stop or continue; a segment
     * that ends below hi and has its stop integral in {@code known} (the step's P_s segments, computed
     * with the same arguments; may be null) is taken from there.
     */
    double[] categoryIntegral(double[] bp, double lo, double hi, boolean stop, double[][] known) {
        double[] out = new double[1 + k];
        for (int i = 0; i + 1 < bp.length; i++) {
            double t0 = Math.max(bp[i], lo);
            double t1 = Math.min(bp[i + 1], hi);
            if (!(t1 > t0)) {
                continue;
            }
            double[] s;
            if (stop && known != null && t1 == bp[i + 1] && known[i] != null) {
                s = known[i];
            } else {
                double piMid = pi(0.5 * (bp[i] + bp[i + 1]), null);
                if (stop ? piMid == 0 : piMid == 1) {
                    continue;
                }
                s = integral(t0, t1, stop);
            }
            for (int j = 0; j <= k; j++) {
                out[j] += s[j];
            }
        }
        return out;
    }

    /**
     * z from the density ∝ g·π_c on (lo, hi) by a flat proposal (the acceptance g/g_max·π_c).
     */
    double sample(Sampler zStream, double lo, double hi, boolean stop) {
        double zm = Math.min(Math.max(lundMode(), lo), hi);
        double gMax = 1.0001 * g(Math.min(Math.max(zm, 1e-300), 1 - 1e-16));
        for (int i = 0; i < MAX_TRIES; i++) {
            double z = lo + (hi - lo) * zStream.uniform();
            if (!(z > 0 && z < 1)) {
                continue;
            }
            double ratio = g(z) / gMax;
            double u = zStream.uniform();
            if (u >= ratio * (1 + 1e-15)) {
                // rejected whatever π is: π_c ≤ 1 up to an ulp of the window's end, so acc ≤ ratio·(1 + 3e-16)
                continue;
            }
            double pi = pi(z, null);
            double acc = ratio * (stop ? pi : 1 - pi);
            if (u < acc) {
                return z;
            }
        }
        throw new IllegalStateException("joint stop/z: no z accepted on (" + lo + ", " + hi + ")");
    }

    private double g(double t) {
        return Math.exp(a * Log1p.of(-t) - c / t) / t;
    }

    /** The mode of g: the root in (0, 1) of (1 − a)·t² − (1 + c)·t + c = 0. */
    private double lundMode() {
        double disc = (1 - c) * (1 - c) + 4 * a * c;
        return 2 * c / ((1 + c) + Math.sqrt(disc));
    }
}
