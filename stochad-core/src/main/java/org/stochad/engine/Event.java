package org.stochad.engine;

import org.stochad.random.AddressedStream;

/**
 * One infinitesimal alternative of one run: a discrete draw that could have come out
 * differently, with its weight.
 *
 * <p>Every perturbation derived from the same draw refers to the same event, so pruning one
 * event away, or rescaling the survivor's weight, acts consistently on every value that
 * carries it. Events belong to one run on one thread.
 */
public final class Event {

    private final AddressedStream pruningStream;
    private double weight;
    private boolean alive = true;

    /**
     * @param weight        the non-negative rate of the alternative per unit of tangent
     * @param pruningStream the run's dedicated stream for pruning choices
     */
    public Event(double weight, AddressedStream pruningStream) {
        this.weight = weight;
        this.pruningStream = pruningStream;
    }

    /** @return the current weight (rescaled by every pruning this event survived) */
    public double weight() {
        return weight;
    }

    /** @return false once pruning chose another event over this one */
    public boolean alive() {
        return alive;
    }

    /**
     * Keeps one of two different live events, chosen with probability proportional to its
     * weight, and gives the survivor the sum of both weights, so that the expected derivative
     * contribution is unchanged.
     *
     * @param a one live event
     * @param b another live event
     * @return the survivor
     */
    public static Event prune(Event a, Event b) {
        double total = a.weight + b.weight;
        Event keep;
        Event drop;
        if (pruningStreamOf(a, b).nextUniform() * total < a.weight) {
            keep = a;
            drop = b;
        } else {
            keep = b;
            drop = a;
        }
        keep.weight = total;
        drop.alive = false;
        return keep;
    }

    private static AddressedStream pruningStreamOf(Event a, Event b) {
        return a.pruningStream != null ? a.pruningStream : b.pruningStream;
    }
}
