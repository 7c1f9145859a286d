package org.stochad.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.stochad.StochasticProgram;
import org.stochad.Samplers;
import org.stochad.lund.Event;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.StringFragmenter;
import org.stochad.lund.observable.Observables;

/**
 * Events per second of the pions-only q-q̄ string at 100 GeV: the fragmenter driven by the
 * hadronization module's {@link PrimalSampler} on one and on two JMH threads, and the same event
 * as a {@link LundProgram} (parameters from θ, observable ⟨N⟩) through the core's primal sampler.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LundGeneratorBenchmark {

    private final LundSettings settings = LundSettings.pionsOnly().with(LundSettings.E_CM, 100.0)
            .with(LundSettings.PT_SCORE, "off"); // pathwise σ, as measured in docs/performance.md
    private final StringFragmenter fragmenter = new StringFragmenter(settings);
    private final StochasticProgram program = LundProgram.of(settings, Observables.multiplicity());
    private final org.stochad.StochasticTriple[] theta = constants(settings.theta());
    private final AtomicLong counter = new AtomicLong();

    private static org.stochad.StochasticTriple[] constants(double[] values) {
        org.stochad.StochasticTriple[] t = new org.stochad.StochasticTriple[values.length];
        for (int j = 0; j < values.length; j++) {
            t[j] = org.stochad.StochasticTriple.constant(values[j]);
        }
        return t;
    }

    /** @return one event of the plain generator on one thread */
    @Benchmark
    @Threads(1)
    public Event generatorOneThread() {
        return fragmenter.fragment(PrimalSampler.of(1, counter.getAndIncrement()));
    }

    /** @return one event per call on each of two threads (throughput is summed over both) */
    @Benchmark
    @Threads(2)
    public Event generatorTwoThreads() {
        return fragmenter.fragment(PrimalSampler.of(1, counter.getAndIncrement()));
    }

    /** @return ⟨N⟩ of one event run as a program through the core's primal sampler */
    @Benchmark
    @Threads(1)
    public double programOneThread() {
        return program.run(Samplers.primal(counter.getAndIncrement()), theta).value();
    }
}
