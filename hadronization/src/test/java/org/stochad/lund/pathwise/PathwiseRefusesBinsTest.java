package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitTarget;
import org.stochad.lund.fit.HistogramSpec;
import org.stochad.lund.fit.LundFit;
import org.stochad.lund.fit.PseudoData;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Observables;

/**
 * The pathwise mode misses the bin-edge crossings of histogram bins of hadron momenta (measured:
 * the |y| &lt; 0.5 bin +11 σ, an x_E bin −9 σ in the research note), so it refuses them instead of
 * returning a biased derivative; the flips mode and the pathwise mode's continuous or discrete
 * observables stay allowed.
 */
class PathwiseRefusesBinsTest {

    private static final LundSettings PATHWISE = LundSettings.pionsOnly()
            .with(LundSettings.DIFFERENTIATION, LundSettings.Differentiation.PATHWISE.word());

    @Test
    void aHadronBinIsRefusedInPathwiseModeAndNamesTheFix() {
        assertThatThrownBy(() -> LundProgram.of(PATHWISE, Observables.hadronBin(HadronQuantity.RAPIDITY, -0.5, 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("histogram bin")
                .hasMessageContaining(LundSettings.DIFFERENTIATION + " = flips");
        assertThatThrownBy(() -> LundProgram.of(PATHWISE, Observables.multiplicity())
                .withObservable(Observables.parse("bin:xE:0.1:0.2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void continuousAndDiscreteObservablesStayAllowed() {
        for (String o : List.of("multiplicity", "charged", "thrust", "sphericity", "sum:pT2", "bin:multiplicity:14:18")) {
            assertThat(LundProgram.of(PATHWISE, Observables.parse(o))).isNotNull();
        }
        // the flips mode differentiates bins correctly (momenta carry no tangent; jumps come from flips)
        assertThat(LundProgram.of(LundSettings.pionsOnly(), Observables.parse("bin:rapidity:-0.5:0.5"))).isNotNull();
    }

    @Test
    void aResimulatedFitInPathwiseModeIsRefused() {
        List<HistogramSpec> specs = List.of(HistogramSpec.multiplicity(8, 26));
        List<FitTarget> targets = PseudoData.targets(LundSettings.pionsOnly(), specs, 200, 7, 1);
        LundFit fit = LundFit.of(PATHWISE, targets, LundFit.Options.quick());
        assertThatThrownBy(() -> fit.fitResimulated(new double[] {0.6, 1.0}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pathwise");
    }
}
