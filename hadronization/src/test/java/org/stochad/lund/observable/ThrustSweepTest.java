package org.stochad.lund.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.Samplers;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.Hadron;
import org.stochad.lund.LundSettings;

/** The O(n² log n) thrust axis equals the O(n³) scan's bit for bit. */
class ThrustSweepTest {

    @Test
    void sameAxisAsTheCubicScanOnTenThousandEvents() {
        for (LundSettings s : List.of(LundSettings.pionsOnly(), LundSettings.defaults().with(LundSettings.E_CM, 20.0))) {
            FastFragmenter fast = new FastFragmenter(s);
            for (int i = 0; i < 10_000; i++) {
                Event e = fast.fragment(Samplers.primalStream(11, i));
                assertSameAxis(e, s + " event " + i);
                assertEquals(Double.doubleToRawLongBits(EventShapes.thrust(e).value()),
                        Double.doubleToRawLongBits(EventShapes.thrustValue(e)), "thrust value, event " + i);
            }
        }
    }

    @Test
    void smallAndDegenerateEvents() {
        assertSameAxis(event(new double[][] {}), "empty");
        assertSameAxis(event(new double[][] {{1, 2, 3}}), "one");
        assertSameAxis(event(new double[][] {{1, 2, 3}, {-1, -2, -3}}), "back to back");
        assertSameAxis(event(new double[][] {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}}), "planar cross");
        assertSameAxis(event(new double[][] {{1, 0, 0}, {2, 0, 0}, {-3, 0, 0}, {0, 0, 1}, {0, 0, -1}}), "collinear");
        assertSameAxis(event(new double[][] {{0, 0, 0}, {1, 1, 0}, {-1, -1, 0}}), "null momentum");
    }

    private static void assertSameAxis(Event e, String what) {
        double[] want = EventShapes.thrustAxisCubic(e);
        double[] got = EventShapes.thrustAxis(e);
        for (int k = 0; k < 3; k++) {
            assertEquals(Double.doubleToRawLongBits(want[k]), Double.doubleToRawLongBits(got[k]),
                    what + ": axis component " + k + " " + want[k] + " vs " + got[k]);
        }
    }

    private static Event event(double[][] p) {
        List<Hadron> h = new ArrayList<>();
        for (double[] q : p) {
            double e = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + 0.0195);
            h.add(new Hadron(211, 0.13957, StochasticTriple.constant(q[0]), StochasticTriple.constant(q[1]),
                    StochasticTriple.constant(q[2]), StochasticTriple.constant(e), 0, 1, false));
        }
        return new Event(10, h, 0, null);
    }
}
