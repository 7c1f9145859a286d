package org.stochad.lund;

import org.apache.commons.numbers.gamma.InverseErfc;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.random.AddressedStream;

/**
 * A plain sampler for fast event generation: no derivative bookkeeping, the same addressed
 * streams and the same inversion rules as the estimators' samplers, so event i of seed s equals
 * the primal event of sample i in an estimate with seed s.
 */
public final class PrimalSampler implements Sampler {

    /** The stream domain the core engine gives a program's own draws. */
    static final long PROGRAM_DOMAIN = 0;
    private static final double CATEGORICAL_TOLERANCE = 1e-9;

    private final AddressedStream stream;

    private PrimalSampler(AddressedStream stream) {
        this.stream = stream;
    }

    /**
     * @param seed   the run's seed
     * @param sample the event index
     * @return the root sampler of that event
     */
    public static PrimalSampler of(long seed, long sample) {
        return new PrimalSampler(AddressedStream.root(seed, sample, PROGRAM_DOMAIN));
    }

    @Override
    public Sampler fork(long key) {
        return new PrimalSampler(stream.fork(key));
    }

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
        double v = n.value();
        if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("binomial: n = " + v + " is not a count >= 0");
        }
        return draw(DiscreteFamilies.binomial((int) v), p);
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
        double theta = parameter.value();
        if (Double.isNaN(theta)) {
            throw new IllegalArgumentException(family.name() + ": " + family.parameterName() + " = NaN");
        }
        family.checkParameter(theta);
        return StochasticTriple.constant(family.quantile(stream.nextUniform(), theta));
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
            DiscreteFamily.checkProbability("categorical", "probabilities[" + i + "]", p[i]);
            sum += p[i];
        }
        if (Math.abs(sum - 1) > CATEGORICAL_TOLERANCE) {
            throw new IllegalArgumentException("categorical: probabilities sum to " + sum + ", not 1");
        }
        double v = stream.nextUniform() * sum;
        double c = 0;
        int last = -1;
        for (int i = 0; i < k; i++) {
            if (p[i] > 0) {
                c += p[i];
                last = i;
                if (v <= c) {
                    return StochasticTriple.constant(i);
                }
            }
        }
        return StochasticTriple.constant(last);
    }

    @Override
    public StochasticTriple normal(StochasticTriple mean, StochasticTriple sd) {
        if (!Double.isFinite(mean.value()) || !Double.isFinite(sd.value()) || sd.value() < 0) {
            throw new IllegalArgumentException("normal: mean = " + mean.value() + ", sd = " + sd.value());
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
        if (!Double.isFinite(lo.value()) || !Double.isFinite(hi.value()) || hi.value() < lo.value()) {
            throw new IllegalArgumentException("uniform: lo = " + lo.value() + ", hi = " + hi.value());
        }
        return lo.plus(hi.minus(lo).times(uniform()));
    }

    @Override
    public boolean accept(StochasticTriple probability) {
        return bernoulli(probability).value() == 1;
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
}
