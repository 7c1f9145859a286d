package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.ClosedForms.Case;

/**
 * Proves that the mirrored closed-form programs really exercise the negative-tangent branch of
 * the weight table: every discrete draw's parameter has δ &gt; 0 in the direct program and δ &lt; 0
 * in the mirror.
 */
class TangentSignTest {

    static Stream<Case> cases() {
        return ClosedForms.all().stream();
    }

    private static RecordingSampler.Tangents run(Case c, boolean mirrored) {
        RecordingSampler.Tangents t = new RecordingSampler.Tangents();
        Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(c.recorded(mirrored, t), new double[] {c.theta(mirrored)}, 500, 17);
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void directIsPositiveMirrorIsNegative(Case c) {
        RecordingSampler.Tangents direct = run(c, false);
        assertThat(direct.min.get()).as("direct min δ").isGreaterThan(0);
        RecordingSampler.Tangents mirror = run(c, true);
        assertThat(mirror.max.get()).as("mirror max δ").isLessThan(0);
    }

    @Test
    void bernoulliJumpsUpForPositiveAndDownForNegativeTangent() {
        // With δ > 0 only x = 0 may jump (to 1); with δ < 0 only x = 1 may jump (to 0).
        StochasticProgram direct = (s, th) -> checkJump(s.bernoulli(th[0]), +1);
        StochasticProgram mirror = (s, th) -> checkJump(s.bernoulli(th[0].neg().plus(1)), -1);
        Estimator e = Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1));
        assertThat(e.estimate(direct, new double[] {0.3}, 2000, 5).mean(0)).isGreaterThan(0);
        assertThat(e.estimate(mirror, new double[] {0.7}, 2000, 5).mean(0)).isLessThan(0);
    }

    private static StochasticTriple checkJump(StochasticTriple x, int sign) {
        if (x.hasPerturbation()) {
            assertThat(x.perturbationShift()).isEqualTo(sign);
            assertThat(x.value()).isEqualTo(sign > 0 ? 0 : 1);
            assertThat(x.perturbationWeight()).isEqualTo(sign > 0 ? 1 / 0.7 : 1 / 0.3, org.assertj.core.data.Offset.offset(1e-12));
        }
        return x;
    }
}
