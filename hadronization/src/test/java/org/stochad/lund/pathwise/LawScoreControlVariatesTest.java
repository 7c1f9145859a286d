package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stochad.Samplers;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundSettings;

/**
 * Every control variate of the law score has mean 0 — the per-step features times the segments'
 * scores and the sufficient-statistic terms φ·(s·T₁ − E[s·T₁ | c]) of each z — over 10⁵ first
 * attempts, within 5 s.e.; and that s.e. resolves a tenth of the centring E[s_a·T₁ | c] = Var T₁
 * summed over an event's z draws (a term whose centring were dropped or wrong would be seen).
 */
class LawScoreControlVariatesTest {

    private static final LundSettings PIONS = LundSettings.pionsOnly();
    private static final int N = 100_000;
    /** z draws of an event: ⟨N⟩ ≈ 16 hadrons, the last two from finalTwo. */
    private static final int Z_DRAWS = 14;
    /** A typical c = b·m_T² is b times this (m_π² + ⟨p_T²⟩ of a hadron). */
    private static final double TYPICAL_MT2 = 0.2436;

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
                    String what = java.util.Arrays.toString(theta) + ", row " + r + ", direction " + j;
                    assertThat(Math.abs(mean)).as("%s: %s ± %s", what, mean, se).isLessThanOrEqualTo(5 * se);
                    if (r == StepStates.FEATURES && j == 0) {
                        // the constant feature's s_a·T₁ row: its centring per event is ≈ Z_DRAWS·Var T₁
                        double[] t = new double[LundNormTable.TERMS];
                        LundNormTable.of(theta[0]).terms(theta[1] * TYPICAL_MT2, t);
                        assertThat(5 * se).as("%s resolves a tenth of the centring", what)
                                .isLessThan(0.1 * Z_DRAWS * t[2]);
                    }
                }
            }
        }
    }
}
