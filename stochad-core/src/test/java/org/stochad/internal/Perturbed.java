package org.stochad.internal;

import org.stochad.StochasticTriple;

/** Test access to the engine's perturbations: triples that carry a chosen alternative. */
public final class Perturbed {

    private Perturbed() {
    }

    /**
     * @param weight  the alternative's weight
     * @param pruning the stream for pruning choices, or null
     * @return a fresh alternative
     */
    public static Alternative alternative(double weight, AddressedStream pruning) {
        return new Alternative(weight, pruning);
    }

    /**
     * @param value       the value
     * @param tangent     the tangent
     * @param alternative the alternative
     * @param shift       the jump in the alternative world
     * @return the triple value + tangent·ε + {shift with the alternative's weight}
     */
    public static StochasticTriple triple(double value, double[] tangent, Alternative alternative, double shift) {
        return TripleAccess.perturbed(value, tangent, new Perturbation(alternative, shift));
    }

    /**
     * @param value   the value
     * @param tangent the tangent
     * @param weight  the weight of a fresh alternative without pruning stream
     * @param shift   the jump in the alternative world
     * @return the triple
     */
    public static StochasticTriple triple(double value, double[] tangent, double weight, double shift) {
        return triple(value, tangent, alternative(weight, null), shift);
    }

    /**
     * @param t a triple
     * @return the alternative of its live perturbation, or null
     */
    public static Alternative alternativeOf(StochasticTriple t) {
        Perturbation p = TripleAccess.perturbation(t);
        return p == null ? null : p.alternative();
    }
}
