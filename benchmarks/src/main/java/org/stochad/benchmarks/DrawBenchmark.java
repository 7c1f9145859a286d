package org.stochad.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.Philox4x64;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.Samplers;

/**
 * One draw of each discrete family: as a plain Commons RNG draw, as a sampler draw of a constant
 * parameter, and as a sampler draw of a parameter with a tangent (which creates a perturbation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DrawBenchmark {

    /** The family drawn. */
    @Param({"bernoulli", "poisson", "binomial", "categorical"})
    public String family;

    UniformRandomProvider rng;
    DiscreteSampler commons;
    Sampler primal;
    Sampler propagating;
    StochasticTriple constant;
    StochasticTriple tangent;
    StochasticTriple[] constantProbabilities;
    StochasticTriple[] tangentProbabilities;

    /** Builds generators and parameters. */
    @Setup
    public void setUp() {
        rng = new Philox4x64(new long[] {42, 7, 0, 0, 0, 0});
        primal = Samplers.primal(42);
        propagating = Samplers.propagating(42);
        double parameter = family.equals("poisson") ? 3.0 : 0.3;
        constant = StochasticTriple.constant(parameter);
        tangent = StochasticTriple.of(parameter, 1.0);
        double[] p = {0.2, 0.3, 0.1, 0.4};
        double[] dp = {0.5, -0.25, -0.5, 0.25};
        constantProbabilities = new StochasticTriple[p.length];
        tangentProbabilities = new StochasticTriple[p.length];
        for (int i = 0; i < p.length; i++) {
            constantProbabilities[i] = StochasticTriple.constant(p[i]);
            tangentProbabilities[i] = StochasticTriple.of(p[i], dp[i]);
        }
        commons = switch (family) {
            case "bernoulli" -> () -> rng.nextDouble() < 0.3 ? 1 : 0;
            case "poisson" -> PoissonSampler.of(rng, 3.0);
            case "binomial" -> MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, 10, 0.3);
            case "categorical" -> GuideTableDiscreteSampler.of(rng, p);
            default -> throw new IllegalArgumentException("family = " + family);
        };
    }

    /** @return a plain Commons RNG draw */
    @Benchmark
    public int commonsRng() {
        return commons.sample();
    }

    /** @return a sampler draw without tangent */
    @Benchmark
    public double samplerWithoutTangent() {
        return draw(primal, constant, constantProbabilities).value();
    }

    /** @return a sampler draw whose parameter carries a tangent: a perturbation is created */
    @Benchmark
    public double samplerWithTangent() {
        return draw(propagating, tangent, tangentProbabilities).derivativeContribution();
    }

    private StochasticTriple draw(Sampler s, StochasticTriple parameter, StochasticTriple[] probabilities) {
        return switch (family) {
            case "bernoulli" -> s.bernoulli(parameter);
            case "poisson" -> s.poisson(parameter);
            case "binomial" -> s.binomial(10, parameter);
            default -> s.categorical(probabilities);
        };
    }
}
