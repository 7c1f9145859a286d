package org.stochad.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.ChunkedEstimator;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticProgram;

class VarianceStudyTest {

    private static final StochasticProgram PROGRAM = (s, t) -> s.bernoulli(t[0]).plus(1).square();

    @Test
    void rowsAgreeWithStandaloneEstimatesAndRender() {
        List<Estimator> estimators = List.of(Estimators.stochasticAd(), Estimators.scoreFunction());
        StudyResult result = VarianceStudy.of(PROGRAM, estimators, List.of(new double[] {0.2}, new double[] {0.7}),
                20_000, 3).withTitle("bernoulli").run();
        assertThat(result.rows()).hasSize(4);
        StudyRow sad = result.rows().get(0);
        GradientEstimate alone = Estimators.stochasticAd().estimate(PROGRAM, new double[] {0.2}, 20_000, 3);
        assertThat(sad.mean()).isEqualTo(alone.mean(0));
        assertThat(sad.sdPerSample()).isEqualTo(Math.sqrt(alone.variance(0)));
        assertThat(sad.costRelativeToPrimal()).isPositive();
        assertThat(sad.workNormalisedVariance())
                .isCloseTo(alone.variance(0) * sad.costRelativeToPrimal(), org.assertj.core.data.Offset.offset(1e-9));
        // exact derivative of E[(B+1)²] = 1 + 3p is 3 everywhere
        for (StudyRow r : result.rows()) {
            // the score function's se at p = 0.2 is about 0.06: a bias of 12.5 % would lie beyond 5 se
            assertThat(r.standardError()).isLessThan(0.025 * 3);
            assertThat(Math.abs(r.mean() - 3)).isLessThanOrEqualTo(5 * r.standardError());
        }
        assertThat(result.toTable()).contains("stochastic AD (replay, m=1)", "score function", "cost/prim");
        assertThat(result.toCsv().lines().count()).isEqualTo(5);
        assertThat(result.toCsv()).startsWith("estimator,theta");
    }

    @Test
    void progressAdvancesPerChunkUpToEverySampleOfEveryEstimateAndPoint() {
        List<Estimator> estimators = List.of(Estimators.stochasticAd(), Estimators.scoreFunction());
        List<Long> totals = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        int[] finished = {0};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void start(String task, long total) {
                totals.add(total);
            }

            @Override
            public void advance(long d, String detail) {
                done.add(d);
            }

            @Override
            public void finish() {
                finished[0]++;
            }
        };
        int samples = 3 * ChunkedEstimator.CHUNK_SIZE + 100;
        StudyResult withBar = VarianceStudy.of(PROGRAM, estimators, List.of(new double[] {0.2}, new double[] {0.7}),
                samples, 3).withProgress(listener).run();
        StudyResult without = VarianceStudy.of(PROGRAM, estimators, List.of(new double[] {0.2}, new double[] {0.7}),
                samples, 3).run();
        long total = 2L * 3 * samples;
        assertThat(totals).containsExactly(total);
        assertThat(finished[0]).isEqualTo(1);
        // per point: the primal reference in one step, then four chunks per estimator
        assertThat(done).hasSize(2 * (1 + 2 * 4)).isSorted().last().isEqualTo(total);
        // the first chunk of the first estimator: a quarter of its samples after the primal reference
        assertThat(done.get(1)).isEqualTo(samples + Math.round(samples / 4.0));
        for (int i = 0; i < without.rows().size(); i++) {
            assertThat(withBar.rows().get(i).mean()).isEqualTo(without.rows().get(i).mean());
            assertThat(withBar.rows().get(i).standardError()).isEqualTo(without.rows().get(i).standardError());
        }
    }
}
