package org.stochad.lund.observable;

import java.util.Arrays;

/**
 * The O(n² log n) thrust-axis search behind {@link EventShapes#thrustAxis}: an angular sweep per
 * momentum proposes the candidates, and the near-best ones are re-summed exactly as the cubic scan
 * ({@link EventShapes#thrustAxisCubic}) sums them, so the axis is the cubic scan's bit for bit.
 */
final class ThrustSweep {

    /** Candidates within this fraction of Σ|p| of the sweep's best are re-summed exactly. */
    private static final double TOLERANCE = 1e-9;
    /**
     * A momentum whose side of a pair's plane is decided by less than this (relative to |p_j||p_k|)
     * may be classified differently by the cubic scan's rounding: such pairs are re-summed exactly.
     */
    private static final double MARGIN = 1e-12;
    /** A momentum this close to p_i's direction (|q_k| &lt; this·|p_k|) makes every pair of i unsure. */
    private static final double NEAR_AXIS = 1e-3;

    private ThrustSweep() {
    }

    /**
     * @param x the momenta's x components
     * @param y their y components
     * @param z their z components
     * @param n how many
     * @return the unit thrust axis
     */
    static double[] axis(double[] x, double[] y, double[] z, int n) {
        double[] axis = {0, 0, 1};
        if (n <= 1) {
            return axis;
        }
        double sumAbs = 0;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
            sumAbs += norm[i];
        }
        double tol = TOLERANCE * sumAbs;
        Candidates cand = new Candidates(n, tol);
        // a lower bound of the maximum from one plausible set (the +z hemisphere), so that the sweep
        // keeps only candidates near the top from the start; it is not itself a candidate
        double hx = 0;
        double hy = 0;
        double hz = 0;
        for (int k = 0; k < n; k++) {
            if (z[k] > 0) {
                hx += x[k];
                hy += y[k];
                hz += z[k];
            }
        }
        cand.raiseFloor(Math.sqrt(hx * hx + hy * hy + hz * hz) - tol);
        for (int i = 0; i < n; i++) {
            cand.offer(i, -1, 0, norm[i]);
        }
        int m = n - 1;
        int[] idx = new int[2 * m]; // the sorted order twice, so windows wrap without a modulo
        double[] key = new double[m];
        double[] qx = new double[n];
        double[] qy = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(norm[i] > 0)) {
                continue; // every pair with a null momentum is degenerate (skipped by the cubic scan)
            }
            // an orthonormal basis (e1, e2) of the plane normal to u = p_i / |p_i|, with e1 × e2 = u
            double ux = x[i] / norm[i];
            double uy = y[i] / norm[i];
            double uz = z[i] / norm[i];
            double ax = Math.abs(ux) < 0.6 ? 1 : 0;
            double ay = ax == 0 && Math.abs(uy) < 0.6 ? 1 : 0;
            double az = ax == 0 && ay == 0 ? 1 : 0;
            double e1x = ay * uz - az * uy;
            double e1y = az * ux - ax * uz;
            double e1z = ax * uy - ay * ux;
            double l = Math.sqrt(e1x * e1x + e1y * e1y + e1z * e1z);
            e1x /= l;
            e1y /= l;
            e1z /= l;
            double e2x = uy * e1z - uz * e1y;
            double e2y = uz * e1x - ux * e1z;
            double e2z = ux * e1y - uy * e1x;
            int c = 0;
            boolean allUnsure = false;
            for (int k = 0; k < n; k++) {
                if (k == i) {
                    continue;
                }
                qx[k] = x[k] * e1x + y[k] * e1y + z[k] * e1z;
                qy[k] = x[k] * e2x + y[k] * e2y + z[k] * e2z;
                if (!(Math.sqrt(qx[k] * qx[k] + qy[k] * qy[k]) >= NEAR_AXIS * norm[k])) {
                    allUnsure = true;
                }
                idx[c] = k;
                key[c] = pseudoAngle(qx[k], qy[k]);
                c++;
            }
            if (m <= 24) {
                insertionSort(key, idx, m);
            } else {
                heapSort(key, idx, m);
            }
            System.arraycopy(idx, 0, idx, m, m);
            int hi = 0;
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int a = 0; a < m; a++) {
                int j = idx[a];
                int lo = a + 1;
                if (hi < lo) {
                    hi = lo;
                    sx = 0;
                    sy = 0;
                    sz = 0;
                }
                while (hi < a + m) {
                    int k = idx[hi];
                    if (!(qx[j] * qy[k] - qy[j] * qx[k] > 0)) {
                        break;
                    }
                    sx += x[k];
                    sy += y[k];
                    sz += z[k];
                    hi++;
                }
                if (j > i) {
                    int pair = 0; // 0: not yet checked, 1: a proper pair, 2: degenerate (the cubic scan skips it)
                    if (allUnsure || unsure(a + 1, a, hi, m, idx, qx, qy, norm)) {
                        pair = degenerate(x, y, z, norm, i, j) ? 2 : 1;
                        if (pair == 1) {
                            for (int comb = 0; comb < 4; comb++) {
                                cand.force(i, j, comb);
                            }
                        }
                    }
                    for (int comb = 0; comb < 4 && pair != 2; comb++) {
                        double tx = sx;
                        double ty = sy;
                        double tz = sz;
                        if ((comb & 1) != 0) {
                            tx += x[i];
                            ty += y[i];
                            tz += z[i];
                        }
                        if ((comb & 2) != 0) {
                            tx += x[j];
                            ty += y[j];
                            tz += z[j];
                        }
                        double v2 = tx * tx + ty * ty + tz * tz;
                        if (v2 >= cand.threshold2) {
                            if (pair == 0) {
                                pair = degenerate(x, y, z, norm, i, j) ? 2 : 1;
                            }
                            if (pair == 1) {
                                cand.offer(i, j, comb, Math.sqrt(v2));
                            }
                        }
                    }
                }
                if (lo < hi) {
                    int k = idx[lo];
                    sx -= x[k];
                    sy -= y[k];
                    sz -= z[k];
                }
            }
        }
        // re-sum the near-best candidates as the cubic scan does, in its order, keeping its first maximum
        long[] keys = cand.near();
        Arrays.sort(keys);
        double best = -1;
        long previous = -1;
        for (long code : keys) {
            if (code == previous) {
                continue;
            }
            previous = code;
            int comb = (int) (code & 3);
            int j = (int) ((code >> 2) % (n + 1)) - 1;
            int i = (int) ((code >> 2) / (n + 1));
            if (j < 0) {
                double v = norm[i];
                if (v > best) {
                    best = v;
                    double f = 1 / v;
                    axis = new double[] {x[i] * f, y[i] * f, z[i] * f};
                }
                continue;
            }
            double cx = y[i] * z[j] - z[i] * y[j];
            double cy = z[i] * x[j] - x[i] * z[j];
            double cz = x[i] * y[j] - y[i] * x[j];
            double tx = 0;
            double ty = 0;
            double tz = 0;
            for (int k = 0; k < n; k++) {
                if (k != i && k != j && x[k] * cx + y[k] * cy + z[k] * cz > 0) {
                    tx += 1 * x[k];
                    ty += 1 * y[k];
                    tz += 1 * z[k];
                }
            }
            if ((comb & 1) != 0) {
                tx += 1 * x[i];
                ty += 1 * y[i];
                tz += 1 * z[i];
            }
            if ((comb & 2) != 0) {
                tx += 1 * x[j];
                ty += 1 * y[j];
                tz += 1 * z[j];
            }
            double v = Math.sqrt(tx * tx + ty * ty + tz * tz);
            if (v > best) {
                best = v;
                double f = 1 / v;
                axis = new double[] {tx * f, ty * f, tz * f};
            }
        }
        return axis;
    }

    /**
     * Whether a momentum next to the window's edges (angles near φ_j and φ_j + π) lies so close to
     * the pair's plane that rounding may put it on the other side.
     */
    private static boolean unsure(int lo, int a, int hi, int m, int[] idx, double[] qx, double[] qy,
                                  double[] norm) {
        if (m < 2) {
            return false;
        }
        int j = idx[a];
        return close(j, idx[lo], qx, qy, norm) || close(j, idx[a + m - 1], qx, qy, norm)
                || hi - 1 > a && close(j, idx[hi - 1], qx, qy, norm)
                || hi < a + m && close(j, idx[hi], qx, qy, norm);
    }

    private static boolean close(int j, int k, double[] qx, double[] qy, double[] norm) {
        return k != j && !(Math.abs(qx[j] * qy[k] - qy[j] * qx[k]) > MARGIN * norm[j] * norm[k]);
    }

    /** The cubic scan's test for a pair whose plane is undefined (p_i ∥ p_j). */
    private static boolean degenerate(double[] x, double[] y, double[] z, double[] norm, int i, int j) {
        double cx = y[i] * z[j] - z[i] * y[j];
        double cy = z[i] * x[j] - x[i] * z[j];
        double cz = x[i] * y[j] - y[i] * x[j];
        return Math.sqrt(cx * cx + cy * cy + cz * cz) < 1e-14 * (norm[i] * norm[j] + 1e-300);
    }

    /** @return a number in [0, 4) increasing with the angle of (qx, qy) in [0, 2π) */
    private static double pseudoAngle(double qx, double qy) {
        double d = Math.abs(qx) + Math.abs(qy);
        if (d == 0) {
            return 0;
        }
        double p = qy / d; // in [-1, 1]
        if (qx >= 0) {
            return p >= 0 ? p : 4 + p;
        }
        return 2 - p;
    }

    /** Sorts key[0..m) ascending, carrying idx along (for the short lists of typical events). */
    private static void insertionSort(double[] key, int[] idx, int m) {
        for (int r = 1; r < m; r++) {
            double k = key[r];
            int v = idx[r];
            int w = r - 1;
            while (w >= 0 && key[w] > k) {
                key[w + 1] = key[w];
                idx[w + 1] = idx[w];
                w--;
            }
            key[w + 1] = k;
            idx[w + 1] = v;
        }
    }

    /** Sorts key[0..m) ascending, carrying idx along, in O(m log m). */
    private static void heapSort(double[] key, int[] idx, int m) {
        for (int s = m / 2 - 1; s >= 0; s--) {
            sift(key, idx, s, m);
        }
        for (int end = m - 1; end > 0; end--) {
            swap(key, idx, 0, end);
            sift(key, idx, 0, end);
        }
    }

    private static void sift(double[] key, int[] idx, int root, int size) {
        int r = root;
        while (true) {
            int child = 2 * r + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && key[child + 1] > key[child]) {
                child++;
            }
            if (!(key[child] > key[r])) {
                return;
            }
            swap(key, idx, r, child);
            r = child;
        }
    }

    private static void swap(double[] key, int[] idx, int a, int b) {
        double k = key[a];
        key[a] = key[b];
        key[b] = k;
        int t = idx[a];
        idx[a] = idx[b];
        idx[b] = t;
    }

    /** The candidates that may still be the best, coded as ((i·(n+1) + j + 1)·4 + comb). */
    private static final class Candidates {
        private final int n;
        private final double tol;
        private long[] forced = new long[16];
        private int forcedSize;
        private long[] code = new long[64];
        private double[] value = new double[64];
        private int size;
        double best = -1;
        /** (best − tol)², the squared sweep value a candidate needs (0 while best &lt;= tol). */
        double threshold2;

        Candidates(int n, double tol) {
            this.n = n;
            this.tol = tol;
        }

        void offer(int i, int j, int comb, double v) {
            if (size == code.length) {
                // drop the ones already out of reach before growing
                int w = 0;
                for (int r = 0; r < size; r++) {
                    if (value[r] >= best - tol) {
                        code[w] = code[r];
                        value[w] = value[r];
                        w++;
                    }
                }
                size = w;
                if (size > code.length / 2) {
                    code = Arrays.copyOf(code, 2 * code.length);
                    value = Arrays.copyOf(value, 2 * value.length);
                }
            }
            code[size] = ((long) i * (n + 1) + j + 1) * 4 + comb;
            value[size] = v;
            size++;
            if (v > best) {
                best = v;
                double t = best - tol;
                threshold2 = t > 0 ? t * t : 0;
            }
        }

        /** @param v a value the maximum is known to reach (up to the tolerance) */
        void raiseFloor(double v) {
            if (v > best) {
                best = v;
                double t = best - tol;
                threshold2 = t > 0 ? t * t : 0;
            }
        }

        void force(int i, int j, int comb) {
            if (forcedSize == forced.length) {
                forced = Arrays.copyOf(forced, 2 * forced.length);
            }
            forced[forcedSize++] = ((long) i * (n + 1) + j + 1) * 4 + comb;
        }

        long[] near() {
            long[] out = new long[size + forcedSize];
            System.arraycopy(forced, 0, out, 0, forcedSize);
            int c = forcedSize;
            for (int r = 0; r < size; r++) {
                if (value[r] >= best - tol) {
                    out[c++] = code[r];
                }
            }
            return Arrays.copyOf(out, c);
        }
    }
}
