package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.LundSettings;
import org.stochad.lund.io.BinnedData;
import org.stochad.lund.observable.HadronQuantity;

/** The reweighted sample: identity at the base point, exact loss gradients, and weighted histograms vs direct generation. */
class ReweightedSampleTest {

    private static final LundSettings BASE = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on")
            .with(LundSettings.E_CM, 40.0);

    private static List<FitTarget> targets(double[] truth, int events, long seed, double errorScale) {
        double[] th = BASE.theta();
        th[0] = truth[0];
        th[1] = truth[1];
        List<FitTarget> t = PseudoData.targets(BASE.withTheta(th),
                List.of(HistogramSpec.multiplicity(2, 25), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 10)), events,
                seed, 2);
        return t.stream().map(x -> {
            double[] e = x.data().errors();
            for (int k = 0; k < e.length; k++) {
                e[k] = e[k] * errorScale + (errorScale > 1 ? 0.05 : 1e-3);
            }
            return new FitTarget(x.spec(), new BinnedData(x.data().path(), x.data().edges(), x.data().values(), e));
        }).toList();
    }

    @Test
    void atTheBasePointWeightsAreOneAndTheHistogramIsThePlainOne() {
        List<FitTarget> t = targets(new double[] {0.68, 0.98}, 3000, 11, 1);
        ReweightedSample s = ReweightedSample.generate(BASE, t, 3000, 11, 2);
        ReweightedSample.Evaluation e = s.evaluate(BASE.aLund(), BASE.bLund(), HistogramLoss.CHI2);
        assertThat(e.effectiveSampleSize()).isCloseTo(3000, offset(1e-6));
        // same seed and settings as the pseudo-data: identical histograms, loss 0
        assertThat(e.loss()).isCloseTo(0, offset(1e-12));
        for (int k = 0; k < t.size(); k++) {
            assertThat(e.histograms().get(k)).containsExactly(t.get(k).data().values(), offset(1e-12));
        }
    }

    @Test
    void lossGradientMatchesFiniteDifferencesOfTheReweightedLoss() {
        List<FitTarget> t = targets(new double[] {0.62, 1.05}, 4000, 5, 30);
        ReweightedSample s = ReweightedSample.generate(BASE, t, 2000, 6, 2);
        for (HistogramLoss loss : HistogramLoss.values()) {
            double a = 0.66;
            double b = 1.02;
            ReweightedSample.Evaluation e = s.evaluate(a, b, loss);
            double h = 1e-5;
            double fa = (s.evaluate(a + h, b, loss).loss() - s.evaluate(a - h, b, loss).loss()) / (2 * h);
            double fb = (s.evaluate(a, b + h, loss).loss() - s.evaluate(a, b - h, loss).loss()) / (2 * h);
            // χ²: data errors ≫ simulation errors here, so holding σ_sim fixed is negligible (< 1 %)
            double tol = loss == HistogramLoss.CHI2 ? 0.01 : 1e-4;
            assertThat(e.gradient()[0]).as("%s d/da", loss).isCloseTo(fa, offset(tol * Math.abs(fa) + 1e-9));
            assertThat(e.gradient()[1]).as("%s d/db", loss).isCloseTo(fb, offset(tol * Math.abs(fb) + 1e-9));
            assertThat(Math.abs(fa) + Math.abs(fb)).isGreaterThan(1e-6);
        }
    }

    @Test
    void reweightedMultiplicityDistributionMatchesDirectGeneration() {
        double[] target = {0.60, 1.10};
        List<FitTarget> direct = targets(target, 20_000, 21, 1);
        ReweightedSample s = ReweightedSample.generate(BASE, direct, 20_000, 22, 2);
        ReweightedSample.Evaluation e = s.evaluate(target[0], target[1], HistogramLoss.CHI2);
        ReweightedSample.Evaluation atBase = s.evaluate(BASE.aLund(), BASE.bLund(), HistogramLoss.CHI2);
        // χ² of reweighted vs direct, both with their own errors: about one per bin if unbiased
        double[] d = direct.get(0).data().values();
        double[] de = direct.get(0).data().errors();
        double[] w = e.histograms().get(0);
        double[] b = atBase.histograms().get(0);
        double chi2 = 0;
        double chi2Base = 0;
        int bins = 0;
        for (int k = 0; k < d.length; k++) {
            if (d[k] > 0.01) {
                double var = de[k] * de[k] * (1 + 20_000 / e.effectiveSampleSize());
                chi2 += Math.pow(w[k] - d[k], 2) / var;
                chi2Base += Math.pow(b[k] - d[k], 2) / var;
                bins++;
            }
        }
        assertThat(bins).isGreaterThan(8);
        assertThat(chi2).as("chi2 over %d bins", bins).isLessThan(bins + 5 * Math.sqrt(2 * bins));
        assertThat(chi2Base).as("power: the base histogram is far off").isGreaterThan(bins + 20 * Math.sqrt(2 * bins));
    }
}
