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

/** Samples per second of the replay estimator on the branching program, at 1 and 2 threads. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParallelBenchmark {

    /** Samples per invocation. */
    static final int SAMPLES = 4000;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    Estimator estimator;
    BenchmarkPrograms.Case program;
    long seed;

    /** Builds the estimator. */
    @Setup
    public void setUp() {
        estimator = Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(threads));
        program = BenchmarkPrograms.of("branching");
    }

    /** @return one estimate of {@value #SAMPLES} samples */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public GradientEstimate samples() {
        return estimator.estimate(program.program(), program.theta(), SAMPLES, seed++);
    }
}
