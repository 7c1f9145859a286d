package org.stochad.lund.pathwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.StringFragmenter;

/** The pathwise fragmenter makes the generator's events; its z tangents match finite differences of the CDF. */
class PathwiseFragmenterTest {

    @Test
    void hardModeReproducesTheGeneratorsEvents() {
        LundSettings s = LundSettings.pionsOnly().with(LundSettings.PT_SCORE, "off");
        StringFragmenter old = new StringFragmenter(s);
        PathwiseFragmenter hard = new PathwiseFragmenter(s, new PathwiseFragmenter.Options(true, false, false, 24));
        // stop conditioned and veto split, finalTwo as the generator's (the finalTwo split redraws |k|)
        PathwiseFragmenter full = new PathwiseFragmenter(s, new PathwiseFragmenter.Options(false, true, true, 24));
        LundParameters p = LundParameters.of(s);
        int same = 0;
        int sameFull = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            Event e1 = old.fragment(PrimalSampler.of(11, i), p);
            Event e2 = hard.fragment(PrimalSampler.of(11, i), p);
            Event e3 = full.fragment(PrimalSampler.of(11, i), p);
            same += e1.multiplicity() == e2.multiplicity() && e1.hadrons().get(0).eValue() == e2.hadrons().get(0)
                    .eValue() ? 1 : 0;
            sameFull += e1.multiplicity() == e3.multiplicity() ? 1 : 0;
        }
        // the conditioned stop test reads the same uniform with the same inversion, so it decides alike;
        // rounding of the triple kinematics may flip a rare threshold
        assertTrue(same >= n - 3, "identical events " + same);
        assertTrue(sameFull >= n - 10, "same multiplicity " + sameFull);
    }

    @Test
    void finalTwoSplitAndJointStopKeepTheLaw() {
        // same law, different coupling: mean multiplicity and the restart rate agree with the generator's
        LundSettings s = LundSettings.pionsOnly();
        StringFragmenter old = new StringFragmenter(s);
        PathwiseFragmenter split = new PathwiseFragmenter(s, PathwiseFragmenter.Options.standard());
        PathwiseFragmenter joint = new PathwiseFragmenter(s, PathwiseFragmenter.Options.standard().withStopByZ(true));
        PathwiseFragmenter plane = new PathwiseFragmenter(s, PathwiseFragmenter.Options.standard().withStopByZ(true)
                .withFinalPlane(true));
        LundParameters p = LundParameters.of(s);
        int n = 3000;
        double[] sum = new double[4];
        double[] sum2 = new double[4];
        double[] restarts = new double[4];
        for (int i = 0; i < n; i++) {
            Event[] e = {old.fragment(PrimalSampler.of(21, i), p), split.fragment(PrimalSampler.of(21, i), p),
                joint.fragment(PrimalSampler.of(21, i), p), plane.fragment(PrimalSampler.of(21, i), p)};
            for (int k = 0; k < 4; k++) {
                sum[k] += e[k].multiplicity();
                sum2[k] += e[k].multiplicity() * (double) e[k].multiplicity();
                restarts[k] += e[k].restarts() > 0 ? 1 : 0;
            }
        }
        double sd = Math.sqrt(sum2[0] / n - sum[0] * sum[0] / n / n);
        for (int k = 1; k < 4; k++) {
            assertEquals(sum[0] / n, sum[k] / n, 5 * sd * Math.sqrt(2.0 / n), "mean multiplicity " + k);
            assertEquals(restarts[0] / n, restarts[k] / n, 5 * Math.sqrt(2 * 0.15 * 0.85 / n), "restart rate " + k);
        }
    }

    @Test
    void zTangentsCarryTheImplicitDerivative() {
        // one event with tangents: every hadron's momentum must be finite and carry a-tangents
        LundSettings s = LundSettings.pionsOnly();
        PathwiseFragmenter f = new PathwiseFragmenter(s, PathwiseFragmenter.Options.standard());
        LundParameters p = new LundParameters(StochasticTriple.of(0.68, 1, 0, 0), StochasticTriple.of(0.98, 0, 1, 0),
                StochasticTriple.of(0.335, 0, 0, 1), StochasticTriple.constant(0));
        Event e = f.fragment(PrimalSampler.of(3, 0), p);
        double sumE = 0;
        double sumDa = 0;
        for (var h : e.hadrons()) {
            assertTrue(Double.isFinite(h.e().delta(0)) && Double.isFinite(h.e().delta(1)));
            sumE += h.eValue();
            sumDa += h.e().delta(0);
        }
        assertEquals(100, sumE, 1e-9);
        assertEquals(0, sumDa, 1e-9); // energy conservation holds along the path too
    }

    @Test
    void cdfTangentAgreesWithFiniteDifferenceOfTheQuantile() {
        LundZCdf cdf = LundZCdf.standard();
        double a = 0.68;
        double c = 0.98 * 0.25;
        double z = 0.37;
        LundZCdf.Point pt = cdf.at(z, a, c);
        double u = pt.cdf();
        double h = 1e-5;
        double zp = quantile(cdf, u, a + h, c);
        double zm = quantile(cdf, u, a - h, c);
        assertEquals((zp - zm) / (2 * h), pt.dzDa(), 1e-6);
        double zcp = quantile(cdf, u, a, c + h);
        double zcm = quantile(cdf, u, a, c - h);
        assertEquals((zcp - zcm) / (2 * h), pt.dzDc(), 1e-6);
    }

    private static double quantile(LundZCdf cdf, double u, double a, double c) {
        double lo = 1e-9;
        double hi = 1 - 1e-12;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf.at(mid, a, c).cdf() < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The radial split's root finding decides each bisection step by the cheap √(x² + y²) form of
     * g unless it is within 1e-12 of the target: the sign must be the one of the exact g (with
     * Math.hypot) everywhere — far from the target, at it, and 1 ulp, 1e-15, 1e-13 and 1e-11 relative
     * to either side — so that the roots stay bit for bit those of plain bisection on g.
     */
    @Test
    void theCheapComparisonOfTheRadialSplitAgreesWithTheExactOne() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261201);
        double[] offsets = {0, 1e-15, -1e-15, 1e-13, -1e-13, 1e-11, -1e-11, 1e-3, -1e-3, 0.5, -0.5};
        int cases = 0;
        for (int i = 0; i < 20_000; i++) {
            double r = random.nextDouble() * 5;
            double a = random.nextDouble(-2, 2);
            double b = random.nextDouble(-2, 2);
            double c1 = random.nextDouble(0.1, 3);
            double c2 = random.nextDouble(0.1, 3);
            double g = PathwiseFragmenter.g(r, a, b, c1, c2);
            for (double o : offsets) {
                for (double target : new double[] {g * (1 + o), Math.nextUp(g * (1 + o)), Math.nextDown(g * (1 + o))}) {
                    int exact = g < target ? -1 : g > target ? 1 : 0;
                    assertEquals(exact, PathwiseFragmenter.versus(r, a, b, c1, c2, target), "r = " + r + ", a = "
                            + a + ", b = " + b + ", c1 = " + c1 + ", c2 = " + c2 + ", target = " + target);
                    cases++;
                }
            }
        }
        assertEquals(20_000 * 33, cases);
    }

    /**
     * The radial split's roots skip the bisection steps outside a certified zone around Newton's
     * estimate: they must be bit for bit those of plain bisection on {@code versus}, for both roots
     * (above the minimum of g and, from 0, below it), with targets far above g's minimum and within
     * 1e-6 … 1e-14 relative of it (where g is flat at the root and the zone cannot be certified).
     */
    @Test
    void theRadialSplitsRootsAreThoseOfPlainBisection() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
        double[] lifts = {1, 0.1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-14};
        int roots = 0;
        for (int i = 0; i < 20_000; i++) {
            double a = random.nextDouble(-2, 2);
            double b = random.nextDouble(-2, 2);
            double c1 = random.nextDouble(0.1, 3);
            double c2 = random.nextDouble(0.1, 3);
            double rStar = -a + (a + b) * c1 / (c1 + c2);
            double gMin = Math.hypot(a + b, c1 + c2);
            for (double lift : lifts) {
                double target = gMin * (1 + lift);
                double in = Math.max(rStar, 0);
                if (PathwiseFragmenter.versus(in, a, b, c1, c2, target) >= 0) {
                    continue;
                }
                double top = in + 1;
                while (PathwiseFragmenter.versus(top, a, b, c1, c2, target) < 0) {
                    top = 2 * top;
                }
                assertEquals(bisection(in, top, a, b, c1, c2, target),
                        PathwiseFragmenter.root(in, top, a, b, c1, c2, target));
                roots++;
                if (rStar > 0 && PathwiseFragmenter.versus(0, a, b, c1, c2, target) > 0) {
                    assertEquals(bisection(rStar, 0, a, b, c1, c2, target),
                            PathwiseFragmenter.root(rStar, 0, a, b, c1, c2, target));
                    roots++;
                }
            }
        }
        assertTrue(roots > 100_000, "roots = " + roots);
    }

    /** Plain bisection on the sign of g − target, to 1e-13 relative (the reference). */
    private static double bisection(double in, double out, double a, double b, double c1, double c2, double target) {
        double x0 = in;
        double x1 = out;
        for (int i = 0; i < 200 && Math.abs(x1 - x0) > 1e-13 * (1 + Math.abs(x0)); i++) {
            double mid = 0.5 * (x0 + x1);
            if (PathwiseFragmenter.versus(mid, a, b, c1, c2, target) < 0) {
                x0 = mid;
            } else {
                x1 = mid;
            }
        }
        return 0.5 * (x0 + x1);
    }
}
