package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public utilities: derived seeds, the parallel loop, progress reports. */
class SeedsAndParallelTest {

    @Test
    void deriveIsTheGoldenRatioStepThroughTheMixer() {
        long seed = 20230831L;
        assertThat(Seeds.derive(seed, 4)).isEqualTo(Seeds.mix(seed + 0x9E3779B97F4A7C15L * 5));
        assertThat(Seeds.derive(seed, 4, 9)).isEqualTo(Seeds.derive(Seeds.derive(seed, 4), 9));
        assertThat(Seeds.mix(0)).isZero();
        assertThat(Seeds.mix(1)).isNotEqualTo(Seeds.mix(2));
        assertThatThrownBy(() -> Seeds.derive(seed, new long[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys");
    }

    @Test
    void parallelMapKeepsIndexOrderForAnyThreadCount() {
        List<Long> one = Parallel.map(50, 1, i -> Seeds.derive(1, i));
        List<Long> four = Parallel.map(50, 4, i -> Seeds.derive(1, i));
        assertThat(four).isEqualTo(one).hasSize(50);
    }

    @Test
    void parallelRethrowsAWorkersExceptionUnwrapped() {
        assertThatThrownBy(() -> Parallel.forEach(10, 3, i -> {
            if (i == 7) {
                throw new IllegalArgumentException("item " + i);
            }
        })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("item 7");
        assertThatThrownBy(() -> Parallel.forEach(3, 0, i -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads = 0");
    }

    @Test
    void anOptimiserReportsOneUnitPerStep() {
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void start(String task, long total) {
                events.add("start " + task + " " + total);
            }

            @Override
            public void advance(long done, String detail) {
                events.add("advance " + done);
            }

            @Override
            public void finish() {
                events.add("finish");
            }
        };
        StochasticProgram loss = (s, th) -> th[0].minus(1).square();
        org.stochad.optim.Sgd.of(0.1).withProgress(listener).minimize(loss, Estimators.stochasticAd(),
                new double[] {0}, 3, 2, 5);
        assertThat(events).containsExactly("start SGD 3", "advance 1", "advance 2", "advance 3", "finish");
    }
}
