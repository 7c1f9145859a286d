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

        /**
         * @param triple a triple
         * @return the ascending directions its sparse tangent holds explicitly (the first is
         *         always 0; not a copy), or null when its tangent is dense
         */
        int[] sparseIndices(StochasticTriple triple);

        /**
         * @param triple a triple with a sparse tangent
         * @return the components of {@link #sparseIndices} (not a copy)
         */
        double[] sparseValues(StochasticTriple triple);

        /**
         * @param triple a triple with a sparse tangent
         * @return the component (a signed zero) of every other direction below its directions()
         */
        double sparseFill(StochasticTriple triple);
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

    /**
     * @param triple a triple
     * @return the ascending directions its sparse tangent holds explicitly (the first is always 0;
     *         not a copy, never to be written), or null when its tangent is dense; every other
     *         direction below {@code directions()} is the signed zero {@link #sparseFill}
     */
    public static int[] sparseIndices(StochasticTriple triple) {
        return bridge().sparseIndices(triple);
    }

    /**
     * @param triple a triple whose {@link #sparseIndices} are not null
     * @return the components of those directions (not a copy, never to be written)
     */
    public static double[] sparseValues(StochasticTriple triple) {
        return bridge().sparseValues(triple);
    }

    /**
     * @param triple a triple whose {@link #sparseIndices} are not null
     * @return the component of every direction not in them
     */
    public static double sparseFill(StochasticTriple triple) {
        return bridge().sparseFill(triple);
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
