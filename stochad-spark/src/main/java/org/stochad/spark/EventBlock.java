package org.stochad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.Hadron;

/**
 * A run of consecutive primal Lund events in compact form — per hadron its id, mass, four-momentum
 * and origin; per event its restarts and weight — to travel from an executor to the driver and
 * become the same events there (the fragmentation history stays behind).
 */
final class EventBlock implements Serializable {

    private final double eCm;
    private final int[] hadronCounts;
    private final int[] restarts;
    private final double[] weights;
    private final int[] ints;
    private final double[] doubles;
    private final boolean[] fromFinalTwo;

    private EventBlock(double eCm, int[] hadronCounts, int[] restarts, double[] weights, int[] ints,
                       double[] doubles, boolean[] fromFinalTwo) {
        this.eCm = eCm;
        this.hadronCounts = hadronCounts;
        this.restarts = restarts;
        this.weights = weights;
        this.ints = ints;
        this.doubles = doubles;
        this.fromFinalTwo = fromFinalTwo;
    }

    /**
     * @param events primal events
     * @return them in compact form
     */
    static EventBlock of(List<Event> events) {
        int hadrons = events.stream().mapToInt(Event::multiplicity).sum();
        int[] counts = new int[events.size()];
        int[] restarts = new int[events.size()];
        double[] weights = new double[events.size()];
        int[] ints = new int[3 * hadrons];
        double[] doubles = new double[5 * hadrons];
        boolean[] finalTwo = new boolean[hadrons];
        int h = 0;
        double eCm = events.isEmpty() ? 0 : events.get(0).eCm();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            counts[i] = e.multiplicity();
            restarts[i] = e.restarts();
            weights[i] = e.weight().value();
            for (Hadron p : e.hadrons()) {
                ints[3 * h] = p.pdgId();
                ints[3 * h + 1] = p.end();
                ints[3 * h + 2] = p.rank();
                doubles[5 * h] = p.mass();
                doubles[5 * h + 1] = p.pxValue();
                doubles[5 * h + 2] = p.pyValue();
                doubles[5 * h + 3] = p.pzValue();
                doubles[5 * h + 4] = p.eValue();
                finalTwo[h] = p.fromFinalTwo();
                h++;
            }
        }
        return new EventBlock(eCm, counts, restarts, weights, ints, doubles, finalTwo);
    }

    /** @return the events, in order */
    List<Event> events() {
        List<Event> events = new ArrayList<>(hadronCounts.length);
        int h = 0;
        for (int i = 0; i < hadronCounts.length; i++) {
            List<Hadron> hadrons = new ArrayList<>(hadronCounts[i]);
            for (int j = 0; j < hadronCounts[i]; j++, h++) {
                hadrons.add(new Hadron(ints[3 * h], doubles[5 * h], StochasticTriple.constant(doubles[5 * h + 1]),
                        StochasticTriple.constant(doubles[5 * h + 2]), StochasticTriple.constant(doubles[5 * h + 3]),
                        StochasticTriple.constant(doubles[5 * h + 4]), ints[3 * h + 1], ints[3 * h + 2],
                        fromFinalTwo[h]));
            }
            events.add(new Event(eCm, hadrons, restarts[i], null, StochasticTriple.constant(weights[i])));
        }
        return events;
    }
}
