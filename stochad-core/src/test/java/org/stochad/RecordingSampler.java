package org.stochad;

import java.util.concurrent.atomic.DoubleAccumulator;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.distribution.DiscreteFamily;

/**
 * A sampler that passes every call on and records the smallest and largest tangent δ of the
 * parameters of discrete draws, so a test can prove which sign of the tangent it exercised.
 */
final class RecordingSampler implements Sampler {

    /** The extreme tangents seen, shared by a sampler and its forks (thread-safe). */
    static final class Tangents {
        final DoubleAccumulator min = new DoubleAccumulator(Math::min, Double.POSITIVE_INFINITY);
        final DoubleAccumulator max = new DoubleAccumulator(Math::max, Double.NEGATIVE_INFINITY);

        void record(StochasticTriple parameter) {
            min.accumulate(parameter.delta());
            max.accumulate(parameter.delta());
        }
    }

    private final Sampler inner;
    private final Tangents tangents;

    RecordingSampler(Sampler inner, Tangents tangents) {
        this.inner = inner;
        this.tangents = tangents;
    }

    private StochasticTriple seen(StochasticTriple p) {
        tangents.record(p);
        return p;
    }

    @Override
    public StochasticTriple bernoulli(StochasticTriple p) {
        return inner.bernoulli(seen(p));
    }

    @Override
    public StochasticTriple binomial(int n, StochasticTriple p) {
        return inner.binomial(n, seen(p));
    }

    @Override
    public StochasticTriple binomial(StochasticTriple n, StochasticTriple p) {
        return inner.binomial(n, seen(p));
    }

    @Override
    public StochasticTriple geometric(StochasticTriple p) {
        return inner.geometric(seen(p));
    }

    @Override
    public StochasticTriple poisson(StochasticTriple lambda) {
        return inner.poisson(seen(lambda));
    }

    @Override
    public StochasticTriple categorical(StochasticTriple... probabilities) {
        seen(probabilities[0]);
        return inner.categorical(probabilities);
    }

    @Override
    public StochasticTriple draw(DiscreteFamily family, StochasticTriple parameter) {
        return inner.draw(family, seen(parameter));
    }

    @Override
    public StochasticTriple draw(ContinuousFamily family, StochasticTriple... parameters) {
        for (StochasticTriple p : parameters) {
            seen(p);
        }
        return inner.draw(family, parameters);
    }

    @Override
    public StochasticTriple below(StochasticTriple x, ContinuousFamily threshold, StochasticTriple... parameters) {
        seen(x);
        return inner.below(x, threshold, parameters);
    }

    @Override
    public RegionDraw split(ContinuousFamily family, StochasticTriple[] parameters, StochasticTriple... boundaries) {
        for (StochasticTriple p : parameters) {
            seen(p);
        }
        return inner.split(family, parameters, boundaries);
    }

    @Override
    public StochasticTriple normal(StochasticTriple mean, StochasticTriple sd) {
        return inner.normal(mean, sd);
    }

    @Override
    public StochasticTriple exponential(StochasticTriple rate) {
        return inner.exponential(rate);
    }

    @Override
    public StochasticTriple uniform(StochasticTriple lo, StochasticTriple hi) {
        return inner.uniform(lo, hi);
    }

    @Override
    public boolean accept(StochasticTriple probability) {
        return inner.accept(seen(probability));
    }

    @Override
    public Sampler fork(long key) {
        return new RecordingSampler(inner.fork(key), tangents);
    }

    @Override
    public double uniform() {
        return inner.uniform();
    }

    @Override
    public double standardNormal() {
        return inner.standardNormal();
    }

    @Override
    public double exponential() {
        return inner.exponential();
    }
}
