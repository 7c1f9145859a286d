package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The alternative run of replay: every draw is plain except the target candidate's, which takes
 * the candidate's alternative outcome; the hash of the draws before it must match the recorded
 * run's, or the program is not deterministic given its streams.
 */
final class ForcedRule implements DrawRule {

    private final Candidate target;
    private final DrawHash hash = new DrawHash();
    private boolean targetReached;

    /** @param target the flip to force */
    ForcedRule(Candidate target) {
        this.target = target;
    }

    /** @return whether the forced draw was made */
    boolean targetReached() {
        return targetReached;
    }

    @Override
    public StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                                   double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta) {
        return StochasticTriple.constant(outcome(stream, x, theta, null));
    }

    @Override
    public StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                                    double[] theta, double u, int x, Alternative carried, double[] altTheta) {
        return StochasticTriple.constant(outcome(stream, x, 0, theta));
    }

    @Override
    public StochasticTriple categorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p,
                                        double sum, double u, int x, Alternative coupled) {
        return StochasticTriple.constant(outcome(stream, x, sum, null));
    }

    private int outcome(AddressedStream stream, int x, double parameter, double[] parameters) {
        long index = stream.position();
        Candidate t = target;
        boolean isTarget = index == t.index() && stream.addressLo() == t.addressLo()
                && stream.addressHi() == t.addressHi();
        if (targetReached) {
            // past the forced draw the prefix hash is not needed: a second draw at the target's
            // address can only follow a different prefix, which is the error below
            if (isTarget) {
                throw notDeterministic();
            }
            return x;
        }
        long prefix = hash.value();
        if (parameters == null) {
            hash.add(stream, index, parameter);
        } else {
            hash.add(stream, index, parameters);
        }
        if (!isTarget) {
            return x;
        }
        if (prefix != t.prefixHash()) {
            throw notDeterministic();
        }
        targetReached = true;
        return t.alternative();
    }

    private static IllegalStateException notDeterministic() {
        return new IllegalStateException("replay: the program made different draws before the forced draw"
                + " than in its primal run; it is not deterministic given its sampler's streams"
                + " (does it read a clock, Math.random() or shared mutable state?)");
    }
}
