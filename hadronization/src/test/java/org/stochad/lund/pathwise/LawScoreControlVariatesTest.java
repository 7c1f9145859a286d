package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stochad.Samplers;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundSettings;

/**
 * Every control variate of the law score has mean 0 — the per-step features times the segments'
 * scores and the sufficient-statistic terms s·T − E[s·T | state] of each z and pT draw — over 10⁵
 * first attempts, within 5 s.e.; and that s.e. is far below the centring constants' own size (a
 * term whose centring were dropped or wrong would be seen at ≫ 5 s.e.).
 */
class LawScoreControlVariatesTest {

    private static final LundSettings PIONS = LundSettings.pionsOnly();
    private static final int N = 100_000;

    @Test
    void everyControlVariateHasMeanZero() {
        for (double[] theta : new double[][] {{0.68, 0.98, 0.335, 0}, {1.4, 0.5, 0.45, 0}}) {
            LawScore law = new LawScore(new FastFragmenter(PIONS), PIONS, theta);
            double[][][] phi = IntStream.range(0, N).parallel()
                    .mapToObj(i -> law.attempt(Samplers.primalStream(31, i)).stateScores()).toArray(double[][][]::new);
            int rows = phi[0].length;
            assertThat(rows).isEqualTo(LawScore.CONTROL_VARIATES);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < 3; j++) {
                    double sum = 0;
                    double sq = 0;
                    for (double[][] p : phi) {
                        sum += p[r][j];
                        sq += p[r][j] * p[r][j];
                    }
                    double mean = sum / N;
                    double se = Math.sqrt((sq / N - mean * mean) / (N - 1));
                    assertThat(Math.abs(mean)).as("theta %s, row %d, direction %d: %s ± %s",
                            java.util.Arrays.toString(theta), r, j, mean, se).isLessThanOrEqualTo(5 * se + 1e-300);
                }
            }
        }
    }

    /** The centring constants are not small: E[s_a·T₁] = Var T₁ per z, summed over ≈ 16 hadrons, against the s.e. above. */
    @Test
    void theCentringIsResolved() {
        double[] theta = {0.68, 0.98, 0.335, 0};
        LawScore law = new LawScore(new FastFragmenter(PIONS), PIONS, theta);
        // the uncentred sum Σ_z s_a·T₁ = Φ row (FEATURES: φ₀ = 1) + Σ_z Var T₁: its mean is Σ Var T₁ > 0
        LundNormTable table = LundNormTable.of(0.68);
        double[] t = new double[LundNormTable.TERMS];
        table.terms(0.98 * 0.2436, t);
        double perZ = t[2];
        double[] row = IntStream.range(0, 20_000).parallel()
                .mapToDouble(i -> law.attempt(Samplers.primalStream(32, i)).stateScores()[StepStates.FEATURES][0])
                .toArray();
        double mean = java.util.Arrays.stream(row).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(row).map(v -> (v - mean) * (v - mean)).sum() / (row.length - 1));
        // dropping the centring would shift the mean by ≈ 14 hadrons × Var T₁
        assertThat(14 * perZ).isGreaterThan(20 * sd / Math.sqrt(row.length));
    }
}
