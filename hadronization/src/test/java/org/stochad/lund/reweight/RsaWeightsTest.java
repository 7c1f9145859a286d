package org.stochad.lund.reweight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundFunction;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.LundZ;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/** RSA weights against independent values: AD tangents, the core's score function, direct generation, quadrature. */
class RsaWeightsTest {

    @Test
    void logAlphaGradientMatchesTheTangentsOfTheGeneratorsAcceptance() {
        double[][] points = {{0.68, 0.98, 0.2436, 0.31}, {0.68, 0.98, 1.7, 0.9}, {1.005, 0.5, 0.3, 0.5},
            {0.01, 0.98, 0.2436, 0.4}, {0.3, 2.0, 0.05, 0.02}, {0.99, 1.3, 0.6, 0.7}};
        for (double[] p : points) {
            double a = p[0];
            double b = p[1];
            double mT2 = p[2];
            double z = p[3];
            double[] g = new double[2];
            double ln = ZAcceptance.logAlpha(z, a, b, mT2, 1.5, g);
            StochasticTriple alpha = LundZ.normalisedF(z, StochasticTriple.of(a, 1, 0),
                    StochasticTriple.of(b * mT2, 0, mT2)).div(1.5);
            assertThat(ln).isCloseTo(Math.log(alpha.value()), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(g[0]).as("d/da at %s", java.util.Arrays.toString(p))
                    .isCloseTo(alpha.delta(0) / alpha.value(), org.assertj.core.data.Offset.offset(1e-7));
            assertThat(g[1]).as("d/db at %s", java.util.Arrays.toString(p))
                    .isCloseTo(alpha.delta(1) / alpha.value(), org.assertj.core.data.Offset.offset(1e-7));
        }
    }

    @Test
    void rsaDerivativeEqualsTheCoreScoreFunctionEventByEvent() {
        // same seed → same events; the z, flavour and finalTwo scores must agree to rounding
        // (σ differs by construction: the core differentiates pT pathwise, RSA through the Gaussian density)
        LundSettings s = LundSettings.defaults().with(LundSettings.E_CM, 30.0);
        LundProgram program = LundProgram.of(s, Observables.multiplicity()).withPtBaseline(0);
        GradientEstimate rsa = RsaDerivativeEstimator.of(program, false, 2).estimate(program, s.theta(), 300, 17);
        GradientEstimate score = Estimators.scoreFunction().withParallelism(2).estimate(program, s.theta(), 300, 17);
        assertThat(rsa.value()).isEqualTo(score.value());
        for (int j : new int[] {0, 1, 3}) {
            assertThat(Math.abs(rsa.mean(j) - score.mean(j))).as("component %d: %s vs %s", j, rsa.mean(j),
                    score.mean(j)).isLessThan(1e-9 * (1 + Math.abs(score.mean(j))));
        }
        assertThat(Math.abs(score.mean(3))).isGreaterThan(1); // ρ is live in this configuration
    }

    @Test
    void reweightedMeansEqualDirectGenerationAtTheTarget() {
        LundSettings base = LundSettings.defaults().with(LundSettings.E_CM, 50.0);
        double[] target = {0.60, 1.10, 0.36, 0.30};
        LundSettings at = base.withTheta(target);
        int n = 16_000;
        Observable sumPt2 = Observables.sum(HadronQuantity.PT2);
        Observable meanPt2 = e -> StochasticTriple.constant(sumPt2.value(e).value() / e.multiplicity());
        List<Observable> obs = List.of(Observables.multiplicity(), meanPt2, kaons());
        RsaWeights rw = RsaWeights.of(base);
        double[][] weighted = new double[obs.size()][n];
        double[][] plainBase = new double[obs.size()][n];
        double[] wsum = {0, 0};
        new EventGenerator(base).generate(101, n, 2, new java.util.function.Consumer<>() {
            int i;

            @Override
            public void accept(Event e) {
                double w = rw.logWeight(e.history(), target).weight();
                wsum[0] += w;
                wsum[1] += w * w;
                for (int k = 0; k < obs.size(); k++) {
                    double f = obs.get(k).value(e).value();
                    weighted[k][i] = w * f;
                    plainBase[k][i] = f;
                }
                i++;
            }
        });
        double[][] direct = new double[obs.size()][n];
        new EventGenerator(at).generate(202, n, 2, new java.util.function.Consumer<>() {
            int i;

            @Override
            public void accept(Event e) {
                for (int k = 0; k < obs.size(); k++) {
                    direct[k][i] = obs.get(k).value(e).value();
                }
                i++;
            }
        });
        assertThat(wsum[0] / n).as("mean weight").isCloseTo(1.0, org.assertj.core.data.Offset.offset(
                5 * Math.sqrt((wsum[1] / n - Math.pow(wsum[0] / n, 2)) / n)));
        for (int k = 0; k < obs.size(); k++) {
            double[] w = meanSe(weighted[k]);
            double[] d = meanSe(direct[k]);
            double[] b = meanSe(plainBase[k]);
            double se = Math.hypot(w[1], d[1]);
            assertThat(Math.abs(w[0] - d[0])).as("observable %d: reweighted %s vs direct %s (se %s)", k, w[0], d[0],
                    se).isLessThan(5 * se);
            // power: the target differs from the base by more than the test's resolution (the kaon count's
            // difference is the smallest, about 0.38 against se ≈ 0.044 at n = 16000)
            assertThat(Math.abs(b[0] - d[0])).as("power, observable %d: base %s target %s", k, b[0], d[0]).isGreaterThan(6 * se);
        }
    }

    @Test
    void singleZReweightingAndScoreAgreeWithQuadrature() {
        double a = 0.68;
        double b = 0.98;
        double mT2 = 0.2436;
        double head = 1.5;
        double aPrime = 0.85;
        int n = 60_000;
        double[] zw = new double[n];
        double[] zs = new double[n];
        List<LundZ.Trial> trials = new ArrayList<>();
        double[] g = new double[2];
        for (int i = 0; i < n; i++) {
            trials.clear();
            double z = LundZ.sample(PrimalSampler.of(5, i), StochasticTriple.constant(a), StochasticTriple.constant(b),
                    StochasticTriple.constant(mT2), head, false, 1_000_000, trials);
            double lnw = 0;
            double score = 0;
            for (LundZ.Trial t : trials) {
                double lnNew = ZAcceptance.logAlpha(t.z(), aPrime, b, mT2, head, null);
                double lnOld = ZAcceptance.logAlpha(t.z(), a, b, mT2, head, g);
                double alpha = Math.exp(lnOld);
                if (t.accepted()) {
                    lnw += lnNew - lnOld;
                    score += g[0];
                } else {
                    lnw += Math.log1p(-Math.exp(lnNew)) - Math.log1p(-alpha);
                    score += -alpha / (1 - alpha) * g[0];
                }
            }
            zw[i] = Math.exp(lnw) * z;
            zs[i] = z * score;
        }
        double[] w = meanSe(zw);
        double[] s = meanSe(zs);
        double meanAtPrime = meanZ(aPrime, b * mT2);
        double exactDerivative = (meanZ(a + 1e-4, b * mT2) - meanZ(a - 1e-4, b * mT2)) / 2e-4;
        assertThat(exactDerivative).isCloseTo(-0.1059, org.assertj.core.data.Offset.offset(5e-4));
        assertThat(Math.abs(w[0] - meanAtPrime)).as("<z>(a') %s vs %s se %s", w[0], meanAtPrime, w[1])
                .isLessThan(5 * w[1]);
        assertThat(Math.abs(meanZ(a, b * mT2) - meanAtPrime)).isGreaterThan(10 * w[1]);
        assertThat(s[1]).isLessThan(0.01); // resolves a 5 % error of the derivative
        assertThat(Math.abs(s[0] - exactDerivative)).as("d<z>/da %s vs %s se %s", s[0], exactDerivative, s[1])
                .isLessThan(5 * s[1]);
    }

    private static Observable kaons() {
        return e -> StochasticTriple.constant(e.hadrons().stream()
                .filter(h -> Math.abs(h.pdgId()) == 321 || Math.abs(h.pdgId()) == 311).count());
    }

    private static double meanZ(double a, double bm) {
        return LundFunction.of(a, 1, bm).meanZ();
    }

    private static double[] meanSe(double[] x) {
        double m = 0;
        double m2 = 0;
        for (double v : x) {
            m += v;
            m2 += v * v;
        }
        m /= x.length;
        return new double[] {m, Math.sqrt((m2 / x.length - m * m) / x.length)};
    }
}
