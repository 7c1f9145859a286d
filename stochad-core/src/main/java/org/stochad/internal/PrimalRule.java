package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/** The primal mode: plain draws, no bookkeeping. */
final class PrimalRule implements DrawRule {

    /** The one instance (the rule has no state). */
    static final PrimalRule INSTANCE = new PrimalRule();

    private PrimalRule() {
    }

    @Override
    public StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                                   double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta) {
        return StochasticTriple.constant(x);
    }

    @Override
    public StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                                    double[] theta, double u, int x, Alternative carried, double[] altTheta) {
        return StochasticTriple.constant(x);
    }

    @Override
    public StochasticTriple categorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p,
                                        double sum, double u, int x, Alternative coupled) {
        return StochasticTriple.constant(x);
    }
}
