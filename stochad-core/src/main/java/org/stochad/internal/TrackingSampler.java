package org.stochad.internal;

import org.stochad.RegionDraw;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The sampler the estimators hand to programs: inversion from an addressed stream, with the
 * discrete draws' derivative bookkeeping left to the run's {@link DrawRule}.
 */
final class TrackingSampler implements Sampler {

    private static final double CATEGORICAL_TOLERANCE = 1e-9;

    private final DrawRule rule;
    private final AddressedStream stream;

    /**
     * @param rule   what discrete draws do in this run (shared by the sampler's forks)
     * @param stream the sampler's stream
     */
    TrackingSampler(DrawRule rule, AddressedStream stream) {
        this.rule = rule;
        this.stream = stream;
    }

    @Override
    public Sampler fork(long key) {
        return new TrackingSampler(rule, stream.fork(key));
    }

    @Override
    public void reportScoreEstimate(double... jacobian) {
        rule.reportScoreEstimate(jacobian);
    }

    // ------------------------------------------------------------ discrete draws

    @Override
    public StochasticTriple bernoulli(StochasticTriple p) {
        return draw(DiscreteFamilies.bernoulli(), p);
    }

    @Override
    public StochasticTriple binomial(int n, StochasticTriple p) {
        return draw(DiscreteFamilies.binomial(n), p);
    }

    @Override
    public StochasticTriple binomial(StochasticTriple n, StochasticTriple p) {
        int trials = checkCount("binomial", "n", n.value());
        Perturbation pn = TripleAccess.perturbation(n);
        if (pn == null) {
            return draw(DiscreteFamilies.binomial(trials), p);
        }
        Alternative e = Perturbation.couple(pn, TripleAccess.perturbation(p));
        double nAlt = alt(n, e);
        int trialsAlt = checkCount("binomial", "alternative n", nAlt);
        return discrete(DiscreteFamilies.binomial(trials), p, e, DiscreteFamilies.binomial(trialsAlt), alt(p, e));
    }

    @Override
    public StochasticTriple geometric(StochasticTriple p) {
        return draw(DiscreteFamilies.geometric(), p);
    }

    @Override
    public StochasticTriple poisson(StochasticTriple lambda) {
        return draw(DiscreteFamilies.poisson(), lambda);
    }

    @Override
    public StochasticTriple draw(DiscreteFamily family, StochasticTriple parameter) {
        Perturbation pp = TripleAccess.perturbation(parameter);
        if (pp == null) {
            return discrete(family, parameter, null, null, 0);
        }
        return discrete(family, parameter, pp.alternative(), family, parameter.alternative());
    }

    @Override
    public StochasticTriple draw(DiscreteFamilyN family, StochasticTriple... parameters) {
        if (family == null) {
            throw new IllegalArgumentException("draw: family = null");
        }
        int n = family.parameterCount();
        if (parameters == null || parameters.length != n) {
            throw new IllegalArgumentException(family.name() + ": parameters has length "
                    + (parameters == null ? "null" : String.valueOf(parameters.length)) + ", expected " + n);
        }
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = parameters[i].value();
            if (Double.isNaN(theta[i])) {
                throw new IllegalArgumentException(family.name() + ": " + family.parameterName(i) + " = NaN");
            }
        }
        family.checkParameters(theta);
        checkTangent(family, parameters, theta);
        Alternative carried = null;
        for (StochasticTriple p : parameters) {
            carried = Perturbation.couple(carried == null ? null : new Perturbation(carried, 1),
                    TripleAccess.perturbation(p));
        }
        double[] altTheta = null;
        if (carried != null) {
            altTheta = new double[n];
            for (int i = 0; i < n; i++) {
                altTheta[i] = alt(parameters[i], carried);
            }
        }
        double u = stream.nextUniform();
        int x = family.quantile(u, theta);
        return rule.familyN(stream, family, parameters, theta, u, x, carried, altTheta);
    }

    @Override
    public boolean accept(StochasticTriple probability) {
        StochasticTriple b = bernoulli(probability);
        if (b.hasPerturbation()) {
            throw new IllegalStateException("accept: an accept/reject decision with a parameter-dependent"
                    + " probability changes control flow; use the REPLAY strategy (StochasticAdOptions.replay())");
        }
        return b.value() == 1;
    }

    /**
     * In the primal run a constant acceptance probability needs no triple: the checks, the uniform
     * and the quantile of {@link #discrete}, whose primal rule returns the quantile as a constant.
     */
    @Override
    public boolean accept(double probability) {
        if (rule != PrimalRule.INSTANCE) {
            return accept(StochasticTriple.constant(probability));
        }
        DiscreteFamily bernoulli = DiscreteFamilies.bernoulli();
        checkParameter(bernoulli, probability);
        return bernoulli.quantile(stream.nextUniform(), probability) == 1;
    }

    private static void checkParameter(DiscreteFamily family, double theta) {
        if (Double.isNaN(theta)) {
            throw new IllegalArgumentException(family.name() + ": " + family.parameterName() + " = NaN");
        }
        family.checkParameter(theta);
    }

    private StochasticTriple discrete(DiscreteFamily family, StochasticTriple param,
                                      Alternative carried, DiscreteFamily altFamily, double altTheta) {
        double theta = param.value();
        checkParameter(family, theta);
        checkTangent(family, param, theta);
        double u = stream.nextUniform();
        int x = family.quantile(u, theta);
        return rule.family(stream, family, param, theta, u, x, carried, altFamily, altTheta);
    }

    @Override
    public StochasticTriple categorical(StochasticTriple... probabilities) {
        int k = probabilities.length;
        if (k == 0) {
            throw new IllegalArgumentException("categorical: probabilities is empty");
        }
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = probabilities[i].value();
            if (!(p[i] > 0 && p[i] < 1)) {
                // the argument's name is only built for the message (string building per draw was a hot
                // spot, also for the common probabilities 0 and 1)
                if (!(p[i] >= 0 && p[i] <= 1)) {
                    DiscreteFamily.checkProbability("categorical", "probabilities[" + i + "]", p[i]);
                }
                checkEdgeTangent(probabilities[i], i, p[i]);
            }
            sum += p[i];
        }
        Alternative coupled = rule.couple(probabilities);
        if (Math.abs(sum - 1) > CATEGORICAL_TOLERANCE) {
            throw new IllegalArgumentException("categorical: probabilities sum to " + sum + ", not 1");
        }
        double u = stream.nextUniform();
        int x = CategoricalFlips.quantile(p, u * sum);
        return rule.categorical(stream, probabilities, p, sum, u, x, coupled);
    }

    // ------------------------------------------------------------ continuous draws

    @Override
    public StochasticTriple draw(ContinuousFamily family, StochasticTriple... parameters) {
        double[] theta = ContinuousDraws.values(family, parameters, "draw");
        double z = family.sample(stream::nextUniform, theta);
        return rule.continuous(family, parameters, theta, z);
    }

    @Override
    public StochasticTriple below(StochasticTriple x, ContinuousFamily threshold, StochasticTriple... parameters) {
        if (Double.isNaN(x.value())) {
            throw new IllegalArgumentException("below: x = NaN");
        }
        double[] theta = ContinuousDraws.values(threshold, parameters, "below");
        StochasticTriple f = ContinuousDraws.cdfAt(threshold, x, parameters, theta);
        return bernoulli(f.neg().plus(1));
    }

    @Override
    public RegionDraw split(ContinuousFamily family, StochasticTriple[] parameters, StochasticTriple... boundaries) {
        double[] theta = ContinuousDraws.values(family, parameters, "split");
        int m = boundaries.length;
        for (int i = 0; i < m; i++) {
            double b = boundaries[i].value();
            if (Double.isNaN(b) || (i > 0 && b < boundaries[i - 1].value())) {
                throw new IllegalArgumentException("split: boundaries[" + i + "] = " + b
                        + " is NaN or below the boundary before it");
            }
        }
        // cumulative probabilities at the region ends: 0, F(b₀), …, F(b_{m−1}), 1
        StochasticTriple[] c = new StochasticTriple[m + 2];
        c[0] = StochasticTriple.constant(0);
        c[m + 1] = StochasticTriple.constant(1);
        for (int i = 0; i < m; i++) {
            c[i + 1] = ContinuousDraws.cdfAt(family, boundaries[i], parameters, theta);
        }
        StochasticTriple[] p = new StochasticTriple[m + 1];
        for (int r = 0; r <= m; r++) {
            p[r] = c[r + 1].minus(c[r]);
        }
        StochasticTriple region = categorical(p);
        int r = region.intValue();
        double v = stream.nextUniform();
        double lo = c[r].value();
        double hi = c[r + 1].value();
        double z = clampedQuantile(family, lo + v * (hi - lo), theta, boundaries, r);
        int k = Math.max(ContinuousDraws.directions(parameters), ContinuousDraws.directions(boundaries));
        StochasticTriple[] inputs = new StochasticTriple[parameters.length + m];
        System.arraycopy(parameters, 0, inputs, 0, parameters.length);
        System.arraycopy(boundaries, 0, inputs, parameters.length, m);
        Alternative e = ContinuousDraws.couple(region, inputs);
        if (k == 0 && e == null) {
            return new RegionDraw(region, StochasticTriple.constant(z));
        }
        double[] bounds = new double[k];
        for (int j = 0; j < k; j++) {
            bounds[j] = c[r].delta(j) + v * (c[r + 1].delta(j) - c[r].delta(j));
        }
        double[] tangent = ContinuousDraws.implicitTangent(family, parameters, theta, z, k, bounds);
        Perturbation perturbation = null;
        if (e != null) {
            int rAlt = (int) alt(region, e);
            double[] thetaAlt = ContinuousDraws.alt(parameters, e);
            family.checkParameters(thetaAlt);
            double loAlt = alt(c[rAlt], e);
            double hiAlt = alt(c[rAlt + 1], e);
            StochasticTriple[] bAlt = new StochasticTriple[m];
            for (int i = 0; i < m; i++) {
                bAlt[i] = StochasticTriple.constant(alt(boundaries[i], e));
            }
            double zAlt = clampedQuantile(family, loAlt + v * (hiAlt - loAlt), thetaAlt, bAlt, rAlt);
            perturbation = new Perturbation(e, zAlt - z);
        }
        return new RegionDraw(region, TripleAccess.perturbed(z, tangent, perturbation));
    }

    /** F⁻¹(q), kept inside region r's boundaries against rounding. */
    private static double clampedQuantile(ContinuousFamily family, double q, double[] theta,
                                          StochasticTriple[] boundaries, int r) {
        double z = family.quantile(Math.max(0, Math.min(1, q)), theta);
        if (r > 0) {
            z = Math.max(z, boundaries[r - 1].value());
        }
        if (r < boundaries.length) {
            z = Math.min(z, boundaries[r].value());
        }
        return z;
    }

    @Override
    public StochasticTriple normal(StochasticTriple mean, StochasticTriple sd) {
        checkFinite("normal", "mean", mean.value());
        checkFinite("normal", "sd", sd.value());
        if (sd.value() < 0) {
            throw new IllegalArgumentException("normal: sd = " + sd.value() + " is negative");
        }
        double z = standardNormal();
        if (mean.directions() == 0 && sd.directions() == 0 && !mean.hasPerturbation() && !sd.hasPerturbation()) {
            return StochasticTriple.constant(mean.value() + sd.value() * z);   // the value of the triple arithmetic
        }
        return mean.plus(sd.times(z));
    }

    @Override
    public StochasticTriple exponential(StochasticTriple rate) {
        if (!(rate.value() > 0) || Double.isInfinite(rate.value())) {
            throw new IllegalArgumentException("exponential: rate = " + rate.value() + " is not a finite number > 0");
        }
        return StochasticTriple.constant(exponential()).div(rate);
    }

    @Override
    public StochasticTriple uniform(StochasticTriple lo, StochasticTriple hi) {
        checkFinite("uniform", "lo", lo.value());
        checkFinite("uniform", "hi", hi.value());
        if (hi.value() < lo.value()) {
            throw new IllegalArgumentException("uniform: hi = " + hi.value() + " is below lo = " + lo.value());
        }
        return lo.plus(hi.minus(lo).times(uniform()));
    }

    @Override
    public double uniform() {
        return stream.nextUniform();
    }

    @Override
    public double standardNormal() {
        return stream.standardNormal();
    }

    @Override
    public double exponential() {
        return -Math.log(stream.nextUniform());
    }

    // ------------------------------------------------------------ helpers

    /**
     * @param t a triple
     * @param e an alternative
     * @return t's value in e's alternative world
     */
    static double alt(StochasticTriple t, Alternative e) {
        Perturbation p = TripleAccess.perturbation(t);
        return p != null && p.alternative() == e ? t.value() + p.shift() : t.value();
    }

    /**
     * A tangent may point into the parameter's domain, never out of it: at an edge (p = 0 or 1,
     * λ = 0, …) one step of one ulp along the tangent's sign must stay valid.
     */
    private static void checkTangent(DiscreteFamily family, StochasticTriple param, double theta) {
        int[] ix = TripleAccess.sparseIndices(param);
        boolean sparse = ix != null && TripleAccess.sparseFill(param) == 0;   // a zero never points out
        double[] v = sparse ? TripleAccess.sparseValues(param) : null;
        int k = sparse ? ix.length : param.directions();
        for (int p = 0; p < k; p++) {
            int j = sparse ? ix[p] : p;
            double d = sparse ? v[p] : param.delta(j);
            if (d > 0 && !inDomain(family, Math.nextUp(theta)) || d < 0 && !inDomain(family, Math.nextDown(theta))) {
                throw new IllegalArgumentException(family.name() + ": " + family.parameterName() + " = " + theta
                        + " is at the edge of its domain and its tangent (" + d + " along parameter " + j
                        + ") points out of it, where the derivative is not defined; move the parameter inside"
                        + " or reparameterise so the tangent points inwards");
            }
        }
    }

    /** As for one parameter: each parameter's tangent must point into the domain. */
    private static void checkTangent(DiscreteFamilyN family, StochasticTriple[] params, double[] theta) {
        for (int i = 0; i < params.length; i++) {
            int k = params[i].directions();
            for (int j = 0; j < k; j++) {
                double d = params[i].delta(j);
                if (d > 0 && !inDomain(family, theta, i, Math.nextUp(theta[i]))
                        || d < 0 && !inDomain(family, theta, i, Math.nextDown(theta[i]))) {
                    throw new IllegalArgumentException(family.name() + ": " + family.parameterName(i) + " = "
                            + theta[i] + " is at the edge of its domain and its tangent (" + d + " along parameter "
                            + j + ") points out of it, where the derivative is not defined; move the parameter"
                            + " inside or reparameterise so the tangent points inwards");
                }
            }
        }
    }

    /**
     * @param family a family
     * @param params the parameters as triples
     * @param theta  their values
     * @return "name = value" of a parameter with a tangent at the edge of the domain, or null
     */
    static String edgeParameter(DiscreteFamilyN family, StochasticTriple[] params, double[] theta) {
        for (int i = 0; i < params.length; i++) {
            for (int j = 0; j < params[i].directions(); j++) {
                if (params[i].delta(j) != 0 && !(inDomain(family, theta, i, Math.nextUp(theta[i]))
                        && inDomain(family, theta, i, Math.nextDown(theta[i])))) {
                    return family.parameterName(i) + " = " + theta[i];
                }
            }
        }
        return null;
    }

    private static boolean inDomain(DiscreteFamilyN family, double[] theta, int i, double value) {
        double[] moved = theta.clone();
        moved[i] = value;
        try {
            family.checkParameters(moved);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A categorical probability of 0 may only grow, one of 1 only shrink. */
    private static void checkEdgeTangent(StochasticTriple probability, int i, double p) {
        int k = probability.directions();
        for (int j = 0; j < k; j++) {
            double d = probability.delta(j);
            if (p == 0 && d < 0 || p == 1 && d > 0) {
                throw new IllegalArgumentException("categorical: probabilities[" + i + "] = " + p
                        + " is at the edge of [0, 1] and its tangent (" + d + " along parameter " + j
                        + ") points out of it, where the derivative is not defined");
            }
        }
    }

    /**
     * @param family a family
     * @param theta  a parameter value
     * @return whether the family accepts it
     */
    static boolean inDomain(DiscreteFamily family, double theta) {
        try {
            family.checkParameter(theta);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkFinite(String family, String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(family + ": " + name + " = " + v + " is not finite");
        }
    }

    private static int checkCount(String family, String name, double v) {
        if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(family + ": " + name + " = " + v + " is not a count >= 0");
        }
        return (int) v;
    }
}
