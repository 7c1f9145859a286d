package org.stochad.internal;

import org.stochad.StochasticTriple;

/**
 * The engine's access to what {@link StochasticTriple} keeps out of its public face: building a
 * triple with a perturbation and reading a triple's perturbation. {@code StochasticTriple}
 * installs the implementation once, when its class is initialised.
 */
public final class TripleAccess {

    /** What a triple exposes to the engine. */
    public interface Bridge {
        /**
         * @param value        the value
         * @param tangent      its tangent (copied)
         * @param perturbation its perturbation or null
         * @return the triple
         */
        StochasticTriple perturbed(double value, double[] tangent, Perturbation perturbation);

        /**
         * @param triple a triple
         * @return its live perturbation, or null
         */
        Perturbation perturbation(StochasticTriple triple);
    }

    private static volatile Bridge bridge;

    private TripleAccess() {
    }

    /**
     * Installs the bridge; called once by {@code StochasticTriple}'s class initialiser.
     *
     * @param b the bridge
     * @throws IllegalStateException when a bridge is already installed
     */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("the triple bridge is already installed");
        }
        bridge = b;
    }

    /**
     * @param value        the value
     * @param tangent      its tangent (copied)
     * @param perturbation its perturbation or null
     * @return a triple with that perturbation
     */
    public static StochasticTriple perturbed(double value, double[] tangent, Perturbation perturbation) {
        return bridge().perturbed(value, tangent, perturbation);
    }

    /**
     * @param triple a triple
     * @return its live perturbation, or null
     */
    public static Perturbation perturbation(StochasticTriple triple) {
        return bridge().perturbation(triple);
    }

    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            StochasticTriple.constant(0);   // initialises the class, which installs the bridge
            b = bridge;
        }
        return b;
    }
}
