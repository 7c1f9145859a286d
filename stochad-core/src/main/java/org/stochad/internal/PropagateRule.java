package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The propagation mode (StochasticAD.jl's strategy, one tangent direction): a draw creates a
 * perturbation for its upward and downward flips — rate per unit tangent = boundary rate over
 * the cell's mass — and carries the flip its parameter's own perturbation causes; perturbations
 * of different draws are pruned to one with the run's pruning stream.
 */
final class PropagateRule implements DrawRule {

    private final AddressedStream pruning;

    /** @param pruning the run's stream for pruning choices */
    PropagateRule(AddressedStream pruning) {
        this.pruning = pruning;
    }

    @Override
    public Alternative couple(StochasticTriple[] probabilities) {
        Alternative e = null;
        for (StochasticTriple probability : probabilities) {
            e = Perturbation.couple(e == null ? null : new Perturbation(e, 1), TripleAccess.perturbation(probability));
        }
        return e;
    }

    @Override
    public StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                                   double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta) {
        double pmf = family.pmf(x, theta);
        double up = family.cdfDerivative(x, theta);
        double down = x > family.lowerBound() ? family.cdfDerivative(x - 1, theta) : 0;
        Perturbation alternative = null;
        if (carried != null) {
            altFamily.checkParameter(altTheta);
            alternative = new Perturbation(carried, altFamily.quantile(u, altTheta) - x);
        }
        double d = param.delta();
        return TripleAccess.perturbed(x, new double[0], newPerturbations(alternative, pmf, -d * up, 1, d * down, -1));
    }

    @Override
    public StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                                    double[] theta, double u, int x, Alternative carried, double[] altTheta) {
        double pmf = family.pmf(x, theta);
        double up = FamilyNDraws.directional(family, params, theta, x, 1)[0];
        double down = x > family.lowerBound() ? FamilyNDraws.directional(family, params, theta, x - 1, 1)[0] : 0;
        Perturbation alternative = null;
        if (carried != null) {
            family.checkParameters(altTheta);
            alternative = new Perturbation(carried, family.quantile(u, altTheta) - x);
        }
        return TripleAccess.perturbed(x, new double[0], newPerturbations(alternative, pmf, -up, 1, down, -1));
    }

    @Override
    public StochasticTriple categorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p,
                                        double sum, double u, int x, Alternative coupled) {
        CategoricalFlips flips = new CategoricalFlips(probabilities, p, x, 1);
        Perturbation alternative = null;
        if (coupled != null) {
            int k = p.length;
            double[] pAlt = new double[k];
            double altSum = 0;
            for (int i = 0; i < k; i++) {
                pAlt[i] = TrackingSampler.alt(probabilities[i], coupled);
                altSum += pAlt[i];
            }
            alternative = new Perturbation(coupled, CategoricalFlips.quantile(pAlt, u * altSum) - x);
        }
        Perturbation result = alternative;
        for (int t = 0; t < flips.upTargets.length; t++) {
            result = newPerturbation(result, p[x], -flips.gUp[t][0], flips.upTargets[t] - x);
        }
        for (int t = 0; t < flips.downTargets.length; t++) {
            result = newPerturbation(result, p[x], flips.gDown[t][0], flips.downTargets[t] - x);
        }
        return TripleAccess.perturbed(x, new double[0], result);
    }

    /** New alternatives for a draw's upward and downward flips, merged with a carried perturbation. */
    private Perturbation newPerturbations(Perturbation carried, double pmf, double upRate, int upShift,
                                          double downRate, int downShift) {
        return newPerturbation(newPerturbation(carried, pmf, upRate, upShift), pmf, downRate, downShift);
    }

    /** A new alternative for one flip of a draw at the given rate, merged with what the draw carries so far. */
    private Perturbation newPerturbation(Perturbation carried, double pmf, double rate, int shift) {
        if (pmf > 0 && rate > 0) {
            return Perturbation.merge(carried, new Perturbation(new Alternative(rate / pmf, pruning), shift));
        }
        return carried;
    }
}
