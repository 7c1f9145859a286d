package org.stochad.engine;

import org.stochad.random.AddressedStream;

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

    void offer(Candidate c) {
        total += c.norm();
        if (stream.nextUniform() * total < c.norm()) {
            chosen = c;
        }
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
