package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The normalisation's score terms N_a/N and c·N_c/N against adaptive quadrature of the three
 * integrals (commons-math3's high-precision Gauss–Legendre, {@link LundZCdfTest#reference}), inside
 * the interpolated range, at its ends and outside it (quadrature fallback), for a from 0 to 3.
 */
class LundNormTableTest {

    @Test
    void termsAgreeWithAdaptiveQuadrature() {
        for (double a : new double[] {0, 0.02, 0.68, 1.0, 3.0}) {
            LundNormTable table = LundNormTable.of(a);
            assertThat(table.interpolated()).as("a = %s", a).isTrue();
            double[] terms = new double[2];
            for (double c : new double[] {3e-7, LundNormTable.C_LOW, 1e-5, 2e-4, 1e-3, 0.0191, 0.2436, 0.7, 3.3,
                LundNormTable.C_HIGH, 80}) {
                double n = LundZCdfTest.reference(0, 1, a, c, u -> 1);
                double na = LundZCdfTest.reference(0, 1, a, c, u -> Math.log1p(-u));
                double nc = LundZCdfTest.reference(0, 1, a, c, u -> 1 / u);
                table.terms(c, terms);
                assertThat(terms[0]).as("N_a/N at a = %s, c = %s", a, c).isCloseTo(na / n, within(1e-10));
                assertThat(terms[1]).as("c N_c/N at a = %s, c = %s", a, c).isCloseTo(c * nc / n, within(1e-10));
            }
        }
    }

    /** Far beyond any hadron's m_T² the normalisation underflows: an error, never a NaN score. */
    @Test
    void anUnrepresentableNormalisationIsAnError() {
        assertThatThrownBy(() -> LundNormTable.of(0.68).terms(1000, new double[2]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c = b*mT2 = 1000");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LundNormTable.of(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a = -0.1");
        assertThatThrownBy(() -> LundNormTable.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a = NaN");
    }
}
