package org.stochad.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

/**
 * Samples per second of the replay estimator (one alternative) at 1 and 2 worker threads, on the
 * branching program and on the Lund event; the estimate is bit-identical for both thread counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParallelBenchmark {

    /** Samples per invocation. */
    static final int SAMPLES = 2000;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** The program, a name from {@link BenchmarkPrograms}. */
    @Param({"branching", "lund"})
    public String program;

    Estimator estimator;
    BenchmarkPrograms.Case workload;
    long seed;

    /** Builds the estimator. */
    @Setup
    public void setUp() {
        estimator = Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(threads));
        workload = BenchmarkPrograms.of(program);
    }

    /** @return one estimate of {@value #SAMPLES} samples */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public GradientEstimate samples() {
        return estimator.estimate(workload.program(), workload.theta(), SAMPLES, seed++);
    }
}
