package org.stochad.engine;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.numbers.gamma.InverseErfc;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.random.AddressedStream;

/**
 * The sampler the estimators hand to programs: inversion from an addressed stream, with the
 * discrete draws' derivative bookkeeping chosen by the run's mode.
 */
final class TrackingSampler implements Sampler {

    private static final double CATEGORICAL_TOLERANCE = 1e-9;

    private final RunContext ctx;
    private final AddressedStream stream;

    TrackingSampler(RunContext ctx, AddressedStream stream) {
        this.ctx = ctx;
        this.stream = stream;
    }

    @Override
    public Sampler fork(long key) {
        return new TrackingSampler(ctx, stream.fork(key));
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
        Perturbation pn = n.perturbation();
        if (pn == null) {
            return draw(DiscreteFamilies.binomial(trials), p);
        }
        Event e = Perturbation.couple(pn, p.perturbation());
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
        Perturbation pp = parameter.perturbation();
        if (pp == null) {
            return discrete(family, parameter, null, null, 0);
        }
        return discrete(family, parameter, pp.event(), family, parameter.alternative());
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

    private StochasticTriple discrete(DiscreteFamily family, StochasticTriple param,
                                      Event altEvent, DiscreteFamily altFamily, double altTheta) {
        double theta = param.value();
        if (Double.isNaN(theta)) {
            throw new IllegalArgumentException(family.name() + ": " + family.parameterName() + " = NaN");
        }
        family.checkParameter(theta);
        double u = stream.nextUniform();
        int x = family.quantile(u, theta);
        switch (ctx.mode) {
            case PRIMAL:
                return StochasticTriple.constant(x);
            case FORCED:
                return StochasticTriple.constant(forcedOutcome(x, theta));
            default:
                break;
        }
        double pmf = family.pmf(x, theta);
        double up = family.cdfDerivative(x, theta);
        double down = x > family.lowerBound() ? family.cdfDerivative(x - 1, theta) : 0;
        if (ctx.mode == RunContext.Mode.PROPAGATE) {
            Perturbation carried = null;
            if (altEvent != null) {
                altFamily.checkParameter(altTheta);
                carried = new Perturbation(altEvent, altFamily.quantile(u, altTheta) - x);
            }
            double d = param.delta();
            return StochasticTriple.perturbed(x, new double[0],
                    newPerturbations(carried, pmf, -d * up, 1, d * down, -1));
        }
        int k = param.directions();
        if (pmf > 0) {
            for (int j = 0; j < k; j++) {
                ctx.score[j] += param.delta(j) * (up - down) / pmf;
            }
        }
        if (ctx.mode == RunContext.Mode.SCORE) {
            return StochasticTriple.constant(x);
        }
        long index = stream.position();
        long prefix = ctx.hash;
        ctx.hashDraw(stream.addressHi(), stream.addressLo(), index, theta);
        if (pmf > 0 && k > 0) {
            offer(x + 1, param.directions(), param::delta, -up / pmf, index, prefix);
            offer(x - 1, param.directions(), param::delta, down / pmf, index, prefix);
        }
        return StochasticTriple.constant(x);
    }

    @Override
    public StochasticTriple categorical(StochasticTriple... probabilities) {
        int k = probabilities.length;
        if (k == 0) {
            throw new IllegalArgumentException("categorical: probabilities is empty");
        }
        double[] p = new double[k];
        double sum = 0;
        Event e = null;
        for (int i = 0; i < k; i++) {
            p[i] = probabilities[i].value();
            if (!(p[i] >= 0 && p[i] <= 1)) {
                // the argument's name is only built for the message (string building per draw was a hot spot)
                DiscreteFamily.checkProbability("categorical", "probabilities[" + i + "]", p[i]);
            }
            sum += p[i];
            if (ctx.mode == RunContext.Mode.PROPAGATE) {
                Perturbation pi = probabilities[i].perturbation();
                e = Perturbation.couple(e == null ? null : new Perturbation(e, 1), pi);
            }
        }
        if (Math.abs(sum - 1) > CATEGORICAL_TOLERANCE) {
            throw new IllegalArgumentException("categorical: probabilities sum to " + sum + ", not 1");
        }
        double u = stream.nextUniform();
        int x = categoricalQuantile(p, u * sum);
        if (ctx.mode == RunContext.Mode.PRIMAL) {
            return StochasticTriple.constant(x);
        }
        if (ctx.mode == RunContext.Mode.FORCED) {
            return StochasticTriple.constant(forcedOutcome(x, sum));
        }
        int upTarget = x + 1;
        while (upTarget < k && p[upTarget] == 0) {
            upTarget++;
        }
        int downTarget = x - 1;
        while (downTarget >= 0 && p[downTarget] == 0) {
            downTarget--;
        }
        int dirs = ctx.mode == RunContext.Mode.PROPAGATE ? 1 : ctx.directions;
        double[] gUp = new double[dirs];
        double[] gDown = new double[dirs];
        for (int i = 0; i <= x; i++) {
            for (int j = 0; j < dirs; j++) {
                double d = probabilities[i].delta(j);
                gUp[j] += d;
                if (i < x) {
                    gDown[j] += d;
                }
            }
        }
        if (upTarget >= k) {
            java.util.Arrays.fill(gUp, 0);
        }
        if (downTarget < 0) {
            java.util.Arrays.fill(gDown, 0);
        }
        if (ctx.mode == RunContext.Mode.PROPAGATE) {
            Perturbation carried = null;
            if (e != null) {
                double[] pAlt = new double[k];
                double altSum = 0;
                for (int i = 0; i < k; i++) {
                    pAlt[i] = alt(probabilities[i], e);
                    altSum += pAlt[i];
                }
                carried = new Perturbation(e, categoricalQuantile(pAlt, u * altSum) - x);
            }
            return StochasticTriple.perturbed(x, new double[0],
                    newPerturbations(carried, p[x], -gUp[0], upTarget - x, gDown[0], downTarget - x));
        }
        for (int j = 0; j < dirs; j++) {
            ctx.score[j] += probabilities[x].delta(j) / p[x];
        }
        if (ctx.mode == RunContext.Mode.SCORE) {
            return StochasticTriple.constant(x);
        }
        long index = stream.position();
        long prefix = ctx.hash;
        ctx.hashDraw(stream.addressHi(), stream.addressLo(), index, sum);
        offer(upTarget, gUp.length, j -> gUp[j], -1 / p[x], index, prefix);
        offer(downTarget, gDown.length, j -> gDown[j], 1 / p[x], index, prefix);
        return StochasticTriple.constant(x);
    }

    private static int categoricalQuantile(double[] p, double v) {
        double c = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                c += p[i];
                last = i;
                if (v <= c) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * Propagation: new events for a draw's upward and downward flips (rates per unit tangent
     * given as boundary rates over the cell's mass), merged with a carried perturbation.
     */
    private Perturbation newPerturbations(Perturbation carried, double pmf, double upRate, int upShift,
                                          double downRate, int downShift) {
        Perturbation result = carried;
        if (pmf > 0 && upRate > 0) {
            result = Perturbation.merge(result, new Perturbation(new Event(upRate / pmf, ctx.pruning), upShift));
        }
        if (pmf > 0 && downRate > 0) {
            result = Perturbation.merge(result, new Perturbation(new Event(downRate / pmf, ctx.pruning), downShift));
        }
        return result;
    }

    /**
     * Offers the flip to {@code target} with weights w_j = max(0, g(j)·scale), j &lt; k, to the
     * reservoirs; the candidate itself is only built when some reservoir keeps it.
     */
    private void offer(int target, int k, IntToDoubleFunction g, double scale, long index, long prefix) {
        double norm = 0;
        for (int j = 0; j < k; j++) {
            norm += Math.max(0, g.applyAsDouble(j) * scale);
        }
        if (!(norm > 0)) {
            return;
        }
        Candidate c = null;
        if (ctx.reservoirs != null) {
            for (Reservoir r : ctx.reservoirs) {
                if (r.offer(norm)) {
                    c = c == null ? candidate(target, k, g, scale, norm, index, prefix) : c;
                    r.keep(c);
                }
            }
        }
        if (ctx.allCandidates != null) {
            ctx.allCandidates.add(c == null ? candidate(target, k, g, scale, norm, index, prefix) : c);
        }
    }

    private Candidate candidate(int target, int k, IntToDoubleFunction g, double scale, double norm, long index,
                                long prefix) {
        double[] w = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = Math.max(0, g.applyAsDouble(j) * scale);
        }
        return new Candidate(stream.addressHi(), stream.addressLo(), index, target, w, norm, prefix);
    }

    private int forcedOutcome(int x, double parameter) {
        long index = stream.position();
        Candidate t = ctx.target;
        boolean isTarget = index == t.index() && stream.addressLo() == t.addressLo()
                && stream.addressHi() == t.addressHi();
        if (ctx.targetReached) {
            // past the forced draw the prefix hash is not needed: a second draw at the target's
            // address can only follow a different prefix, which is the error below
            if (isTarget) {
                throw notDeterministic();
            }
            return x;
        }
        long prefix = ctx.hash;
        ctx.hashDraw(stream.addressHi(), stream.addressLo(), index, parameter);
        if (!isTarget) {
            return x;
        }
        if (prefix != t.prefixHash()) {
            throw notDeterministic();
        }
        ctx.targetReached = true;
        return t.alternative();
    }

    private static IllegalStateException notDeterministic() {
        return new IllegalStateException("replay: the program made different draws before the forced draw"
                + " than in its primal run; it is not deterministic given its sampler's streams"
                + " (does it read a clock, Math.random() or shared mutable state?)");
    }

    // ------------------------------------------------------------ continuous draws

    @Override
    public StochasticTriple normal(StochasticTriple mean, StochasticTriple sd) {
        checkFinite("normal", "mean", mean.value());
        checkFinite("normal", "sd", sd.value());
        if (sd.value() < 0) {
            throw new IllegalArgumentException("normal: sd = " + sd.value() + " is negative");
        }
        return mean.plus(sd.times(standardNormal()));
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
        return -Math.sqrt(2) * InverseErfc.value(2 * stream.nextUniform());
    }

    @Override
    public double exponential() {
        return -Math.log(stream.nextUniform());
    }

    // ------------------------------------------------------------ helpers

    private static double alt(StochasticTriple t, Event e) {
        Perturbation p = t.perturbation();
        return p != null && p.event() == e ? t.value() + p.shift() : t.value();
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
