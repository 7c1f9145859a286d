package org.stochad.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stochad.Estimator;

/**
 * The cost of an estimator relative to the primal run, measured interleaved: each invocation
 * runs the same {@value #SAMPLES} samples (same seed) through the primal runner and through the
 * estimator, alternating which goes first, and adds each one's wall time to a counter. On a
 * shared machine whose load changes from one benchmark to the next, the ratio of the two
 * counters is steadier than the ratio of two separately measured benchmarks, because both sides
 * see the same load. A case is "program:estimator"; the ratio is estimatorNanos / primalNanos.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CostRatioBenchmark {

    /** Samples per run of each side. */
    static final int SAMPLES = 50;

    /** The program and estimator, as "program:estimator". */
    @Param({
        "sin-bernoulli:score", "sin-bernoulli:replay-1",
        "branching:score", "branching:replay-1",
        "random-walk:score", "random-walk:replay-1",
        "shower:score", "shower:replay-1",
        "lund:score", "lund:replay-1", "lund:hybrid", "lund-a:score", "lund-a:replay-1"
    })
    public String benchmarkCase;

    BenchmarkPrograms.Case program;
    Estimator primal;
    Estimator estimator;
    long seed;

    /** Wall time of each side, accumulated over an iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        /** Nanoseconds spent in primal runs. */
        public long primalNanos;
        /** Nanoseconds spent in the estimator. */
        public long estimatorNanos;

        /** Clears the counters before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            primalNanos = 0;
            estimatorNanos = 0;
        }
    }

    /** Resolves the case. */
    @Setup
    public void setUp() {
        String[] parts = benchmarkCase.split(":");
        program = BenchmarkPrograms.of(parts[0]);
        primal = BenchmarkEstimators.of("primal");
        estimator = BenchmarkEstimators.of(parts[1]);
    }

    /**
     * @param times the counters
     * @return the two estimates' values, combined so neither is dead code
     */
    @Benchmark
    public double interleaved(Times times) {
        long s = seed++;
        boolean primalFirst = (s & 1) == 0;
        double sink = 0;
        for (int turn = 0; turn < 2; turn++) {
            boolean runPrimal = (turn == 0) == primalFirst;
            long start = System.nanoTime();
            sink += (runPrimal ? primal : estimator).estimate(program.program(), program.theta(), SAMPLES, s).value();
            long elapsed = System.nanoTime() - start;
            if (runPrimal) {
                times.primalNanos += elapsed;
            } else {
                times.estimatorNanos += elapsed;
            }
        }
        return sink;
    }
}
