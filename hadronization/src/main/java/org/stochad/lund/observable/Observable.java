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
}
