package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/**
 * Guards the speed work on the pathwise mode against any change of its estimates: stochastic AD
 * (replay, two-sided Bernoulli flips) of ⟨N⟩ and ⟨thrust⟩ over θ = (a, b, σ, ρ) at the pions-only
 * point must give, bit for bit, these values, means and variances (1000 samples, seed 20250613; raw
 * bits of the value, then mean and variance per component). Three formulations: the research
 * harness's {@code byzpl12ts} ({@link PathwiseProgram} with the joint stop, finalTwo in the plane,
 * 12 nodes), the same through the settings ({@code Lund:pathwiseStop = joint},
 * {@code Lund:pathwiseFinalTwo = plane}) and the settings' default pathwise mode (smear stop,
 * radial finalTwo split); and {@code byzpl12ts} with four alternatives per sample (several replayed
 * runs after one run with tangents) and under the hybrid estimator (400 samples each). Recorded at
 * commit 0b9007b, before the pathwise sample was made cheaper; re-recorded when the Lund CDF's
 * quadrature became accurate to 1e-9 (12 nodes had been off by up to 2e-4 in ∂cF): the values
 * (primal) kept their bits, the derivative estimates moved by at most 6e-6 of themselves.
 */
class PathwiseGoldenTest {

    private static final int SAMPLES = 1000;
    /** Samples of the four-alternative replay and of the hybrid. */
    private static final int SAMPLES_MORE = 400;
    private static final long SEED = 20_250_613L;
    private static final LundSettings PIONS = LundSettings.pionsOnly();
    private static final LundSettings PATHWISE = PIONS.with(LundSettings.DIFFERENTIATION, "pathwise");
    private static final LundSettings JOINT_PLANE = PATHWISE.with(LundSettings.PATHWISE_STOP, "joint")
            .with(LundSettings.PATHWISE_FINAL_TWO, "plane");
    /** Fixed pT baselines c (any constant: only the estimates' reproducibility is tested). */
    private static final double BASE_N = 17.0;
    private static final double BASE_T = 0.93;

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("byzpl12ts:N",
                    "402fd47ae147ae0c 40189cb080530205 40754a362e6b2692 c01105f1d3a0c756 406986bf60cf1e43 c037d20ca2088580 40bf9d0696d0de59 0 0"),
            Map.entry("byzpl12ts:T",
                    "3fef9d711b7e40a0 bf772cab9047bb9f 3f534a8dd78d05a5 3f72a97944f7bdda 3f4ba957ac91b68c 3fa952d341545d09 4000e52c565614ba 0 0"),
            Map.entry("settings-joint-plane:N",
                    "402fd47ae147ae0c 40189cb080530205 40754a362e6b2692 c01105f1d3a0c756 406986bf60cf1e43 c037d20ca2088580 40bf9d0696d0de59 0 0"),
            Map.entry("settings-joint-plane:T",
                    "3fef9d711b7e40a0 bf772cab9047bb9f 3f534a8dd78d05a5 3f72a97944f7bdda 3f4ba957ac91b68c 3fa952d341545d09 4000e52c565614ba 0 0"),
            Map.entry("settings-default:N",
                    "402fcb4395810628 40148d342dc05239 408a529cd6afd915 c00f85607c950c02 40789017fd6fd782 c039a53c927c9ae7 40bb1d88868839b0 0 0"),
            Map.entry("settings-default:T",
                    "3fef9d646cc443d4 bf7e8249f25f8a4e 3f64923d5b222838 3f7798d07585cc2c 3f5a3d1c40177f25 3fb8a120e6c8f969 3fffcece73353d1f 0 0"),
            Map.entry("byzpl12ts-m4:N",
                    "402f8cccccccccc8 40178af6dc165bfc 40591c5f95086cdf c01167fd3ec06628 4053976340aa5f78 c0366717ae68338a 40c21ec3b448fdbd 0 0"),
            Map.entry("byzpl12ts-m4:T",
                    "3fef9d6e89042676 bf788ded8ea31cda 3f406fed5309b741 3f75befe4ca01779 3f38b6ee0aaed95e 3fc9744974756651 4001322ab1836aa3 0 0"),
            Map.entry("byzpl12-hybrid:N",
                    "402f8cccccccccce 40154d60664cce86 406f5e13eec9a23a c011bf6929d3b59c 40738c16ba5e2194 c0366717ae68338d 40c21ec3b448fdbc 0 0"));

    @Test
    void pathwiseEstimatesAreUnchangedBitForBit() {
        List<String> mismatches = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        for (String key : keys()) {
            String got = encode(estimate(key));
            actual.append(String.format("            Map.entry(\"%s\",%n                    \"%s\"),%n", key, got));
            if (!got.equals(EXPECTED.get(key))) {
                mismatches.add(key + ": expected " + EXPECTED.get(key) + ", got " + got);
            }
        }
        assertThat(mismatches).as("actual values:%n%s", actual).isEmpty();
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>();
        for (String form : new String[] {"byzpl12ts", "settings-joint-plane", "settings-default", "byzpl12ts-m4"}) {
            k.add(form + ":N");
            k.add(form + ":T");
        }
        k.add("byzpl12-hybrid:N");
        return k;
    }

    private static GradientEstimate estimate(String key) {
        String[] parts = key.split(":");
        boolean n = parts[1].equals("N");
        Observable o = n ? Observables.multiplicity() : Observables.thrust();
        double base = n ? BASE_N : BASE_T;
        StochasticProgram program = switch (parts[0]) {
            case "byzpl12ts", "byzpl12ts-m4", "byzpl12-hybrid" -> new PathwiseProgram(PIONS, o, base,
                    PathwiseFragmenter.Options.standard().withStopByZ(true).withNodes(12).withFinalPlane(true));
            case "settings-joint-plane" -> LundProgram.of(JOINT_PLANE, o).withPtBaseline(base);
            case "settings-default" -> LundProgram.of(PATHWISE, o).withPtBaseline(base);
            default -> throw new IllegalArgumentException("key = " + key);
        };
        double[] theta = {PIONS.aLund(), PIONS.bLund(), PIONS.sigma(), 0};
        if (parts[0].equals("byzpl12ts-m4")) {
            // four alternatives: several replayed runs after one recorded run
            return Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli().alternatives(4))
                    .estimate(program, theta, SAMPLES_MORE, SEED);
        }
        if (parts[0].equals("byzpl12-hybrid")) {
            return Estimators.hybrid().estimate(program, theta, SAMPLES_MORE, SEED);
        }
        Estimator sad = Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli());
        return sad.estimate(program, theta, SAMPLES, SEED);
    }

    private static String encode(GradientEstimate g) {
        StringBuilder s = new StringBuilder(Long.toHexString(Double.doubleToLongBits(g.value())));
        for (int j = 0; j < g.mean().length; j++) {
            s.append(' ').append(Long.toHexString(Double.doubleToLongBits(g.mean(j))));
            s.append(' ').append(Long.toHexString(Double.doubleToLongBits(g.variance(j))));
        }
        return s.toString();
    }
}
