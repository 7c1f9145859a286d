package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.optim.Adam;

/**
 * The request type, chunked estimates and their merge, progress per chunk, outputs that are not
 * finite, the minimum sample count, readable results and the cost ratio.
 */
class EstimateApiTest {

    /** README's first program: θ² + Bernoulli(sin²(2θ)). */
    static final StochasticProgram SIN_BERNOULLI =
            (s, t) -> t[0].square().plus(s.bernoulli(t[0].times(2).sin().square()));
    private static final double[] THETA = {0.7};

    private static List<Estimator> all() {
        return List.of(Estimators.stochasticAd(StochasticAdOptions.propagate()), Estimators.stochasticAd(),
                Estimators.stochasticAd(StochasticAdOptions.replay().exhaustive()), Estimators.hybrid(),
                Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(0.01),
                Estimators.primal());
    }

    @Test
    void theRequestNamesSamplesAndSeedAndMatchesThePositionalCall() {
        EstimateRequest r = EstimateRequest.samples(10_000).seed(42);
        assertThat(r.toString()).isEqualTo("10000 samples, seed 42");
        for (Estimator e : all()) {
            assertThat(e.estimate(SIN_BERNOULLI, THETA, r)).as(e.name())
                    .isEqualTo(e.estimate(SIN_BERNOULLI, THETA, 10_000, 42));
        }
    }

    @Test
    void chunksMergedInIndexOrderGiveTheEstimateBitForBitForAnyThreadCount() {
        int n = 3 * ChunkedEstimator.CHUNK_SIZE + 123;
        for (Estimator e : all()) {
            GradientEstimate one = e.withParallelism(1).estimate(SIN_BERNOULLI, THETA, n, 7);
            assertThat(e.withParallelism(3).estimate(SIN_BERNOULLI, THETA, n, 7)).as(e.name()).isEqualTo(one);
            ChunkedEstimator c = (ChunkedEstimator) e;
            EstimateChunk all = null;
            for (long first = 0; first < n; first += ChunkedEstimator.CHUNK_SIZE) {
                EstimateChunk next = c.chunk(SIN_BERNOULLI, THETA, 7, first,
                        (int) Math.min(ChunkedEstimator.CHUNK_SIZE, n - first));
                all = all == null ? next : all.merge(next);
            }
            assertThat(all.count()).isEqualTo(n);
            assertThat(c.finish(all, 0)).as(e.name()).isEqualTo(one);
        }
    }

    @Test
    void chunksMustFollowEachOther() {
        ChunkedEstimator c = Estimators.stochasticAd();
        EstimateChunk a = c.chunk(SIN_BERNOULLI, THETA, 7, 0, 10);
        EstimateChunk b = c.chunk(SIN_BERNOULLI, THETA, 7, 11, 10);
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts at sample 11, not at 10");
        assertThatThrownBy(() -> c.finish(b, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start at sample 11");
    }

    @Test
    void progressIsReportedPerChunkOnTheCallersThread() {
        List<Long> done = new ArrayList<>();
        Thread caller = Thread.currentThread();
        ProgressListener listener = (d, detail) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            done.add(d);
        };
        Estimators.stochasticAd().withParallelism(2).estimate(SIN_BERNOULLI, THETA,
                EstimateRequest.samples(3 * ChunkedEstimator.CHUNK_SIZE).seed(1).progress(listener));
        assertThat(done).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aNonFiniteOutputStopsTheEstimateNamingSampleAndSeed() {
        StochasticProgram nanAt = (s, t) -> s.uniform() < 0.001 ? StochasticTriple.constant(Double.NaN) : t[0];
        for (Estimator e : all()) {
            for (int threads : new int[] {1, 3}) {
                assertThatThrownBy(() -> e.withParallelism(threads).estimate(nanAt, THETA, 20_000, 5))
                        .as(e.name()).isExactlyInstanceOf(IllegalStateException.class)
                        .hasMessageContainingAll("sample ", "of seed 5", "NaN", "Samplers.primal(5, ");
            }
        }
        StochasticProgram infiniteTangent = (s, t) -> t[0].sqrt();
        assertThatThrownBy(() -> Estimators.stochasticAd().estimate(infiniteTangent, new double[] {0}, 10, 5))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("sample 0 of seed 5", "gradient estimate (component 0) = Infinity");
    }

    @Test
    void theFailureReportedIsTheLowestFailingSampleForAnyThreadCount() {
        StochasticProgram nanAt = (s, t) -> s.uniform() < 0.001 ? StochasticTriple.constant(Double.NaN) : t[0];
        String one = message(() -> Estimators.stochasticAd().withParallelism(1).estimate(nanAt, THETA, 50_000, 9));
        String four = message(() -> Estimators.stochasticAd().withParallelism(4).estimate(nanAt, THETA, 50_000, 9));
        // about 50 of the 50 000 samples are NaN: both runs must fail, or the equality below says nothing
        assertThat(one).isNotEqualTo("no failure").contains("NaN");
        assertThat(four).isEqualTo(one);
    }

    private static String message(Runnable r) {
        try {
            r.run();
            return "no failure";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    @Test
    void fewerThanTwoSamplesAreRefused() {
        for (Estimator e : all()) {
            assertThatThrownBy(() -> e.estimate(SIN_BERNOULLI, THETA, 1, 1)).as(e.name())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("samples = 1 is less than 2");
        }
        assertThatThrownBy(() -> EstimateRequest.samples(0)).hasMessageContaining("samples = 0 is less than 2");
    }

    @Test
    void resultsReadWell() {
        GradientEstimate g = Estimators.stochasticAd().estimate(SIN_BERNOULLI, THETA, 40, 12345);
        assertThat(g.toString()).matches("E\\[f\\] = 1\\.44000, ∇ = \\[2\\.5\\d+ ± 0\\.\\d+\\], 40 samples, [0-9.]+ ms");
        var result = Adam.of(0.05).minimize(SIN_BERNOULLI, Estimators.stochasticAd(), new double[] {1}, 5, 100, 1);
        assertThat(result.toString()).matches("5 steps, θ \\[1\\.00000\\] → \\[[0-9.]+\\], loss [0-9.]+ → [0-9.]+, [0-9.]+ ms");
    }

    @Test
    void theCostRatioIsMeasurable() {
        CostRatio r = CostRatio.measure(Estimators.stochasticAd(), SIN_BERNOULLI, THETA,
                EstimateRequest.samples(20_000).seed(1));
        assertThat(r.ratio()).isPositive();
        assertThat(r.toString()).startsWith("stochastic AD (replay, m=1): ").contains("× the primal run");
    }
}
