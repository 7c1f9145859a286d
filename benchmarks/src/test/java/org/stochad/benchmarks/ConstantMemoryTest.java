package org.stochad.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An estimate's memory does not grow with its samples: 10⁶ samples of sin-Bernoulli under
 * replay, the hybrid and the score function with baseline (the estimators whose batch terms come
 * from per-chunk sums) run in a separate JVM limited to a 32 MB heap — with a row per sample
 * they needed well over 100 MB. {@code tools/constant-memory.sh} runs 2·10⁸ under 64 MB.
 */
class ConstantMemoryTest {

    @Test
    void aMillionSamplesRunIn32Megabytes() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                ConstantMemoryRun.class.getName(), "1000000", "replay,hybrid,score-baseline", "2"))
                .redirectErrorStream(true).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("stochastic AD (replay, m=1): 1000000 samples", "hybrid SAD/score (m=1): 1000000 samples",
                "score function + baseline: 1000000 samples").doesNotContain("OutOfMemoryError");
    }
}
