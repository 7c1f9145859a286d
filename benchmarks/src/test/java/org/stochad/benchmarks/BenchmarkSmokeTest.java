package org.stochad.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs every benchmark once, briefly and in-process, so a broken benchmark fails the build. */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRuns() throws Exception {
        Options options = new OptionsBuilder().include("org\\.stochad\\.benchmarks\\..*")
                .param("benchmarkCase", "sin-bernoulli:replay-1", "branching:score", "lund:hybrid")
                .param("program", "branching")
                .param("family", "bernoulli", "categorical")
                .forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50)).shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSizeGreaterThanOrEqualTo(10);
        assertThat(results.stream().map(r -> r.getParams().getBenchmark().replaceAll("\\.[^.]*$", "")).distinct())
                .containsExactlyInAnyOrder(ArithmeticBenchmark.class.getName(), DrawBenchmark.class.getName(),
                        EstimatorBenchmark.class.getName(), CostRatioBenchmark.class.getName(),
                        ParallelBenchmark.class.getName(), LundGeneratorBenchmark.class.getName());
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
        }
    }
}
