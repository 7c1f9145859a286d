package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.stochad.lund.io.BinnedData;

/**
 * The data covariance of a χ² fit: the sandwich formula against the spread of exact weighted
 * least-squares fits of a linear model to many fluctuated data sets.
 */
class LossCurvatureTest {

    private static final double[][] JACOBIAN = {{1.0, 0.8}, {0.5, 0.6}, {-0.3, -0.1}, {2.0, 1.2}, {0.2, 0.9}};
    private static final double[] DATA_ERR = {0.10, 0.20, 0.05, 0.30, 0.15};
    private static final double[] SIM_VAR = {0.04, 0.001, 0.01, 0.0, 0.09};

    @Test
    void sandwichCovarianceMatchesTheSpreadOfRefittedFluctuatedData() {
        HistogramSpec spec = HistogramSpec.multiplicity(2, 6);
        BinnedData data = new BinnedData("/test", spec.edges(), new double[5], DATA_ERR.clone());
        List<FitTarget> targets = List.of(new FitTarget(spec, data));
        ReweightedSample.Evaluation e = new ReweightedSample.Evaluation(0, new double[2], 1, List.of(new double[5]),
                List.of(SIM_VAR.clone()), List.<double[][]>of(JACOBIAN));
        LossCurvature c = LossCurvature.of(e, targets, 1, 1);

        // weighted least squares θ̂ = A⁻¹ Σ W_k J_k δd_k for δd_k ~ N(0, σ_k²), W_k = 1/(v_k + σ_k²)
        double[][] a = new double[2][2];
        for (int k = 0; k < 5; k++) {
            double w = 1 / (SIM_VAR[k] + DATA_ERR[k] * DATA_ERR[k]);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    a[i][j] += w * JACOBIAN[k][i] * JACOBIAN[k][j];
                }
            }
        }
        assertThat(c.metric()[0][0]).isCloseTo(a[0][0], org.assertj.core.data.Offset.offset(1e-12));
        double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 40_000;
        double[] s = new double[2];
        double[] s2 = new double[2];
        for (int r = 0; r < n; r++) {
            double[] rhs = new double[2];
            for (int k = 0; k < 5; k++) {
                double w = 1 / (SIM_VAR[k] + DATA_ERR[k] * DATA_ERR[k]);
                double dd = DATA_ERR[k] * normal.sample();
                rhs[0] += w * JACOBIAN[k][0] * dd;
                rhs[1] += w * JACOBIAN[k][1] * dd;
            }
            double t0 = (a[1][1] * rhs[0] - a[0][1] * rhs[1]) / det;
            double t1 = (-a[1][0] * rhs[0] + a[0][0] * rhs[1]) / det;
            s[0] += t0;
            s[1] += t1;
            s2[0] += t0 * t0;
            s2[1] += t1 * t1;
        }
        for (int j = 0; j < 2; j++) {
            double mean = s[j] / n;
            double var = s2[j] / n - mean * mean;
            double se = var * Math.sqrt(2.0 / (n - 1));
            double exact = c.dataCovariance()[j][j];
            assertThat(Math.abs(var - exact)).as("variance of parameter %d", j).isLessThanOrEqualTo(5 * se);
            // power: the inverse metric (which counts the simulation's variance as data) is far off
            double inverseMetric = (j == 0 ? a[1][1] : a[0][0]) / det;
            assertThat(Math.abs(inverseMetric - exact)).isGreaterThan(20 * se);
            assertThat(c.dataSd()[j]).isEqualTo(Math.sqrt(exact));
        }
    }

    @Test
    void simulatedVarianceIsRescaledToTheFitsSampleSize() {
        HistogramSpec spec = HistogramSpec.multiplicity(2, 6);
        BinnedData data = new BinnedData("/test", spec.edges(), new double[5], DATA_ERR.clone());
        List<FitTarget> targets = List.of(new FitTarget(spec, data));
        double[] quarter = new double[5];
        for (int k = 0; k < 5; k++) {
            quarter[k] = SIM_VAR[k] / 4;
        }
        LossCurvature fromBig = LossCurvature.of(new ReweightedSample.Evaluation(0, new double[2], 1,
                List.of(new double[5]), List.of(quarter), List.<double[][]>of(JACOBIAN)), targets, 1000, 4000);
        LossCurvature direct = LossCurvature.of(new ReweightedSample.Evaluation(0, new double[2], 1,
                List.of(new double[5]), List.of(SIM_VAR.clone()), List.<double[][]>of(JACOBIAN)), targets, 1, 1);
        for (int i = 0; i < 2; i++) {
            assertThat(fromBig.dataCovariance()[i]).containsExactly(direct.dataCovariance()[i],
                    org.assertj.core.data.Offset.offset(1e-15));
        }
    }
}
