package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.StochasticTriple;

/** A hadron with constant kinematics kept as values is the hadron with constant triples, accessor for accessor. */
class HadronTest {

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void valuesOnlyHadronMatchesTheOneWithConstantTriples() {
        double[][] momenta = {{0.31, -0.27, 12.5, 12.51}, {-0.0, 0.0, -3.25, 3.3}, {1e-300, -7.5, 0.5, 9.0}};
        for (double[] p : momenta) {
            Hadron light = Hadron.of(321, 0.493677, p[0], p[1], p[2], p[3], 1, 4, true);
            Hadron full = new Hadron(321, 0.493677, StochasticTriple.constant(p[0]), StochasticTriple.constant(p[1]),
                    StochasticTriple.constant(p[2]), StochasticTriple.constant(p[3]), 1, 4, true);
            assertThat(light.constantKinematics()).isTrue();
            assertThat(full.constantKinematics()).isFalse();
            assertThat(light.pdgId()).isEqualTo(321);
            assertThat(light.end()).isEqualTo(1);
            assertThat(light.rank()).isEqualTo(4);
            assertThat(light.fromFinalTwo()).isTrue();
            assertThat(light.charge()).isEqualTo(full.charge()).isEqualTo(1);
            assertThat(bits(light.mass())).isEqualTo(bits(full.mass()));
            for (double[] pair : new double[][] {{light.pxValue(), full.pxValue()}, {light.pyValue(), full.pyValue()},
                {light.pzValue(), full.pzValue()}, {light.eValue(), full.eValue()}, {light.pt2(), full.pt2()},
                {light.pAbs(), full.pAbs()}, {light.rapidity(), full.rapidity()}}) {
                assertThat(bits(pair[0])).isEqualTo(bits(pair[1]));
            }
            List<StochasticTriple> a = List.of(light.px(), light.py(), light.pz(), light.e());
            List<StochasticTriple> b = List.of(full.px(), full.py(), full.pz(), full.e());
            for (int i = 0; i < 4; i++) {
                assertThat(bits(a.get(i).value())).isEqualTo(bits(b.get(i).value())).isEqualTo(bits(p[i]));
                assertThat(a.get(i).directions()).isEqualTo(b.get(i).directions());
                assertThat(a.get(i).hasPerturbation()).isFalse();
                // arithmetic on the returned triples is that on the kept ones
                StochasticTriple x = a.get(i).times(StochasticTriple.of(2.0, 1.0, -0.5)).exp();
                StochasticTriple y = b.get(i).times(StochasticTriple.of(2.0, 1.0, -0.5)).exp();
                assertThat(bits(x.value())).isEqualTo(bits(y.value()));
                assertThat(bits(x.delta(0))).isEqualTo(bits(y.delta(0)));
                assertThat(bits(x.delta(1))).isEqualTo(bits(y.delta(1)));
            }
        }
    }

    @Test
    void equalityIsByFieldsAndKeepsTheTriples() {
        Hadron a = Hadron.of(211, 0.13957, 0.1, 0.2, 3.0, 3.01, 0, 2, false);
        assertThat(a).isEqualTo(Hadron.of(211, 0.13957, 0.1, 0.2, 3.0, 3.01, 0, 2, false));
        assertThat(a.hashCode()).isEqualTo(Hadron.of(211, 0.13957, 0.1, 0.2, 3.0, 3.01, 0, 2, false).hashCode());
        assertThat(a).isNotEqualTo(Hadron.of(211, 0.13957, 0.1, 0.2, 3.0, 3.01, 0, 3, false));
        assertThat(a).isNotEqualTo(Hadron.of(-211, 0.13957, 0.1, 0.2, 3.0, 3.01, 0, 2, false));
        assertThat(a).isNotEqualTo(Hadron.of(211, 0.13957, -0.1, 0.2, 3.0, 3.01, 0, 2, false));
        StochasticTriple px = StochasticTriple.of(0.1, 0, 0, 0.7, 0);
        Hadron t = new Hadron(211, 0.13957, px, StochasticTriple.constant(0.2), StochasticTriple.constant(3.0),
                StochasticTriple.constant(3.01), 0, 2, false);
        assertThat(t.px()).isSameAs(px);
        assertThat(t.px().delta(2)).isEqualTo(0.7);
        assertThat(t).isEqualTo(t).isNotEqualTo(a);
        assertThat(a.toString()).contains("pdgId=211", "rank=2");
    }

    @Test
    void aMissingMomentumComponentIsRefusedByName() {
        StochasticTriple c = StochasticTriple.constant(1);
        assertThatThrownBy(() -> new Hadron(211, 0.13957, c, null, c, c, 0, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("py = null");
    }
}
