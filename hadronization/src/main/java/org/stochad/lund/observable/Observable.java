package org.stochad.lund.observable;

import org.stochad.StochasticTriple;
import org.stochad.lund.Event;

/**
 * A per-event quantity as a triple, so it can be the output of a differentiable program: its
 * value, and the pathwise derivative its hadrons' momenta carry.
 */
@FunctionalInterface
public interface Observable {

    /**
     * @param event the event
     * @return the observable's value on it
     */
    StochasticTriple value(Event event);

    /**
     * Marks an observable that counts or selects hadrons by a threshold on their momenta (a
     * histogram bin of rapidity, x_E, pT): its value jumps where a hadron crosses a bin edge. The
     * flip-based generator mode differentiates it correctly (its momenta carry no tangent, every jump
     * comes from a flip); the pathwise mode would miss the edge crossings, so it refuses it.
     */
    interface ThresholdOnMomenta {
    }
}
