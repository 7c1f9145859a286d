package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The sufficient statistics' moments (the normalisation's score terms N_a/N and c·N_c/N, and the
 * covariances of T₁ = ln(1 − z) and cT₂ = c/z) against adaptive quadrature of the six integrals
 * (commons-math3's high-precision Gauss–Legendre, {@link LundZCdfTest#reference}), ln N and the
 * normalisation integrals {@link LundNormTable#totals} gives (relative), inside the
 * interpolated range, at its ends and outside it (quadrature fallback), for a from 0 to 3.
 */
class LundNormTableTest {

    @Test
    void termsAgreeWithAdaptiveQuadrature() {
        for (double a : new double[] {0, 0.02, 0.68, 1.0, 3.0}) {
            LundNormTable table = LundNormTable.of(a);
            assertThat(table.interpolated()).as("a = %s", a).isTrue();
            double[] terms = new double[LundNormTable.TERMS];
            for (double c : new double[] {3e-7, LundNormTable.C_LOW, 1e-5, 2e-4, 1e-3, 0.0191, 0.2436, 0.7, 3.3,
                LundNormTable.C_HIGH, 80}) {
                double n = LundZCdfTest.reference(0, 1, a, c, u -> 1);
                double m1 = LundZCdfTest.reference(0, 1, a, c, u -> Math.log1p(-u)) / n;
                double m2 = LundZCdfTest.reference(0, 1, a, c, u -> c / u) / n;
                double m11 = LundZCdfTest.reference(0, 1, a, c, u -> Math.log1p(-u) * Math.log1p(-u)) / n;
                double m12 = LundZCdfTest.reference(0, 1, a, c, u -> Math.log1p(-u) * (c / u)) / n;
                table.terms(c, terms);
                double[] want = {m1, m2, m11 - m1 * m1, m12 - m1 * m2, Math.log(n)};
                String[] names = {"E[T1]", "c E[T2]", "Var T1", "c Cov(T1, T2)", "ln N"};
                for (int t = 0; t < LundNormTable.TERMS; t++) {
                    assertThat(terms[t]).as("%s at a = %s, c = %s", names[t], a, c).isCloseTo(want[t],
                            within(1e-10 * Math.max(1, Math.abs(want[t]))));
                }
                // the normalisation integrals themselves, relative
                LundZCdf.Totals totals = table.totals(c);
                double na = LundZCdfTest.reference(0, 1, a, c, u -> Math.log1p(-u));
                double nc = LundZCdfTest.reference(0, 1, a, c, u -> 1 / u);
                assertThat(totals.norm() / n - 1).as("N at a = %s, c = %s", a, c).isCloseTo(0, within(1e-10));
                assertThat(totals.normC() / nc - 1).as("N_c at a = %s, c = %s", a, c).isCloseTo(0, within(1e-9));
                if (a > 0 || c > 1e-6) {
                    assertThat(totals.normA() / na - 1).as("N_a at a = %s, c = %s", a, c).isCloseTo(0, within(1e-9));
                }
            }
        }
    }

    /** Far beyond any hadron's m_T² the normalisation underflows: an error, never a NaN score. */
    @Test
    void anUnrepresentableNormalisationIsAnError() {
        assertThatThrownBy(() -> LundNormTable.of(0.68).terms(1000, new double[LundNormTable.TERMS]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c = b*mT2 = 1000");
    }

    /** {@link LundTotals} keeps one table per a and gives each a its own. */
    @Test
    void totalsPerA() {
        LundTotals totals = new LundTotals();
        for (double a : new double[] {0.68, 0.0, 0.68, 1.2}) {
            double c = 0.0191;
            assertThat(totals.at(a, c).norm() / LundZCdfTest.reference(0, 1, a, c, u -> 1) - 1).as("a = %s", a)
                    .isCloseTo(0, within(1e-10));
        }
        assertThatThrownBy(() -> totals.at(0.68, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c = 0");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LundNormTable.of(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a = -0.1");
        assertThatThrownBy(() -> LundNormTable.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a = NaN");
    }
}
