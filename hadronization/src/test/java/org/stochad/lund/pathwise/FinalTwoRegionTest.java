package org.stochad.lund.pathwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stochad.lund.PrimalSampler;

/**
 * finalTwo's success probability with the Gaussian pT integrated out in the plane, its tangent and
 * the tangent of the conditional pT, against an independent brute-force quadrature and central
 * differences.
 */
class FinalTwoRegionTest {

    private static final double PI0 = 0.1396;
    private static final double W = 0.335 / Math.sqrt(2);
    private static final double[][] CASES = {
        // A_x, A_y, B_x, B_y, W_T, m1, m2
        {0.3, -0.1, -0.2, 0.45, 0.6, PI0, PI0},   // small set, origin outside
        {0.3, -0.1, -0.2, 0.45, 1.2, PI0, PI0},   // origin inside
        {0.7, 0.2, 0.4, -0.1, 1.3, PI0, PI0},     // far from the origin, eccentric
        {0.1, 0.25, -0.35, 0.05, 1.5, 0.494, PI0}, // unequal masses
    };

    private static FinalTwoRegion region(double[] c, double[] tan, double h, FinalTwoRegion.Frame frame) {
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) {
            v[i] = c[i] + h * tan[i];
        }
        return new FinalTwoRegion(v, c[5], c[6], W, new double[][] {tan}, frame);
    }

    private static double g(double[] c, double kx, double ky) {
        return Math.hypot(Math.hypot(c[0] + kx, c[1] + ky), c[5]) + Math.hypot(Math.hypot(c[2] - kx, c[3] - ky), c[6]);
    }

    /** Brute force: plain polar coordinates about g's minimiser, 4000 angles, Simpson in r, bisection roots. */
    private static double bruteForce(double[] c) {
        double mm = c[5] + c[6];
        double cx = (c[5] * c[2] - c[6] * c[0]) / mm;
        double cy = (c[5] * c[3] - c[6] * c[1]) / mm;
        int nPhi = 4000;
        int nR = 2000;
        double sum = 0;
        for (int i = 0; i < nPhi; i++) {
            double phi = 2 * Math.PI * i / nPhi;
            double ux = Math.cos(phi);
            double uy = Math.sin(phi);
            double lo = 0;
            double hi = 10;
            for (int it = 0; it < 100; it++) {
                double mid = 0.5 * (lo + hi);
                if (g(c, cx + mid * ux, cy + mid * uy) < c[4]) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double r = 0.5 * (lo + hi);
            double inner = 0;
            for (int j = 0; j <= nR; j++) {
                double s = r * j / nR;
                double x = cx + s * ux;
                double y = cy + s * uy;
                double f = s * Math.exp(-(x * x + y * y) / (2 * W * W)) / (2 * Math.PI * W * W);
                inner += (j == 0 || j == nR ? 1 : (j % 2 == 1 ? 4 : 2)) * f;
            }
            sum += inner * r / (3 * nR);
        }
        return sum * 2 * Math.PI / nPhi;
    }

    @Test
    void successProbabilityMatchesBruteForceQuadratureAndMonteCarlo() {
        SplittableRandom rng = new SplittableRandom(13);
        for (double[] c : CASES) {
            double q = region(c, new double[5], 0, null).q();
            double brute = bruteForce(c);
            assertTrue(q > 1e-3 && q < 1 - 1e-3, "case not trivial: q = " + q);
            assertEquals(brute, q, 1e-9 * Math.max(1, 1 / q) * q, "q vs brute force");
            int n = 200_000;
            int in = 0;
            for (int i = 0; i < n; i++) {
                if (g(c, W * rng.nextGaussian(), W * rng.nextGaussian()) <= c[4]) {
                    in++;
                }
            }
            double mc = (double) in / n;
            assertEquals(mc, q, 5 * Math.sqrt(q * (1 - q) / n), "q vs Monte Carlo");
        }
    }

    @Test
    void tangentOfTheSuccessProbabilityMatchesCentralDifferencesOfBothSigns() {
        double[][] dirs = {{0, 0, 0, 0, 1}, {0, 0, 0, 0, -1}, {1, 0, 0, 0, 0}, {0, -0.5, 0.8, 0.3, 0.2}};
        double h = 1e-5;
        boolean sawNegative = false;
        boolean sawPositive = false;
        for (double[] c : CASES) {
            for (double[] d : dirs) {
                double dq = region(c, d, 0, null).dq()[0];
                double fd = (region(c, d, h, null).q() - region(c, d, -h, null).q()) / (2 * h);
                assertEquals(fd, dq, 1e-6 * Math.max(1, Math.abs(fd)), "dq for direction " + java.util.Arrays.toString(d));
                sawNegative |= dq < -1e-3;
                sawPositive |= dq > 1e-3;
            }
        }
        assertTrue(sawNegative && sawPositive);
    }

    @Test
    void atTheThresholdTheTangentStaysBounded() {
        double[] c = CASES[0].clone();
        double gMin = Math.hypot(Math.hypot(c[0] + c[2], c[1] + c[3]), c[5] + c[6]);
        double[] dw = {0, 0, 0, 0, 1};
        double previous = Double.NaN;
        for (double eps : new double[] {1e-2, 1e-4, 1e-6}) {
            c[4] = gMin * (1 + eps);
            double dq = region(c, dw, 0, null).dq()[0];
            double h = 1e-3 * eps * gMin;
            double fd = (region(c, dw, h, null).q() - region(c, dw, -h, null).q()) / (2 * h);
            assertEquals(fd, dq, 1e-5 * Math.abs(fd));
            assertTrue(dq > 0 && dq < 10, "dq/dW_T = " + dq);
            if (eps < 1e-2) {
                assertEquals(previous, dq, 0.05 * previous, "dq/dW_T tends to a finite limit");
            }
            previous = dq;
        }
    }

    @Test
    void tangentOfTheConditionalPtIsTheDerivativeOfTheTransport() {
        double[][] dirs = {{0, 0, 0, 0, 1}, {1, 0, 0, 0, 0}, {0, -0.5, 0.8, 0.3, -0.2}};
        double[][] us = {{0.1, 0.3}, {0.45, 0.9}, {0.77, 0.05}, {0.93, 0.6}};
        double h = 1e-6;
        for (double[] c : CASES) {
            for (double[] d : dirs) {
                FinalTwoRegion r0 = region(c, d, 0, null);
                FinalTwoRegion up = region(c, d, h, r0.frame());
                FinalTwoRegion down = region(c, d, -h, r0.frame());
                for (double[] u : us) {
                    double[] k0 = r0.invert(u[0], u[1]);
                    assertTrue(r0.contains(k0[0], k0[1]));
                    double[][] dk = r0.tangent(k0[0], k0[1]);
                    double[] kUp = up.invert(u[0], u[1]);
                    double[] kDown = down.invert(u[0], u[1]);
                    for (int i = 0; i < 2; i++) {
                        double fd = (kUp[i] - kDown[i]) / (2 * h);
                        assertEquals(fd, dk[i][0], 1e-5 * Math.max(1, Math.abs(fd)), "dk_" + i);
                    }
                }
            }
        }
    }

    /**
     * The rare-side samplers (inversion in (ψ, t) for a success with q &lt; 0.05, the Gaussian tail
     * outside the inscribed disc for a failure with q &gt; 0.95) against plain rejection from the
     * Gaussian: every draw on the right side, and E[k_x], E[|k|²] agree within 5 s.e.
     */
    @Test
    void rareSideSamplersDrawTheRestrictedGaussian() {
        double[][] rare = {
            {0.3, -0.1, -0.2, 0.45, 0.48, PI0, PI0},  // q < 0.05: success by inversion
            {0.1, 0.05, -0.05, 0.1, 1.6, PI0, PI0},   // q > 0.95: failure from the tail
        };
        SplittableRandom rng = new SplittableRandom(7);
        for (double[] c : rare) {
            FinalTwoRegion region = region(c, new double[5], 0, null);
            boolean success = region.q() < 0.5;
            assertTrue(success ? region.q() < 0.05 && region.q() > 1e-4 : region.q() > 0.95 && region.q() < 1 - 1e-4,
                    "q = " + region.q());
            int n = 20_000;
            double[] m = new double[4];
            double[] ref = new double[4];
            for (int i = 0; i < n; i++) {
                double[] k = region.draw(PrimalSampler.of(99, i), success);
                assertTrue(region.contains(k[0], k[1]) == success);
                m[0] += k[0];
                m[1] += k[0] * k[0];
                m[2] += k[0] * k[0] + k[1] * k[1];
                m[3] += sq(k[0] * k[0] + k[1] * k[1]);
                double x;
                double y;
                do {
                    x = W * rng.nextGaussian();
                    y = W * rng.nextGaussian();
                } while (region.contains(x, y) != success);
                ref[0] += x;
                ref[1] += x * x;
                ref[2] += x * x + y * y;
                ref[3] += sq(x * x + y * y);
            }
            double seX = Math.sqrt((m[1] / n - sq(m[0] / n)) / n + (ref[1] / n - sq(ref[0] / n)) / n);
            double seR = Math.sqrt((m[3] / n - sq(m[2] / n)) / n + (ref[3] / n - sq(ref[2] / n)) / n);
            assertEquals(ref[0] / n, m[0] / n, 5 * seX, "E[k_x]");
            assertEquals(ref[2] / n, m[2] / n, 5 * seR, "E[|k|^2]");
            assertTrue(seR < 0.02 * ref[2] / n, "se small enough: " + seR);
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
