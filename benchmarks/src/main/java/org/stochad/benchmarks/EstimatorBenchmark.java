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
import org.stochad.GradientEstimate;

/**
 * Time per sample of each estimator on each program, on one thread; divide by the "primal" row
 * of the same program for the cost ratio. A case is "program:estimator". The "lund" program has
 * four parameters, so its replay rows are the 4-parameter gradient; "lund-a" is the same event
 * differentiated along one parameter. Sample-time mode: besides the mean, JMH reports the median
 * of the invocation times, which a shared, loaded machine disturbs less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EstimatorBenchmark {

    /** Samples per invocation. */
    static final int SAMPLES = 100;

    /** The program and estimator, as "program:estimator". */
    @Param({
        "sin-bernoulli:primal", "sin-bernoulli:propagate", "sin-bernoulli:replay-1", "sin-bernoulli:replay-4",
        "sin-bernoulli:score", "sin-bernoulli:score-baseline", "sin-bernoulli:fd",
        "branching:primal", "branching:replay-1", "branching:replay-4", "branching:score",
        "branching:score-baseline", "branching:fd",
        "random-walk:primal", "random-walk:propagate", "random-walk:replay-1", "random-walk:replay-4",
        "random-walk:score", "random-walk:score-baseline", "random-walk:fd",
        "shower:primal", "shower:replay-1", "shower:replay-4", "shower:score", "shower:score-baseline", "shower:fd",
        "lund:primal", "lund:replay-1", "lund:replay-4", "lund:score", "lund:score-baseline", "lund:fd",
        "lund:hybrid", "lund-a:primal", "lund-a:replay-1"
    })
    public String benchmarkCase;

    BenchmarkPrograms.Case program;
    Estimator estimator;
    long seed;

    /** Resolves the case. */
    @Setup
    public void setUp() {
        String[] parts = benchmarkCase.split(":");
        program = BenchmarkPrograms.of(parts[0]);
        estimator = BenchmarkEstimators.of(parts[1]);
    }

    /** @return one estimate of {@value #SAMPLES} samples */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public GradientEstimate perSample() {
        return estimator.estimate(program.program(), program.theta(), SAMPLES, seed++);
    }
}
