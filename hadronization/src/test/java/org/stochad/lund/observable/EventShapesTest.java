package org.stochad.lund.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.FragmentationHistory;
import org.stochad.lund.Hadron;
import org.stochad.lund.LundSettings;

class EventShapesTest {

    private static Hadron massless(double px, double py, double pz) {
        double e = Math.sqrt(px * px + py * py + pz * pz);
        return new Hadron(111, 0, StochasticTriple.constant(px), StochasticTriple.constant(py),
                StochasticTriple.constant(pz), StochasticTriple.constant(e), 0, 1, false);
    }

    private static Event event(Hadron... h) {
        double e = 0;
        for (Hadron x : h) {
            e += x.eValue();
        }
        return new Event(e, List.of(h), 0, new FragmentationHistory(List.of(), List.of(), List.of(), List.of(), 1));
    }

    @Test
    void knownConfigurations() {
        Event twoJets = event(massless(0, 0, 5), massless(0, 0, -5));
        assertThat(EventShapes.thrust(twoJets).value()).isCloseTo(1, Offset.offset(1e-12));
        assertThat(EventShapes.sphericity(twoJets).value()).isCloseTo(0, Offset.offset(1e-12));
        // symmetric three-jet (Mercedes) event: T = 2/3
        Event mercedes = event(massless(1, 0, 0), massless(-0.5, Math.sqrt(3) / 2, 0),
                massless(-0.5, -Math.sqrt(3) / 2, 0));
        assertThat(EventShapes.thrust(mercedes).value()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
        // six momenta along ±x, ±y, ±z: isotropic tensor, S = 1; T = max(|nx|+|ny|+|nz|)/3 = 1/√3
        Event iso = event(massless(1, 0, 0), massless(-1, 0, 0), massless(0, 1, 0), massless(0, -1, 0),
                massless(0, 0, 1), massless(0, 0, -1));
        assertThat(EventShapes.sphericity(iso).value()).isCloseTo(1, Offset.offset(1e-12));
        assertThat(EventShapes.thrust(iso).value()).isCloseTo(1 / Math.sqrt(3), Offset.offset(1e-12));
    }

    @Test
    void exactThrustBeatsEveryDirectionOfAFineScan() {
        List<Event> events = new ArrayList<>();
        new EventGenerator(LundSettings.pionsOnly().withAssignments("Beams:eCM = 6")).generate(3, 40, 1,
                events::add);
        for (Event e : events) {
            double t = EventShapes.thrust(e).value();
            double den = 0;
            for (Hadron h : e.hadrons()) {
                den += h.pAbs();
            }
            double best = 0;
            int k = 20_000;
            for (int i = 0; i < k; i++) { // Fibonacci sphere
                double z = 1 - (2 * i + 1.0) / k;
                double r = Math.sqrt(1 - z * z);
                double phi = i * Math.PI * (3 - Math.sqrt(5));
                double nx = r * Math.cos(phi);
                double ny = r * Math.sin(phi);
                double s = 0;
                for (Hadron h : e.hadrons()) {
                    s += Math.abs(h.pxValue() * nx + h.pyValue() * ny + h.pzValue() * z);
                }
                best = Math.max(best, s / den);
            }
            assertThat(t).isGreaterThanOrEqualTo(best - 1e-12);
            assertThat(t - best).isLessThan(2e-3); // the scan comes close to the exact maximum
        }
    }

    @Test
    void thrustTangentIsTheDerivativeAtTheFixedAxis() {
        // scale one transverse component with a tangent: d/dθ of Σ|p·n|/Σ|p| at fixed n
        Hadron a = new Hadron(111, 0, StochasticTriple.of(0.3, 1), StochasticTriple.of(0, 0),
                StochasticTriple.of(4, 0), StochasticTriple.of(Math.hypot(0.3, 4), 0.3 / Math.hypot(0.3, 4)), 0, 1,
                false);
        Hadron b = new Hadron(111, 0, StochasticTriple.of(-0.3, -1), StochasticTriple.of(0, 0),
                StochasticTriple.of(-4, 0), StochasticTriple.of(Math.hypot(0.3, 4), 0.3 / Math.hypot(0.3, 4)), 1, 1,
                false);
        StochasticTriple t = EventShapes.thrust(event(a, b));
        assertThat(t.value()).isCloseTo(1, Offset.offset(1e-12));
        assertThat(t.delta()).isCloseTo(0, Offset.offset(1e-12)); // back-to-back stays T = 1
    }

    @Test
    void observablesParse() {
        Event e = event(massless(0, 0, 5), massless(0, 0, -5));
        assertThat(Observables.parse("multiplicity").value(e).value()).isEqualTo(2);
        assertThat(Observables.parse("charged").value(e).value()).isEqualTo(0);
        assertThat(Observables.parse("bin:multiplicity:1.5:2.5").value(e).value()).isEqualTo(1);
        assertThat(Observables.parse("bin:xE:0.9:1.1").value(e).value()).isEqualTo(2);
        assertThat(Observables.parse("sum:xE").value(e).value()).isCloseTo(2, Offset.offset(1e-12));
        assertThat(Observables.parse("bin:rapidity:-1:1").value(e).value()).isEqualTo(0);
        assertThatThrownBy(() -> Observables.parse("bin:xE:1:0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1.0, 0.0)");
        assertThatThrownBy(() -> Observables.parse("nonsense")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonsense");
    }
}
