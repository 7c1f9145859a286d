package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The straight-through mode: a discrete draw's tangent is the derivative of the family's mean,
 * δ·∂θE[X], whatever the outcome (Bernoulli(p) passes δp on as it is, Binomial(n, p) passes
 * n·δp), carried on by the ordinary chain rule. Like the smoothed mode it needs no perturbations
 * and gives all directions in one run; unlike it, the tangent ignores the outcome. Exact when f
 * is affine in every outcome, biased when f is curved in an outcome or branches on one (a branch
 * drops the draw's tangent).
 */
final class StraightThroughRule implements DrawRule {

    @Override
    public StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                                   double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta) {
        int k = param.directions();
        if (k == 0) {
            return StochasticTriple.constant(x);
        }
        double slope = family.meanDerivative(theta);
        double[] tangent = new double[k];
        for (int j = 0; j < k; j++) {
            double d = param.delta(j);
            tangent[j] = d == 0 ? 0 : slope * d;
        }
        return TripleAccess.perturbed(x, tangent, null);
    }

    @Override
    public StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                                    double[] theta, double u, int x, Alternative carried, double[] altTheta) {
        int k = FamilyNDraws.directions(params);
        if (k == 0) {
            return StochasticTriple.constant(x);
        }
        double[] gradient = new double[theta.length];
        family.meanGradient(theta, gradient);
        double[] tangent = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < theta.length; i++) {
                double d = params[i].delta(j);
                s += d == 0 ? 0 : gradient[i] * d;
            }
            tangent[j] = s;
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
        // the index's mean μ = Σ i·pᵢ / S with S = Σ pᵢ: δμ = (Σ i·δpᵢ − μ·Σ δpᵢ) / S
        double mean = 0;
        for (int i = 0; i < p.length; i++) {
            mean += i * p[i];
        }
        mean /= sum;
        double[] tangent = new double[k];
        for (int j = 0; j < k; j++) {
            double weighted = 0;
            double total = 0;
            for (int i = 0; i < p.length; i++) {
                double d = probabilities[i].delta(j);
                weighted += i * d;
                total += d;
            }
            tangent[j] = (weighted - mean * total) / sum;
        }
        return TripleAccess.perturbed(x, tangent, null);
    }
}
