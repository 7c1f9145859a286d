package org.stochad.lund.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticProgram;
import org.stochad.lund.Event;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.StringFragmenter;
import org.stochad.lund.observable.Observables;

/**
 * Events per second of the pions-only u-ū string at 100 GeV: the plain generator on one and two
 * threads, and one sample of the program ⟨N⟩ inside each estimator (its cost relative to a primal
 * event). Run: {@code java -cp <test classpath> org.openjdk.jmh.Main LundBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LundBenchmark {

    /** Samples per estimator call; throughput is reported per sample. */
    static final int SAMPLES = 200;

    private final LundSettings settings = LundSettings.pionsOnly();
    private final StringFragmenter fragmenter = new StringFragmenter(settings);
    private final StochasticProgram program = LundProgram.of(settings, Observables.multiplicity());
    private final double[] theta = settings.theta();
    private final Estimator sad = Estimators.stochasticAd().withParallelism(1);
    private final Estimator score = Estimators.scoreFunction().withParallelism(1);
    private final Estimator fd = Estimators.finiteDifference(0.01).withParallelism(1);
    private final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();

    /** @return one event on one thread */
    @Benchmark
    @Threads(1)
    public Event primalOneThread() {
        return fragmenter.fragment(PrimalSampler.of(1, counter.getAndIncrement()));
    }

    /** @return one event per call on each of two threads */
    @Benchmark
    @Threads(2)
    public Event primalTwoThreads() {
        return fragmenter.fragment(PrimalSampler.of(1, counter.getAndIncrement()));
    }

    /** @return 200 stochastic-AD (replay) samples of d⟨N⟩/dθ, all four components */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SAMPLES)
    public Object stochasticAdSample() {
        return sad.estimate(program, theta, SAMPLES, counter.getAndIncrement());
    }

    /** @return 200 score-function samples */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SAMPLES)
    public Object scoreFunctionSample() {
        return score.estimate(program, theta, SAMPLES, counter.getAndIncrement());
    }

    /** @return 200 finite-difference samples (2 runs per parameter each) */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SAMPLES)
    public Object finiteDifferenceSample() {
        return fd.estimate(program, theta, SAMPLES, counter.getAndIncrement());
    }
}
