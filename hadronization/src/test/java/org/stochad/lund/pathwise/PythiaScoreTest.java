package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.junit.jupiter.api.Test;
import org.stochad.StochasticTriple;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;

/**
 * The score of the pathwise fragmenter's events in Pythia's parameterisation ({@link
 * PathwiseFragmenter.Result#score}, plus the pT weight's tangent), which the hybrid estimator mixes
 * with stochastic AD: the score-function estimate (N − c)·S it gives is unbiased, checked against
 * independent central differences of ⟨N⟩, for both signs of the tangent; and S itself has mean 0.
 */
class PythiaScoreTest {

    /** The pathwise mode's defaults: smear stop, finalTwo split radially (z by the core's continuous draw). */
    private static final LundSettings SMEAR = LundSettings.pionsOnly().with(LundSettings.DIFFERENTIATION, "pathwise");
    /** Joint stop, finalTwo in the plane (z from the joint step's conditional law). */
    private static final LundSettings JOINT_PLANE = SMEAR.with(LundSettings.PATHWISE_STOP, "joint")
            .with(LundSettings.PATHWISE_FINAL_TWO, "plane");
    private static final double[] THETA = {0.68, 0.98, 0.335, 0};
    /**
     * CRN central differences (h = 0.02) of ⟨N⟩ over 3.2·10⁶ samples (flips mode; research note,
     * round 3): d⟨N⟩/da = 5.5081 ± 0.0184, d⟨N⟩/db = −4.0837 ± 0.0189, d⟨N⟩/dσ = −24.060 ± 0.037.
     */
    private static final double[] FD = {5.5081, -4.0837, -24.060};
    private static final double[] FD_SE = {0.0184, 0.0189, 0.037};
    /** A baseline fixed in advance (≈ ⟨N⟩ = 16.09). */
    private static final double BASELINE = 16.0;

    /** Per event: the score-function estimates (N − c)·S_j (j = a, b, σ) and S_a, S_b. */
    private static double[] row(PathwiseFragmenter fragmenter, LundSettings settings, double sign, long seed, int i) {
        PathwiseFragmenter.Result r = fragmenter.fragmentFull(PrimalSampler.of(seed, i),
                LundParameters.withUnitTangents(THETA, sign, settings));
        double[] s = r.score();
        StochasticTriple w = r.event().weight();
        double centred = r.event().multiplicity() - BASELINE;
        return new double[] {centred * (s[0] + w.delta(0)), centred * (s[1] + w.delta(1)),
            centred * (s[2] + w.delta(2)), s[0], s[1]};
    }

    private static double[][] meanAndSe(LundSettings settings, double sign, int n, long seed) {
        PathwiseFragmenter fragmenter = PathwiseFragmenter.of(settings);
        double[][] rows = IntStream.range(0, n).parallel().mapToObj(i -> row(fragmenter, settings, sign, seed, i))
                .toArray(double[][]::new);
        int m = rows[0].length;
        double[][] out = new double[2][m];
        for (int c = 0; c < m; c++) {
            int col = c;
            double[] x = Arrays.stream(rows).mapToDouble(r -> r[col]).toArray();
            out[0][c] = Mean.of(x).getAsDouble();
            out[1][c] = Math.sqrt(Variance.of(x).getAsDouble() / n);
        }
        return out;
    }

    /**
     * 30,000 events per form and sign (about 2 s each; joint stop with both signs, smear stop): the
     * s.e. of d⟨N⟩/da is about 0.06, so 5 combined s.e. are about 6 % of it — a score that missed, say, the normalisation of one hadron in ten (≈ 16 % of
     * d⟨N⟩/da's score part) or the veto's and ordering's terms would fail.
     */
    @Test
    void theScoreFunctionOfTheSameEventsIsUnbiasedForBothTangentSigns() {
        for (double sign : new double[] {1, -1}) {
            checkAgainstTheCentralDifference(JOINT_PLANE, sign);
        }
        checkAgainstTheCentralDifference(SMEAR, 1);
    }

    private static void checkAgainstTheCentralDifference(LundSettings settings, double sign) {
        double[][] ms = meanAndSe(settings, sign, 30_000, 20_261_202L);
        for (int j = 0; j < 3; j++) {
            double combined = Math.hypot(ms[1][j], FD_SE[j]);
            assertThat(Math.abs(ms[0][j] - sign * FD[j])).as("sign %s, d<N>/dθ_%s = %s ± %s vs FD %s", sign, j,
                    ms[0][j], ms[1][j], sign * FD[j]).isLessThanOrEqualTo(5 * combined);
        }
        assertThat(5 * Math.hypot(ms[1][0], FD_SE[0])).isLessThan(0.07 * Math.abs(FD[0]));
        assertThat(5 * Math.hypot(ms[1][1], FD_SE[1])).isLessThan(0.12 * Math.abs(FD[1]));
        // the score has mean 0 (its law's normalisation is right)
        for (int j = 3; j < 5; j++) {
            assertThat(Math.abs(ms[0][j])).as("mean score %s = %s ± %s", j - 3, ms[0][j], ms[1][j])
                    .isLessThanOrEqualTo(5 * ms[1][j]);
        }
    }
}
