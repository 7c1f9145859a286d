package org.stochad.internal;

/**
 * One infinitesimal alternative of one run: a discrete draw that could have come out
 * differently, with its weight (the rate of the alternative per unit of tangent).
 *
 * <p>Every perturbation derived from the same draw refers to the same alternative, so pruning
 * one away, or rescaling the survivor's weight, acts consistently on every value that carries
 * it. Alternatives belong to one run on one thread; only the engine creates and prunes them.
 */
public final class Alternative {

    private final AddressedStream pruningStream;
    private double weight;
    private boolean alive = true;

    /**
     * @param weight        the non-negative rate of the alternative per unit of tangent
     * @param pruningStream the run's dedicated stream for pruning choices (null: the other's)
     */
    Alternative(double weight, AddressedStream pruningStream) {
        this.weight = weight;
        this.pruningStream = pruningStream;
    }

    /** @return the current weight (rescaled by every pruning this alternative survived) */
    public double weight() {
        return weight;
    }

    /** @return false once pruning chose another alternative over this one */
    public boolean alive() {
        return alive;
    }

    /**
     * Keeps one of two different live alternatives, chosen with probability proportional to its
     * weight, and gives the survivor the sum of both weights, so that the expected derivative
     * contribution is unchanged.
     *
     * @param a one live alternative
     * @param b another live alternative
     * @return the survivor
     */
    static Alternative prune(Alternative a, Alternative b) {
        double total = a.weight + b.weight;
        Alternative keep;
        Alternative drop;
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

    private static AddressedStream pruningStreamOf(Alternative a, Alternative b) {
        return a.pruningStream != null ? a.pruningStream : b.pruningStream;
    }
}
