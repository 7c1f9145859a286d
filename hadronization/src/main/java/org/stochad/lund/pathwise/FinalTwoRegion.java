package org.stochad.lund.pathwise;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.ErfDifference;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;

/**
 * finalTwo's success set in the plane of the last breakup's transverse momentum k, with the
 * Gaussian k integrated out in two dimensions (conditional Monte Carlo of the finalTwo failure).
 *
 * <p>k ~ N(0, w²·1) (w the per-component width; σ enters by the ptScore weight). finalTwo succeeds
 * iff g(k) = √(|A + k|² + m₁²) + √(|B − k|² + m₂²) ≤ W_T, A, B the ends' old pT (with half the
 * remainder's pT each) and W_T free of k. g is convex, so the success set C is convex; it contains
 * g's minimiser k* = (m₁B − m₂A)/(m₁ + m₂), g(k*) = √(|A + B|² + (m₁ + m₂)²), and lies inside the
 * ellipse with foci −A, B and major axis W_T. Coordinates about c = k*, stretched along
 * d = (A + B)/|A + B| by κ = W_T/√(W_T² − |A + B|²) (the ellipse's axis ratio, exact for massless
 * ends and at the threshold): k = c + t·e(ψ), e(ψ) = κ·cosψ·d + sinψ·n, dk = κ·t·dt·dψ; every ray
 * meets the boundary once, at t = T(ψ) (g(c + T·e) = W_T), so there is no tangency.
 *
 * <ul>
 * <li>q = P(k ∈ C) = ∫₀^{2π} I(ψ) dψ, I(ψ) = J(T(ψ), ψ), J(t, ψ) = ∫₀^t κ·t'·N_w(c + t'·e) dt' in
 * closed form (with λ = |e|, ê = e/λ, x = c/w, r = λt/w, β = x·ê, γ² = |x|² − β²:
 * J = κ/(2πλ²)·[e^{−|x|²/2}·(1 − e^{−r(β + r/2)}) − β·√(2π)·e^{−γ²/2}·(Φ(r + β) − Φ(β))]);
 * the ψ integral by the periodic trapezoid rule (I is smooth and periodic: geometric convergence),
 * doubled from {@link #MIN_NODES} nodes until q and δq settle; partial integrals (the CDF of ψ) by
 * integrating the trigonometric interpolant of the same nodes. When the origin is inside C the
 * coordinates are centred on it instead (κ = 1; the Gaussian is isotropic there).</li>
 * <li>δq = ∫ κ·T·N_w(c + T·e)·δT dψ, δT = (δW_T − δg|_k)/(∇g·e) (the boundary's normal velocity):
 * bounded, also at the threshold W_T ↓ g(k*) (the set's area grows linearly there).</li>
 * <li>Given the outcome, k from N_w restricted to C (success) or to its complement (failure) —
 * by rejection from the Gaussian, or, when q (1 − q) is small, by inversion in (ψ, t) (success) or
 * from the Gaussian tail outside the inscribed disc of radius (W_T − g(0))/2 (failure).</li>
 * <li>On success k's tangent is the implicit one of the triangular transport (ψ by its marginal CDF,
 * then t by its conditional CDF), the frame (c, d, κ) held fixed: δψ = −(δG(ψ) − G(ψ)/q·δq)/I(ψ),
 * δt = −(∂_θH + ∂_ψH·δψ)/∂_tH, H = J(t, ψ)/I(ψ), δk = δt·e + t·e'·δψ.</li>
 * </ul>
 */
final class FinalTwoRegion {


    /** Gauss–Legendre segments of the angular integral. */
    static final int MIN_NODES = 8;
    /**
     * Doubling stops when q moved by at most this (the trapezoid converges geometrically, so the
     * doubled rule's error is about the square of the previous one's: measured ≤ 1e-9 on 3000 random
     * configurations against the other frame's rule).
     */
    private static final double SETTLE_Q = Double.parseDouble(System.getProperty("ftr.q", "1e-7"));
    /** ... and each δq by at most this relative to 1 + |δq|. */
    private static final double SETTLE_DQ = Double.parseDouble(System.getProperty("ftr.dq", "1e-6"));
    /** The most angular nodes (doubling stops here). */
    static final int MAX_NODES = 1024;
    private static final double TWO_PI = 2 * Math.PI;
    /** cos(2π·m/n) and sin(2π·m/n), m &lt; n, for each node count n = 2^i ≤ {@link #MAX_NODES}, at index i. */
    private static final double[][] COS = new double[Integer.numberOfTrailingZeros(MAX_NODES) + 1][];
    private static final double[][] SIN = new double[COS.length][];

    static {
        for (int n = MIN_NODES; n <= MAX_NODES; n *= 2) {
            double[] cs = new double[n];
            double[] sn = new double[n];
            for (int m = 0; m < n; m++) {
                cs[m] = Math.cos(TWO_PI * m / n);
                sn[m] = Math.sin(TWO_PI * m / n);
            }
            COS[Integer.numberOfTrailingZeros(n)] = cs;
            SIN[Integer.numberOfTrailingZeros(n)] = sn;
        }
    }
    private static final double SQRT_2PI = Math.sqrt(TWO_PI);
    private static final double RAREST = 0.05;
    private static final int MAX_TRIES = 10_000_000;

    private final double ax;
    private final double ay;
    private final double bx;
    private final double by;
    private final double m1;
    private final double m2;
    private final double wT;
    private final double w;
    /** tangents per direction: δA_x, δA_y, δB_x, δB_y, δW_T. */
    private final double[][] tan;
    private final int k;
    private final Frame frame;
    private final boolean possible;
    private final double q;
    private final double[] dq;
    /** the periodic trapezoid's node values of I(ψ_j), ψ_j = 2πj/N, and of δI. */
    private double[] nodeI;
    private double[][] nodeDi;
    /** trigonometric interpolant coefficients of I and δI (lazy). */
    private double[] cosC;
    private double[] sinC;
    private double[][] cosD;
    private double[][] sinD;
    /** The last root found (a warm start for the next ray; working state). */
    private double lastRoot;
    /**
     * {@link #lastRoot} when the constructor ends: {@link #draw} starts from it, so that a draw gives
     * the same k whatever was asked of the region before (a region may be drawn from again by a
     * replayed run, {@link PrefixMemo}).
     */
    private final double rootAfterConstruction;

    /**
     * The coordinate frame: centre, stretch direction and factor.
     *
     * @param cx    centre x
     * @param cy    centre y
     * @param dx    stretch direction x (unit)
     * @param dy    stretch direction y
     * @param kappa stretch factor (≥ 1)
     */
    record Frame(double cx, double cy, double dx, double dy, double kappa) {
    }

    /**
     * @param ax    A_x with its tangent
     * @param ay    A_y
     * @param bx    B_x
     * @param by    B_y
     * @param m1    mass of the hadron at the A end
     * @param m2    mass of the hadron at the B end
     * @param wT    W_T
     * @param w     Gaussian width per component
     * @param k     tangent directions
     * @return the region with q and δq
     */
    static FinalTwoRegion of(StochasticTriple ax, StochasticTriple ay, StochasticTriple bx, StochasticTriple by,
                             double m1, double m2, StochasticTriple wT, double w, int k) {
        double[][] t = new double[k][5];
        for (int j = 0; j < k; j++) {
            t[j][0] = ax.delta(j);
            t[j][1] = ay.delta(j);
            t[j][2] = bx.delta(j);
            t[j][3] = by.delta(j);
            t[j][4] = wT.delta(j);
        }
        double[] v = {ax.value(), ay.value(), bx.value(), by.value(), wT.value()};
        return new FinalTwoRegion(v, m1, m2, w, t, null);
    }

    /**
     * @param v     A_x, A_y, B_x, B_y, W_T
     * @param m1    mass at the A end
     * @param m2    mass at the B end
     * @param w     Gaussian width
     * @param tan   tangents per direction (δA_x, δA_y, δB_x, δB_y, δW_T)
     * @param frame the frame, or null for the natural one
     */
    FinalTwoRegion(double[] v, double m1, double m2, double w, double[][] tan, Frame frame) {
        if (!(w > 0)) {
            throw new IllegalArgumentException("w = " + w + " is not positive");
        }
        if (!(m1 >= 0 && m2 >= 0 && m1 + m2 > 0)) {
            throw new IllegalArgumentException("m1 + m2 = " + (m1 + m2) + " is not positive");
        }
        this.ax = v[0];
        this.ay = v[1];
        this.bx = v[2];
        this.by = v[3];
        this.wT = v[4];
        this.m1 = m1;
        this.m2 = m2;
        this.w = w;
        this.tan = tan;
        this.k = tan.length;
        double sx = ax + bx;
        double sy = ay + by;
        double dd = Math.hypot(sx, sy);
        double mm = m1 + m2;
        double gMin = Math.hypot(dd, mm);
        this.possible = wT > gMin * (1 + 1e-13);
        if (frame == null) {
            double ux = dd > 0 ? sx / dd : 1;
            double uy = dd > 0 ? sy / dd : 0;
            if (possible && g(0, 0) < wT) {
                // the origin is inside C: polar coordinates about it (the Gaussian is then isotropic)
                frame = new Frame(0, 0, ux, uy, 1);
            } else {
                double kappa = possible ? wT / Math.sqrt(wT * wT - dd * dd) : 1;
                frame = new Frame((m1 * bx - m2 * ax) / mm, (m1 * by - m2 * ay) / mm, ux, uy, kappa);
            }
        }
        this.frame = frame;
        this.dq = new double[k];
        double total = 0;
        if (possible) {
            // periodic trapezoid, doubled until q and δq settle (geometric convergence: I is smooth and periodic)
            int n = MIN_NODES;
            nodeI = new double[n];
            nodeDi = new double[n][];
            double[] lastSlopeMass = new double[n];
            for (int j = 0; j < n; j++) {
                Ray ray = ray(TWO_PI * j / n);
                nodeI[j] = ray.mass;
                nodeDi[j] = ray.dMass;
                lastSlopeMass[j] = ray.dMassDw;
            }
            // the settling test looks at q and dq/dW_T only (not at the tangent directions, so that a run
            // without tangents draws exactly as one with them)
            double[] nodeW = new double[n];
            for (int j = 0; j < n; j++) {
                nodeW[j] = lastSlopeMass[j];
            }
            double[] sums = sums(nodeI, nodeDi);
            double qW = trapezoid(nodeW);
            while (n < MAX_NODES) {
                double[] nI = new double[2 * n];
                double[][] nD = new double[2 * n][];
                double[] nW = new double[2 * n];
                for (int j = 0; j < n; j++) {
                    nI[2 * j] = nodeI[j];
                    nD[2 * j] = nodeDi[j];
                    nW[2 * j] = nodeW[j];
                    Ray ray = ray(TWO_PI * (2 * j + 1) / (2 * n));
                    nI[2 * j + 1] = ray.mass;
                    nD[2 * j + 1] = ray.dMass;
                    nW[2 * j + 1] = ray.dMassDw;
                }
                nodeW = nW;
                n *= 2;
                nodeI = nI;
                nodeDi = nD;
                double[] next = sums(nodeI, nodeDi);
                double nextW = trapezoid(nodeW);
                boolean settled = Math.abs(next[0] - sums[0]) <= SETTLE_Q
                        && Math.abs(nextW - qW) <= SETTLE_DQ * (1 + Math.abs(nextW));
                sums = next;
                qW = nextW;
                if (settled) {
                    break;
                }
            }
            total = sums[0];
            System.arraycopy(sums, 1, dq, 0, k);
        }
        this.q = Math.min(Math.max(total, 0), 1);
        this.rootAfterConstruction = lastRoot;
    }

    /** @return P(success) */
    double q() {
        return q;
    }

    /** @return δP(success) per direction */
    double[] dq() {
        return dq.clone();
    }

    /** @return the number of angular nodes the trapezoid settled at (0 when q = 0) */
    int nodes() {
        return nodeI == null ? 0 : nodeI.length;
    }

    /** @return the coordinate frame */
    Frame frame() {
        return frame;
    }

    /**
     * @param kx k_x
     * @param ky k_y
     * @return g(k)
     */
    double g(double kx, double ky) {
        double px = ax + kx;
        double py = ay + ky;
        double qx = bx - kx;
        double qy = by - ky;
        return Math.sqrt(px * px + py * py + m1 * m1) + Math.sqrt(qx * qx + qy * qy + m2 * m2);
    }

    /**
     * @param kx k_x
     * @param ky k_y
     * @return whether k is in the success set
     */
    boolean contains(double kx, double ky) {
        return g(kx, ky) <= wT;
    }

    /**
     * k given the outcome, from N_w restricted to C or to its complement.
     *
     * @param stream  the stream of uniforms (consumed in order)
     * @param success the outcome
     * @return {k_x, k_y}
     */
    double[] draw(Sampler stream, boolean success) {
        if (success && !possible) {
            throw new IllegalStateException("finalTwo: success drawn with q = 0");
        }
        lastRoot = rootAfterConstruction;
        if (success ? q >= RAREST : 1 - q >= RAREST) {
            for (int i = 0; i < MAX_TRIES; i++) {
                double r = w * Math.sqrt(-2 * Math.log(stream.uniform()));
                double phi = TWO_PI * stream.uniform();
                double kx = r * Math.cos(phi);
                double ky = r * Math.sin(phi);
                if (contains(kx, ky) == success) {
                    return new double[] {kx, ky};
                }
            }
            throw new IllegalStateException("finalTwo: no k in " + MAX_TRIES + " tries (q = " + q + ")");
        }
        if (success) {
            return invert(stream.uniform(), stream.uniform());
        }
        // failure with q > 0.95: the origin is inside C, and so is the disc |k| < (W_T − g(0))/2
        double r0 = Math.max(0, 0.5 * (wT - g(0, 0)));
        for (int i = 0; i < MAX_TRIES; i++) {
            double r = Math.sqrt(r0 * r0 - 2 * w * w * Math.log(stream.uniform()));
            double phi = TWO_PI * stream.uniform();
            double kx = r * Math.cos(phi);
            double ky = r * Math.sin(phi);
            if (!contains(kx, ky)) {
                return new double[] {kx, ky};
            }
        }
        throw new IllegalStateException("finalTwo: no failing k in " + MAX_TRIES + " tries (q = " + q + ")");
    }

    /**
     * The triangular transport: ψ by inversion of its marginal CDF, then t of its conditional CDF.
     *
     * @param u1 uniform for ψ
     * @param u2 uniform for t
     * @return {k_x, k_y}
     */
    double[] invert(double u1, double u2) {
        if (!possible || !(q > 0)) {
            throw new IllegalStateException("finalTwo: no success set to draw from (q = " + q + ")");
        }
        double target = u1 * q;
        double psi = solve(x -> partial(x, null) - target, x -> ray(x).mass, 0, TWO_PI, TWO_PI * u1, 200,
                x -> 1e-14);
        Ray ray = ray(psi);
        double goal = u2 * ray.mass;
        double t = solve(x -> mass(x, psi) - goal, x -> density(x, psi), 0, ray.t, ray.t * Math.sqrt(u2), 100,
                x -> 1e-15 * (1 + x));
        double[] e = e(psi);
        return new double[] {frame.cx + t * e[0], frame.cy + t * e[1]};
    }

    /**
     * The root of an increasing f in [lo, hi] by Newton steps with derivative {@code slope}, falling
     * back to bisection of the bracket whenever a step leaves it; stops when a step or the bracket is
     * below {@code tolerance} at the current point, or after {@code maxIterations} steps.
     */
    private static double solve(DoubleUnaryOperator f, DoubleUnaryOperator slope, double lo, double hi, double start,
                                int maxIterations, DoubleUnaryOperator tolerance) {
        double x = start;
        for (int it = 0; it < maxIterations; it++) {
            double fx = f.applyAsDouble(x);
            if (fx > 0) {
                hi = x;
            } else {
                lo = x;
            }
            double dens = slope.applyAsDouble(x);
            double next = dens > 0 ? x - fx / dens : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            double tol = tolerance.applyAsDouble(x);
            if (Math.abs(next - x) < tol || hi - lo < tol) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /**
     * The implicit tangent of k ∈ C under the triangular transport in the frame (success only).
     *
     * @param kx k_x
     * @param ky k_y
     * @return δk per direction: {δk_x[], δk_y[]}
     */
    double[][] tangent(double kx, double ky) {
        double[][] out = new double[2][k];
        if (k == 0) {
            return out;
        }
        double[] nrm = {-frame.dy, frame.dx};
        double rx = kx - frame.cx;
        double ry = ky - frame.cy;
        double along = (rx * frame.dx + ry * frame.dy) / frame.kappa;
        double across = rx * nrm[0] + ry * nrm[1];
        double psi = Math.atan2(across, along);
        if (psi < 0) {
            psi += TWO_PI;
        }
        double t = Math.hypot(along, across);
        double[] dG = new double[k];
        double gUn = partial(psi, dG);
        Ray ray = ray(psi);
        double big = ray.mass;
        double[] dPsi = new double[k];
        for (int j = 0; j < k; j++) {
            dPsi[j] = -(dG[j] - gUn / q * dq[j]) / big;
        }
        double jt = mass(t, psi);
        double pt = density(t, psi);
        double hPsi = 1e-6;
        double dJdPsi = (mass(t, psi + hPsi) - mass(t, psi - hPsi)) / (2 * hPsi);
        double dJTdPsi = (mass(ray.t, psi + hPsi) - mass(ray.t, psi - hPsi)) / (2 * hPsi);
        double[] e = e(psi);
        double[] ep = {-frame.kappa * Math.sin(psi) * frame.dx + Math.cos(psi) * nrm[0],
            -frame.kappa * Math.sin(psi) * frame.dy + Math.cos(psi) * nrm[1]};
        double bxT = frame.cx + ray.t * e[0];
        double byT = frame.cy + ray.t * e[1];
        double[] grad = grad(bxT, byT);
        double tPrime = -ray.t * (grad[0] * ep[0] + grad[1] * ep[1]) / (grad[0] * e[0] + grad[1] * e[1]);
        double dIdPsi = dJTdPsi + density(ray.t, psi) * tPrime;
        double hPsiDer = (dJdPsi * big - jt * dIdPsi) / (big * big);
        double hT = pt / big;
        for (int j = 0; j < k; j++) {
            double hTheta = -jt * ray.dMass[j] / (big * big);
            double dt = -(hTheta + hPsiDer * dPsi[j]) / hT;
            out[0][j] = dt * e[0] + t * ep[0] * dPsi[j];
            out[1][j] = dt * e[1] + t * ep[1] * dPsi[j];
        }
        return out;
    }

    /** The boundary along ψ: T, I(ψ), δI(ψ) and ∂I/∂W_T. */
    private record Ray(double t, double mass, double[] dMass, double dMassDw) {
    }

    private double[] e(double psi) {
        double c = frame.kappa * Math.cos(psi);
        double s = Math.sin(psi);
        return new double[] {c * frame.dx - s * frame.dy, c * frame.dy + s * frame.dx};
    }

    private double[] grad(double kx, double ky) {
        double px = ax + kx;
        double py = ay + ky;
        double qx = bx - kx;
        double qy = by - ky;
        double v1 = Math.sqrt(px * px + py * py + m1 * m1);
        double v2 = Math.sqrt(qx * qx + qy * qy + m2 * m2);
        return new double[] {px / v1 - qx / v2, py / v1 - qy / v2};
    }

    private Ray ray(double psi) {
        double[] e = e(psi);
        double cx = frame.cx;
        double cy = frame.cy;
        // g(c + t·e) is convex in t and below W_T at t = 0: a start above the root (the last ray's
        // root + 10 %, doubled until outside), then Newton from above (monotone)
        double t = lastRoot > 0 ? 1.1 * lastRoot
                : Math.max(0.5 * Math.sqrt(Math.max(wT * wT - (ax + bx) * (ax + bx) - (ay + by) * (ay + by), 0)),
                        1e-300);
        while (g(cx + t * e[0], cy + t * e[1]) < wT) {
            t *= 2;
        }
        for (int it = 0; it < 400; it++) {
            double px = ax + cx + t * e[0];
            double py = ay + cy + t * e[1];
            double qx = bx - cx - t * e[0];
            double qy = by - cy - t * e[1];
            double v1 = Math.sqrt(px * px + py * py + m1 * m1);
            double v2 = Math.sqrt(qx * qx + qy * qy + m2 * m2);
            double f = v1 + v2 - wT;
            if (f <= 0) {
                break;
            }
            double slope = (px * e[0] + py * e[1]) / v1 - (qx * e[0] + qy * e[1]) / v2;
            double next = slope > 0 ? Math.max(t - f / slope, 0.5 * t) : 0.5 * t;
            if (t - next <= 1e-15 * t) {
                t = next;
                break;
            }
            t = next;
        }
        lastRoot = t;
        double kx = cx + t * e[0];
        double ky = cy + t * e[1];
        // ∇g at the boundary point (as grad computes it; its square roots serve the tangents too)
        double px = ax + kx;
        double py = ay + ky;
        double qx = bx - kx;
        double qy = by - ky;
        double v1 = Math.sqrt(px * px + py * py + m1 * m1);
        double v2 = Math.sqrt(qx * qx + qy * qy + m2 * m2);
        double slope = (px / v1 - qx / v2) * e[0] + (py / v1 - qy / v2) * e[1];
        double dens = density(t, e);
        double[] dMass = new double[k];
        for (int j = 0; j < k; j++) {
            double[] d = tan[j];
            double dg = (px * d[0] + py * d[1]) / v1 + (qx * d[2] + qy * d[3]) / v2;
            dMass[j] = dens * (d[4] - dg) / slope;
        }
        return new Ray(t, mass(t, e), dMass, dens / slope);
    }

    /** The trapezoid sum (2π/N)·Σ x_j. */
    private static double trapezoid(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s * TWO_PI / x.length;
    }

    /** Trapezoid sums (2π/N)·Σ I_j and Σ δI_j. */
    private double[] sums(double[] values, double[][] tangents) {
        double[] out = new double[1 + k];
        double h = TWO_PI / values.length;
        for (int i = 0; i < values.length; i++) {
            out[0] += h * values[i];
            for (int j = 0; j < k; j++) {
                out[1 + j] += h * tangents[i][j];
            }
        }
        return out;
    }

    /**
     * ∫₀^ψ I (and δI into d when not null) by integrating the trigonometric interpolant of the
     * trapezoid nodes (as accurate as the periodic trapezoid; q at ψ = 2π).
     */
    private double partial(double psi, double[] d) {
        int n = nodeI.length;
        int half = n / 2;
        if (cosC == null) {
            cosC = new double[half + 1];
            sinC = new double[half + 1];
            cosD = new double[k][half + 1];
            sinD = new double[k][half + 1];
            double[] cs = COS[Integer.numberOfTrailingZeros(n)];
            double[] sn = SIN[Integer.numberOfTrailingZeros(n)];
            // (f·i mod n by increments; each sum runs over i in ascending order, all sums of one f at once)
            double[] dc = new double[k];
            double[] ds = new double[k];
            for (int f = 0; f <= half; f++) {
                double ac = 0;
                double as = 0;
                java.util.Arrays.fill(dc, 0);
                java.util.Arrays.fill(ds, 0);
                for (int i = 0, m = 0; i < n; i++, m = m + f >= n ? m + f - n : m + f) {
                    double c = cs[m];
                    double sn1 = sn[m];
                    ac += nodeI[i] * c;
                    as += nodeI[i] * sn1;
                    double[] di = nodeDi[i];
                    for (int j = 0; j < k; j++) {
                        dc[j] += di[j] * c;
                        ds[j] += di[j] * sn1;
                    }
                }
                cosC[f] = 2 * ac / n;
                sinC[f] = 2 * as / n;
                for (int j = 0; j < k; j++) {
                    cosD[j][f] = dc[j] * (2.0 / n);
                    sinD[j][f] = ds[j] * (2.0 / n);
                }
            }
        }
        // ∫₀^ψ [a₀/2 + Σ_{f<N/2} (a_f cos fψ + b_f sin fψ) + a_{N/2}/2·cos(Nψ/2)]
        double[] w = new double[half + 1];
        double[] v = new double[half + 1];
        w[0] = 0.5 * psi;
        double c1 = Math.cos(psi);
        double s1 = Math.sin(psi);
        double cf = 1;
        double sf = 0;
        for (int f = 1; f <= half; f++) {
            double c = cf * c1 - sf * s1;
            sf = sf * c1 + cf * s1;
            cf = c;
            double scale = f == half ? 0.5 : 1;
            w[f] = scale * sf / f;
            v[f] = scale * (1 - cf) / f;
        }
        double sum = 0;
        for (int f = 0; f <= half; f++) {
            sum += cosC[f] * w[f] + sinC[f] * v[f];
        }
        if (d != null) {
            for (int j = 0; j < k; j++) {
                double sj = 0;
                for (int f = 0; f <= half; f++) {
                    sj += cosD[j][f] * w[f] + sinD[j][f] * v[f];
                }
                d[j] = sj;
            }
        }
        return sum;
    }

    /** The density κ·t·N_w(c + t·e) in (ψ, t). */
    private double density(double t, double psi) {
        return density(t, e(psi));
    }

    /** The density κ·t·N_w(c + t·e) along e = {@link #e}(ψ). */
    private double density(double t, double[] e) {
        double x = frame.cx + t * e[0];
        double y = frame.cy + t * e[1];
        return frame.kappa * t * Math.exp(-(x * x + y * y) / (2 * w * w)) / (TWO_PI * w * w);
    }

    /** J(t, ψ) = ∫₀^t κ·t'·N_w(c + t'·e) dt' in closed form. */
    double mass(double t, double psi) {
        return t <= 0 ? 0 : mass(t, e(psi));
    }

    /** J(t, ψ) along e = {@link #e}(ψ). */
    private double mass(double t, double[] e) {
        if (t <= 0) {
            return 0;
        }
        double lambda = Math.hypot(e[0], e[1]);
        double ex = e[0] / lambda;
        double ey = e[1] / lambda;
        double xx = frame.cx / w;
        double xy = frame.cy / w;
        double x2 = xx * xx + xy * xy;
        double beta = xx * ex + xy * ey;
        double gamma2 = Math.max(x2 - beta * beta, 0);
        double r = lambda * t / w;
        if (frame.cx == 0 && frame.cy == 0) {
            return frame.kappa / (lambda * lambda) * -Math.expm1(-0.5 * r * r) / TWO_PI;
        }
        double first = Math.exp(-0.5 * x2) * -Math.expm1(-r * (beta + 0.5 * r));
        double second = beta * SQRT_2PI * Math.exp(-0.5 * gamma2)
                * 0.5 * ErfDifference.value(beta / Math.sqrt(2), (r + beta) / Math.sqrt(2));
        return frame.kappa / (lambda * lambda) * Math.max(first - second, 0) / TWO_PI;
    }
}
