package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stochad.StochasticTriple;

/**
 * The Lund z sampler against numerical quadrature of the unnormalised f(z) = (1−z)^a/z·exp(−b mT²/z)
 * ({@link LundFunction}, whose quadrature is independent of the sampler under test).
 */
class LundZTest {

    /** The Lund function at (a, b·mT² = bm), its quadrature independent of LundZ's sampler. */
    private static LundFunction f(double a, double bm) {
        return LundFunction.of(a, 1, bm);
    }

    /** Bin edges fine near 0 (log-spaced) and uniform above 0.1. */
    private static double[] edges() {
        List<Double> e = new ArrayList<>();
        e.add(0.0);
        for (int i = 0; i <= 24; i++) {
            e.add(Math.pow(10, -5 + 4.0 * i / 25));
        }
        for (int i = 0; i < 45; i++) {
            e.add(0.1 + 0.02 * i);
        }
        e.add(1.0);
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] sample(double a, double b, double mT2, double head, boolean peaked, int n, long seed) {
        double[] z = new double[n];
        StochasticTriple at = StochasticTriple.constant(a);
        StochasticTriple bt = StochasticTriple.constant(b);
        StochasticTriple m = StochasticTriple.constant(mT2);
        for (int i = 0; i < n; i++) {
            z[i] = LundZ.sample(PrimalSampler.of(seed, i), at, bt, m, head, peaked, 1_000_000, null);
        }
        return z;
    }

    /** Chi-square of the sample against the quadrature probabilities of f(a, bm), merging bins below 30 expected. */
    private static double[] chiSquare(double[] z, double a, double bm) {
        double[] e = edges();
        LundFunction g = f(a, bm);
        double[] p = new double[e.length - 1];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = g.cdf(e[i + 1]) - g.cdf(e[i]);
            total += p[i];
        }
        long[] counts = new long[p.length];
        for (double v : z) {
            int k = java.util.Arrays.binarySearch(e, v);
            int bin = k >= 0 ? k : -k - 2;
            counts[Math.min(bin, p.length - 1)]++;
        }
        double chi2 = 0;
        int dof = -1;
        double expAcc = 0;
        double obsAcc = 0;
        for (int i = 0; i < p.length; i++) {
            expAcc += p[i] / total * z.length;
            obsAcc += counts[i];
            if (expAcc >= 30 || i == p.length - 1) {
                chi2 += (obsAcc - expAcc) * (obsAcc - expAcc) / expAcc;
                dof++;
                expAcc = 0;
                obsAcc = 0;
            }
        }
        return new double[] {chi2, dof};
    }

    @ParameterizedTest(name = "a={0} b={1} mT2={2} H={3} peaked={4}")
    @CsvSource({
        "0.68, 0.98, 0.2436, 1.5, false",
        "0.68, 0.98, 0.0195, 1.5, false",   // small mT2: zMax ~ 0.019
        "0.68, 0.98, 0.0195, 1.0, true",    // Pythia's envelope near zero
        "0.68, 0.98, 10.0, 1.0, true",      // Pythia's envelope near one (zMax ~ 0.94)
        "0.68, 0.98, 10.0, 2.0, false",
        "1.50, 0.50, 1.0, 1.0, false",
        "0.0, 0.98, 0.3, 1.5, false",       // a = 0 branch
        "1.0, 0.98, 0.3, 1.5, false"        // a = c branch
    })
    void zDistributionMatchesQuadrature(double a, double b, double mT2, double head, boolean peaked) {
        int n = 60_000;
        double[] z = sample(a, b, mT2, head, peaked, n, 11);
        double[] chi = chiSquare(z, a, b * mT2);
        double dof = chi[1];
        assertThat(dof).isGreaterThan(20);
        assertThat(chi[0]).as("chi2 with %s dof", dof).isLessThan(dof + 5 * Math.sqrt(2 * dof));
        // the same test has the power to see a 10% change of b mT2 (or of a when b mT2 is large)
        double[] wrong = chiSquare(z, a + 0.1, b * mT2 * 1.1);
        assertThat(wrong[0]).isGreaterThan(wrong[1] + 10 * Math.sqrt(2 * wrong[1]));

        // mean z against quadrature
        double mean = f(a, b * mT2).meanZ();
        double m = 0;
        double m2 = 0;
        for (double v : z) {
            m += v;
            m2 += v * v;
        }
        m /= n;
        double se = Math.sqrt((m2 / n - m * m) / n);
        assertThat(se).isLessThan(0.0015);
        assertThat(Math.abs(m - mean)).as("<z> = %s vs quadrature %s (se %s)", m, mean, se).isLessThan(5 * se);
    }

    @ParameterizedTest
    @CsvSource({"0.68, 0.2387", "0.68, 0.0191", "0.3, 2.0", "1.5, 0.5", "0.68, 9.8", "0.0, 0.5", "1.0, 0.7"})
    void zMaxIsTheMaximumOfF(double a, double bm) {
        UnivariateFunction lnF = z -> a * Math.log(1 - z) - Math.log(z) - bm / z;
        UnivariatePointValuePair best = new BrentOptimizer(1e-13, 1e-15).optimize(new MaxEval(10_000),
                new UnivariateObjectiveFunction(lnF), GoalType.MAXIMIZE, new SearchInterval(1e-9, 1 - 1e-12));
        assertThat(LundZ.zMax(a, bm)).isCloseTo(best.getPoint(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(LundZ.normalisedF(best.getPoint(), a, bm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void smallMt2HasZMaxNearTwoPercent() {
        assertThat(LundZ.zMax(0.68, 0.98 * 0.0195)).isBetween(0.015, 0.025);
    }

    @Test
    void tangentsOfTheAcceptanceMatchFiniteDifferences() {
        double z = 0.37;
        double a = 0.68;
        double bm = 0.24;
        StochasticTriple f = LundZ.normalisedF(z, StochasticTriple.of(a, 1, 0), StochasticTriple.of(bm, 0, 1));
        double h = 1e-6;
        double da = (LundZ.normalisedF(z, a + h, bm) - LundZ.normalisedF(z, a - h, bm)) / (2 * h);
        double db = (LundZ.normalisedF(z, a, bm + h) - LundZ.normalisedF(z, a, bm - h)) / (2 * h);
        assertThat(f.delta(0)).isCloseTo(da, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(f.delta(1)).isCloseTo(db, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void recordsEveryProposal() {
        List<LundZ.Trial> trials = new ArrayList<>();
        double z = LundZ.sample(PrimalSampler.of(3, 0), StochasticTriple.constant(0.68),
                StochasticTriple.constant(0.98), StochasticTriple.constant(0.2), 1.5, false, 1000, trials);
        assertThat(trials).isNotEmpty();
        assertThat(trials.get(trials.size() - 1).accepted()).isTrue();
        assertThat(trials.get(trials.size() - 1).z()).isEqualTo(z);
        assertThat(trials.subList(0, trials.size() - 1)).allMatch(t -> !t.accepted());
    }
    /**
     * Without tangents f(z)/f(zMax) is computed on doubles; with them, on triples. The values must
     * agree bit for bit (the double path repeats the triple arithmetic's operations), over a, b·mT²
     * in both zMax branches, a &lt; 0.02, a ≈ 1 and the large-b·mT² clamp.
     */
    @Test
    void normalisedFOnDoublesIsBitIdenticalToTheTripleValue() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(15);
        double[] as = {0, 0.01, 0.3, 0.68, 0.995, 1.0, 1.005, 2.5};
        int compared = 0;
        for (int i = 0; i < 40_000; i++) {
            double a = i % 2 == 0 ? as[i % as.length] : 3 * r.nextDouble();
            double bm = Math.exp(-4 + 10 * r.nextDouble());
            double z = r.nextDouble();
            double plain = LundZ.normalisedF(z, a, bm);
            double tangent = LundZ.normalisedF(z, StochasticTriple.of(a, 1, 0), StochasticTriple.of(bm, 0, 1)).value();
            assertThat(Double.doubleToRawLongBits(plain)).as("a = %s, bm = %s, z = %s", a, bm, z)
                    .isEqualTo(Double.doubleToRawLongBits(tangent));
            compared += plain > 0 && plain < 1 ? 1 : 0;
        }
        assertThat(compared).isGreaterThan(20_000);
    }
}
