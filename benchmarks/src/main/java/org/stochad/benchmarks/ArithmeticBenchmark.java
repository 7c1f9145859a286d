package org.stochad.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stochad.Samplers;
import org.stochad.StochasticTriple;

/**
 * A fixed chain of 1000 mixed operations (plus, times, sin, log, exp, div) on doubles, on
 * triples with a tangent and no perturbation, and on triples carrying a perturbation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArithmeticBenchmark {

    /** Steps of 8 operations each: 125 steps make the chain of 1000. */
    static final int STEPS = 125;

    double start;
    StochasticTriple plain;
    StochasticTriple perturbed;

    /** Builds the inputs. */
    @Setup
    public void setUp() {
        start = 0.7;
        plain = StochasticTriple.of(0.7, 1.0);
        // a propagated Bernoulli(1e-9) draw is 0 with an upward flip of +1; shifted to 0.7 with tangent 1
        perturbed = Samplers.propagating(1).bernoulli(StochasticTriple.of(1e-9, 1.0)).plus(StochasticTriple.of(0.7, 1.0));
        if (perturbed.perturbationShift() != 1.0) {
            throw new IllegalStateException("the input carries no perturbation of +1: " + perturbed);
        }
    }

    /** @return the chain on doubles */
    @Benchmark
    public double doubles() {
        double y = start;
        for (int i = 0; i < STEPS; i++) {
            double s = Math.sin((y + 0.3) * 0.9);
            y = Math.log(s + 1.2) / (Math.exp(-y) + 1) * y;
        }
        return y;
    }

    /** @return the chain on triples without a live perturbation */
    @Benchmark
    public double triples() {
        return chain(plain).value();
    }

    /** @return the chain on triples carrying a perturbation */
    @Benchmark
    public double perturbedTriples() {
        StochasticTriple y = chain(perturbed);
        return y.value() + y.derivativeContribution();
    }

    static StochasticTriple chain(StochasticTriple x) {
        StochasticTriple y = x;
        for (int i = 0; i < STEPS; i++) {
            StochasticTriple s = y.plus(0.3).times(0.9).sin();
            y = s.plus(1.2).log().div(y.neg().exp().plus(1)).times(y);
        }
        return y;
    }
}
