package org.stochad.internal;


/**
 * Weighted reservoir sampling of one candidate flip over a whole run: candidate i ends up
 * chosen with probability norm_i / Σ norm, in O(1) memory.
 */
final class Reservoir {

    private final AddressedStream stream;
    private double total;
    private Candidate chosen;

    Reservoir(AddressedStream stream) {
        this.stream = stream;
    }

    /**
     * @param norm the next candidate's sampling weight
     * @return true when the reservoir now keeps that candidate (the caller then calls {@link #keep})
     */
    boolean offer(double norm) {
        total += norm;
        return stream.nextUniform() * total < norm;
    }

    void keep(Candidate c) {
        chosen = c;
    }

    /** @return Σ norm over all candidates offered */
    double total() {
        return total;
    }

    /** @return the chosen candidate, or null when none was offered */
    Candidate chosen() {
        return chosen;
    }
}
