package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.ContinuousFamily;

/**
 * The derivative rules of continuous families: the implicit reparameterisation
 * dz/dθ = −∂θF(z; θ)/p(z; θ), the CDF at a triple, and the coupled alternative values of
 * propagation (the alternative draw is F⁻¹(F(z; θ); θ′), inversion coupling).
 */
final class ContinuousDraws {

    private ContinuousDraws() {
    }

    /**
     * @param family the family
     * @param params the parameters as triples
     * @param what   the sampler method, for messages
     * @return their values, checked
     */
    static double[] values(ContinuousFamily family, StochasticTriple[] params, String what) {
        if (params.length != family.parameterCount()) {
            throw new IllegalArgumentException(what + ": " + family.name() + " takes " + family.parameterCount()
                    + " parameters, got parameters.length = " + params.length);
        }
        double[] theta = new double[params.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = params[i].value();
            if (Double.isNaN(theta[i])) {
                throw new IllegalArgumentException(what + ": " + family.name() + " parameter " + i + " = NaN");
            }
        }
        family.checkParameters(theta);
        return theta;
    }

    /**
     * @param triples triples
     * @return the largest number of directions among them
     */
    static int directions(StochasticTriple... triples) {
        int k = 0;
        for (StochasticTriple t : triples) {
            k = Math.max(k, t.directions());
        }
        return k;
    }

    /**
     * @param first  a triple or null
     * @param others more triples
     * @return the one alternative their perturbations are coupled to, or null
     */
    static Alternative couple(StochasticTriple first, StochasticTriple[] others) {
        Alternative e = first == null ? null : Perturbation.couple(null, TripleAccess.perturbation(first));
        for (StochasticTriple t : others) {
            e = Perturbation.couple(e == null ? null : new Perturbation(e, 1), TripleAccess.perturbation(t));
        }
        return e;
    }

    /**
     * @param params triples
     * @param e      an alternative
     * @return their values in e's world
     */
    static double[] alt(StochasticTriple[] params, Alternative e) {
        double[] a = new double[params.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = TrackingSampler.alt(params[i], e);
        }
        return a;
    }

    /** −∂θF·δ/p along each direction, 0 where the density is 0 or infinite. */
    static double[] implicitTangent(ContinuousFamily family, StochasticTriple[] params, double[] theta, double z,
                                    int k, double[] extra) {
        double[] tangent = new double[k];
        double p = family.density(z, theta);
        if (!(p > 0) || Double.isInfinite(p)) {
            return tangent;
        }
        double[] g = new double[theta.length];
        family.cdfGradient(z, theta, g);
        for (int j = 0; j < k; j++) {
            double s = extra == null ? 0 : extra[j];
            for (int i = 0; i < g.length; i++) {
                s -= g[i] * params[i].delta(j);
            }
            tangent[j] = s / p;
        }
        return tangent;
    }

    /**
     * A draw z with its implicit-reparameterisation tangent and, in propagation, the alternative
     * value its parameters' perturbation causes.
     *
     * @param family the family
     * @param params the parameters
     * @param theta  their values
     * @param z      the draw
     * @return z as a triple
     */
    static StochasticTriple pathwise(ContinuousFamily family, StochasticTriple[] params, double[] theta, double z) {
        int k = directions(params);
        Alternative e = couple(null, params);
        if (k == 0 && e == null) {
            return StochasticTriple.constant(z);
        }
        double[] tangent = implicitTangent(family, params, theta, z, k, null);
        Perturbation perturbation = null;
        if (e != null) {
            double[] thetaAlt = alt(params, e);
            family.checkParameters(thetaAlt);
            double zAlt = family.quantile(family.cdf(z, theta), thetaAlt);
            perturbation = new Perturbation(e, zAlt - z);
        }
        return TripleAccess.perturbed(z, tangent, perturbation);
    }

    /**
     * F(x; θ) as a triple: tangent p(x)·δx + ∂θF(x)·δθ, alternative F(x′; θ′).
     *
     * @param family the family
     * @param x      the point
     * @param params the parameters
     * @param theta  their values
     * @return the CDF at x
     */
    static StochasticTriple cdfAt(ContinuousFamily family, StochasticTriple x, StochasticTriple[] params,
                                  double[] theta) {
        double xv = x.value();
        double f = family.cdf(xv, theta);
        int k = Math.max(x.directions(), directions(params));
        Alternative e = couple(x, params);
        if (k == 0 && e == null) {
            return StochasticTriple.constant(f);
        }
        double[] tangent = new double[k];
        if (k > 0) {
            double p = family.density(xv, theta);
            double[] g = new double[theta.length];
            family.cdfGradient(xv, theta, g);
            for (int j = 0; j < k; j++) {
                double s = x.delta(j) == 0 ? 0 : p * x.delta(j);
                for (int i = 0; i < g.length; i++) {
                    s += g[i] * params[i].delta(j);
                }
                tangent[j] = s;
            }
        }
        Perturbation perturbation = null;
        if (e != null) {
            double[] thetaAlt = alt(params, e);
            family.checkParameters(thetaAlt);
            perturbation = new Perturbation(e, family.cdf(TrackingSampler.alt(x, e), thetaAlt) - f);
        }
        return TripleAccess.perturbed(f, tangent, perturbation);
    }
}
