package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observables;

/**
 * The generator's pathwise mode ({@code Lund:differentiation = pathwise}) through the public
 * program: its d⟨N⟩/da agrees with a common-random-number central difference at a reduced sample
 * count, and the default mode is unchanged.
 */
class PathwiseModeTest {

    private static final LundSettings PIONS = LundSettings.pionsOnly();

    @Test
    void theSettingSelectsTheModeAndFlipsStaysTheDefault() {
        assertThat(LundSettings.defaults().differentiation()).isEqualTo(LundSettings.Differentiation.FLIPS);
        assertThat(PIONS.with(LundSettings.DIFFERENTIATION, "Pathwise").differentiation())
                .isEqualTo(LundSettings.Differentiation.PATHWISE);
        assertThatThrownBy(() -> PIONS.with(LundSettings.DIFFERENTIATION, "smooth"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("Lund:differentiation", "smooth");
        // finalTwo's conditioning: radial by default, plane selectable, anything else refused
        assertThat(PIONS.pathwiseFinalTwo()).isEqualTo(LundSettings.PathwiseFinalTwo.RADIAL);
        LundSettings plane = PIONS.with(LundSettings.PATHWISE_FINAL_TWO, "Plane");
        assertThat(PathwiseFragmenter.Options.of(plane).finalPlane()).isTrue();
        assertThat(PathwiseFragmenter.Options.of(PIONS).finalPlane()).isFalse();
        assertThatThrownBy(() -> PIONS.with(LundSettings.PATHWISE_FINAL_TWO, "disc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("Lund:pathwiseFinalTwo", "disc");
        // the flips mode of the event generator is the plain generator, event for event
        EventGenerator flips = new EventGenerator(PIONS.with(LundSettings.DIFFERENTIATION, "flips"));
        EventGenerator plain = new EventGenerator(PIONS);
        for (int i = 0; i < 20; i++) {
            assertThat(flips.event(5, i).hadrons().get(0).eValue()).isEqualTo(plain.event(5, i).hadrons().get(0).eValue());
        }
    }

    /**
     * d⟨N⟩/da and d⟨N⟩/db on pions-only u-ū strings at 100 GeV: stochastic AD on the pathwise
     * mode against a CRN central difference (h = 0.02, bias O(h²) far below the s.e.) of the plain
     * generator, within 5 combined s.e.; the s.e. of the pathwise estimate is below 8 % of the
     * derivative (a few seconds can only expose a bias of about 30 %; the acceptance run with 3 % power is
     * the comparison's job).
     */
    @Test
    void multiplicityDerivativeAgreesWithACentralDifference() {
        double[] ab = {PIONS.aLund(), PIONS.bLund()};
        LundProgram pathwise = LundProgram.of(PIONS.with(LundSettings.DIFFERENTIATION, "pathwise"),
                Observables.multiplicity()).overAB();
        LundProgram plain = LundProgram.of(PIONS, Observables.multiplicity()).overAB();
        GradientEstimate g = Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(1))
                .estimate(pathwise, ab, 64_000, 131);
        GradientEstimate fd = Estimators.finiteDifference(0.02).estimate(plain, ab, 6_000, 132);
        for (int j = 0; j < 2; j++) {
            double se = Math.hypot(g.standardError(j), fd.standardError(j));
            assertThat(g.standardError(j)).as("se of component %d (mean %s)", j, g.mean(j))
                    .isLessThan(0.08 * Math.abs(fd.mean(j)));
            assertThat(Math.abs(g.mean(j) - fd.mean(j))).as("component %d: pathwise %s ± %s vs FD %s ± %s", j,
                    g.mean(j), g.standardError(j), fd.mean(j), fd.standardError(j)).isLessThanOrEqualTo(5 * se);
        }
    }
}
