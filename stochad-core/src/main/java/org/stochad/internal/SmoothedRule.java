package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The smoothed mode (StochasticAD.jl's smoothed backend): a draw's expected alternative
 * contribution Σ w·Δ over its flips becomes the outcome's plain tangent, carried on by the
 * ordinary chain rule — no perturbations, any control flow, all directions in one run. Exact for
 * programs linear in each draw's outcome, biased otherwise: f(x + Δ) − f(x) is replaced by
 * f'(x)·Δ.
 */
final class SmoothedRule implements DrawRule {

    @Override
    public StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                                   double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta) {
        int k = param.directions();
        double pmf = family.pmf(x, theta);
        if (k == 0 || !(pmf > 0)) {
            return StochasticTriple.constant(x);
        }
        double up = family.cdfDerivative(x, theta);
        double down = x > family.lowerBound() ? family.cdfDerivative(x - 1, theta) : 0;
        double[] tangent = new double[k];
        for (int j = 0; j < k; j++) {
            double d = param.delta(j);
            tangent[j] = (Math.max(0, -d * up) - Math.max(0, d * down)) / pmf;
        }
        return TripleAccess.perturbed(x, tangent, null);
    }

    @Override
    public StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                                    double[] theta, double u, int x, Alternative carried, double[] altTheta) {
        int k = FamilyNDraws.directions(params);
        double pmf = family.pmf(x, theta);
        if (k == 0 || !(pmf > 0)) {
            return StochasticTriple.constant(x);
        }
        double[] up = FamilyNDraws.directional(family, params, theta, x, k);
        double[] down = x > family.lowerBound() ? FamilyNDraws.directional(family, params, theta, x - 1, k)
                : new double[k];
        double[] tangent = new double[k];
        for (int j = 0; j < k; j++) {
            tangent[j] = (Math.max(0, -up[j]) - Math.max(0, down[j])) / pmf;
        }
        return TripleAccess.perturbed(x, tangent, null);
    }

    @Override
    public StochasticTriple categorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p,
                                        double sum, double u, int x, Alternative coupled) {
        int k = FamilyNDraws.directions(probabilities);
        if (k == 0) {
            return StochasticTriple.constant(x);
        }
        CategoricalFlips flips = new CategoricalFlips(probabilities, p, x, k);
        double[] tangent = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int t = 0; t < flips.upTargets.length; t++) {
                s += Math.max(0, -flips.gUp[t][j]) * (flips.upTargets[t] - x);
            }
            for (int t = 0; t < flips.downTargets.length; t++) {
                s += Math.max(0, flips.gDown[t][j]) * (flips.downTargets[t] - x);
            }
            tangent[j] = s / p[x];
        }
        return TripleAccess.perturbed(x, tangent, null);
    }
}
