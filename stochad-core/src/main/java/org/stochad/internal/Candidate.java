package org.stochad.internal;

/**
 * A candidate flip registered during a recorded run: which draw, what it would become, and at
 * what rate per direction.
 *
 * @param addressHi   the draw's stream address, high half
 * @param addressLo   the draw's stream address, low half
 * @param index       the draw's position within its stream
 * @param alternative the outcome in the alternative world
 * @param weights     the rate of the flip along each direction (non-negative, or signed for
 *                    two-sided Bernoulli flips)
 * @param norm        the sum of the weights' absolute values, the candidate's sampling weight
 * @param prefixHash  the hash of every draw made before it, to detect non-determinism
 */
record Candidate(long addressHi, long addressLo, long index, int alternative, double[] weights,
                        double norm, long prefixHash) {
}
