package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The score mode: every draw adds ∂θ log pmf(x; θ) to the run's score S along each tangent
 * direction — (∂θF(x) − ∂θF(x−1)) / pmf(x) for a family, δp_x / p_x for a categorical draw.
 */
class ScoreRule implements DrawRule {

    private final double[] score;
    private String blind;

    /** @param directions the tangent directions */
    ScoreRule(int directions) {
        this.score = new double[directions];
    }

    /**
     * @return why the score function cannot be right for this run — a draw at the edge of its
     *         domain whose tangent moves probability to outcomes of probability 0, which it never
     *         draws — or null
     */
    final String blind() {
        return blind;
    }

    /** @return the score accumulated so far, one component per direction (not a copy) */
    final double[] score() {
        return score;
    }

    @Override
    public StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                                   double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta) {
        double pmf = family.pmf(x, theta);
        double up = family.cdfDerivative(x, theta);
        double down = x > family.lowerBound() ? family.cdfDerivative(x - 1, theta) : 0;
        int k = param.directions();
        int[] ix = TripleAccess.sparseIndices(param);
        if (pmf > 0 && ix != null && Double.isFinite(up - down)) {
            // every other direction would add a signed zero, which leaves the score (never −0.0) as it is
            double[] v = TripleAccess.sparseValues(param);
            for (int p = 0; p < ix.length; p++) {
                score[ix[p]] += v[p] * (up - down) / pmf;
            }
        } else if (pmf > 0) {
            for (int j = 0; j < k; j++) {
                score[j] += param.delta(j) * (up - down) / pmf;
            }
        }
        if (pmf == 1 && up != down && blind == null && hasTangent(param)
                && !(TrackingSampler.inDomain(family, Math.nextUp(theta))
                        && TrackingSampler.inDomain(family, Math.nextDown(theta)))) {
            blind = family.name() + ": " + family.parameterName() + " = " + theta + " is at the edge of its domain,"
                    + " where every draw gives " + x + "; the outcomes whose probability grows are never drawn,"
                    + " so the score function cannot see them. Use stochastic AD (Estimators.stochasticAd())";
        }
        afterFamily(stream, family, param, theta, x, pmf, up, down);
        return StochasticTriple.constant(x);
    }

    @Override
    public StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                                    double[] theta, double u, int x, Alternative carried, double[] altTheta) {
        double pmf = family.pmf(x, theta);
        int k = score.length;
        double[] up = FamilyNDraws.directional(family, params, theta, x, k);
        double[] down = x > family.lowerBound() ? FamilyNDraws.directional(family, params, theta, x - 1, k)
                : new double[k];
        boolean moves = false;
        for (int j = 0; j < k; j++) {
            if (pmf > 0) {
                score[j] += (up[j] - down[j]) / pmf;
            }
            moves |= up[j] != down[j];
        }
        if (pmf == 1 && moves && blind == null) {
            String edge = TrackingSampler.edgeParameter(family, params, theta);
            if (edge != null) {
                blind = family.name() + ": " + edge + " is at the edge of its domain, where every draw gives " + x
                        + "; the outcomes whose probability grows are never drawn, so the score function cannot"
                        + " see them. Use stochastic AD (Estimators.stochasticAd())";
            }
        }
        afterFamilyN(stream, theta, x, pmf, up, down);
        return StochasticTriple.constant(x);
    }

    @Override
    public StochasticTriple continuous(ContinuousFamily family, StochasticTriple[] params, double[] theta, double z) {
        int dirs = score.length;
        if (ContinuousDraws.directions(params) > 0) {
            double[] g = new double[theta.length];
            family.logDensityGradient(z, theta, g);
            for (int j = 0; j < dirs; j++) {
                double s = 0;
                for (int i = 0; i < g.length; i++) {
                    double d = params[i].delta(j);
                    s += d == 0 ? 0 : g[i] * d;
                }
                score[j] += s;
            }
        }
        return StochasticTriple.constant(z);
    }

    @Override
    public StochasticTriple categorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p,
                                        double sum, double u, int x, Alternative coupled) {
        int dirs = score.length;
        for (int j = 0; j < dirs; j++) {
            score[j] += probabilities[x].delta(j) / p[x];
        }
        for (int i = 0; i < p.length && blind == null; i++) {
            if (p[i] == 0 && hasTangent(probabilities[i])) {
                blind = "categorical: probabilities[" + i + "] = 0 grows with the parameters, but a category of"
                        + " probability 0 is never drawn, so the score function cannot see it."
                        + " Use stochastic AD (Estimators.stochasticAd())";
            }
        }
        afterCategorical(stream, probabilities, p, sum, x);
        return StochasticTriple.constant(x);
    }

    /**
     * @param t a triple
     * @return whether any of its tangent components is not zero
     */
    static boolean hasTangent(StochasticTriple t) {
        int[] ix = TripleAccess.sparseIndices(t);
        if (ix != null && TripleAccess.sparseFill(t) == 0) {
            for (double d : TripleAccess.sparseValues(t)) {
                if (d != 0) {
                    return true;
                }
            }
            return false;
        }
        for (int j = 0; j < t.directions(); j++) {
            if (t.delta(j) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a subclass adds after a family draw's score; nothing here.
     *
     * @param stream the draw's stream
     * @param family the family
     * @param param  the parameter
     * @param theta  its value
     * @param x      the outcome
     * @param pmf    pmf(x)
     * @param up     ∂θF(x)
     * @param down   ∂θF(x − 1)
     */
    void afterFamily(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta, int x, double pmf, double up,
                     double down) {
    }

    /**
     * What a subclass adds after a multi-parameter family draw's score; nothing here.
     *
     * @param stream the draw's stream
     * @param theta  the parameters' values
     * @param x      the outcome
     * @param pmf    pmf(x)
     * @param up     Σᵢ ∂θᵢF(x)·δθᵢ per direction
     * @param down   Σᵢ ∂θᵢF(x − 1)·δθᵢ per direction
     */
    void afterFamilyN(AddressedStream stream, double[] theta, int x, double pmf, double[] up, double[] down) {
    }

    /**
     * What a subclass adds after a categorical draw's score; nothing here.
     *
     * @param stream        the draw's stream
     * @param probabilities the probabilities
     * @param p             their values
     * @param sum           their sum
     * @param x             the outcome
     */
    void afterCategorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p, double sum, int x) {
    }
}
