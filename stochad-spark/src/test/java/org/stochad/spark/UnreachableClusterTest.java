package org.stochad.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A standalone master nobody listens for: a clear message after a bounded wait, no hang. */
class UnreachableClusterTest {

    @Test
    void anUnreachableClusterFailsAfterABoundedWait() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> SparkCluster.start(SparkSettings.master("spark://127.0.0.1:1")
                .withConnectTimeout(java.time.Duration.ofSeconds(3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spark://127.0.0.1:1")
                .hasMessageContaining("cannot reach the Spark master (127.0.0.1:1: Connection refused");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }
}
