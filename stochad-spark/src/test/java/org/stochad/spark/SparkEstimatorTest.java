package org.stochad.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;
import org.stochad.VectorProgram;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.TaskRunner;
import org.stochad.ProgressListener;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;
import org.stochad.lund.reweight.RsaDerivativeEstimator;
import org.stochad.lund.io.GeneratorHistograms;
import org.stochad.lund.io.GeneratorTally;
import org.stochad.lund.observable.Histogram;
import org.stochad.lund.fit.FitTarget;
import org.stochad.lund.fit.HistogramLoss;
import org.stochad.lund.fit.HistogramSpec;
import org.stochad.lund.fit.PseudoData;
import org.stochad.lund.fit.ReweightedSample;

/** Estimates on an embedded {@code local[2]} Spark: bit for bit the local estimates, and the fast failures. */
class SparkEstimatorTest {

    private static SparkCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SparkCluster.start(SparkSettings.master("local[2]"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** x² + Bernoulli(sin²(2x)), serializable. */
    static StochasticProgram sinBernoulli() {
        return (StochasticProgram & Serializable) (s, t) ->
                t[0].square().plus(s.bernoulli(t[0].times(2).sin().square()));
    }

    static void assertSame(GradientEstimate spark, GradientEstimate local) {
        assertThat(spark.samples()).isEqualTo(local.samples());
        for (int j = 0; j < local.mean().length; j++) {
            assertThat(Double.doubleToRawLongBits(spark.mean(j))).as("mean %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(local.mean(j)));
            assertThat(Double.doubleToRawLongBits(spark.standardError(j))).as("std.err %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(local.standardError(j)));
        }
        assertThat(Double.doubleToRawLongBits(spark.value())).isEqualTo(Double.doubleToRawLongBits(local.value()));
        assertThat(spark.note()).isEqualTo(local.note());
    }

    /** (x², x·Bernoulli(sin²(2x)), Bernoulli(x/2)), serializable. */
    static VectorProgram threeOutputs() {
        return (VectorProgram & Serializable) (s, t) -> {
            StochasticTriple b = s.bernoulli(t[0].times(2).sin().square());
            return new StochasticTriple[] {t[0].square(), t[0].times(b), s.bernoulli(t[0].times(0.5))};
        };
    }

    @Test
    void jacobiansAreBitIdenticalToTheLocalRunForAnyPartitioning() {
        List<Estimator> estimators = List.of(Estimators.stochasticAd(), Estimators.hybrid(),
                Estimators.scoreFunctionWithBaseline());
        int samples = 2 * 4096 + 77;
        for (Estimator e : estimators) {
            JacobianEstimate local = e.jacobian(threeOutputs(), new double[] {0.7},
                    EstimateRequest.samples(samples).seed(42));
            for (int partitions : new int[] {1, 3}) {
                JacobianEstimate spark = SparkEstimator.of(cluster, e).withPartitions(partitions)
                        .jacobian(threeOutputs(), new double[] {0.7}, EstimateRequest.samples(samples).seed(42));
                assertThat(spark).as(e.name() + ", %d partitions", partitions).isEqualTo(local);
                assertThat(spark.samples()).isEqualTo(samples);
            }
        }
    }

    @Test
    void everyBuiltInEstimatorIsBitIdenticalToTheLocalRunForAnyPartitioning() {
        List<Estimator> estimators = List.of(Estimators.stochasticAd(StochasticAdOptions.propagate()),
                Estimators.stochasticAd(), Estimators.hybrid(), Estimators.scoreFunction(),
                Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(1e-3));
        int samples = 5 * 4096 + 123;
        for (Estimator e : estimators) {
            GradientEstimate local = e.estimate(sinBernoulli(), new double[] {0.7}, samples, 42);
            for (int partitions : new int[] {1, 2, 5}) {
                GradientEstimate spark = SparkEstimator.of(cluster, e).withPartitions(partitions)
                        .estimate(sinBernoulli(), new double[] {0.7}, samples, 42);
                assertSame(spark, local);
            }
        }
    }

    @Test
    void aRecipeMakesTheProgramOnTheExecutors() {
        Recipe<StochasticProgram> recipe = SparkEstimatorTest::sinBernoulli;
        GradientEstimate local = Estimators.stochasticAd().estimate(sinBernoulli(), new double[] {0.3}, 9000, 7);
        GradientEstimate spark = SparkEstimator.of(cluster, Estimators.stochasticAd()).estimate(recipe,
                new double[] {0.3}, EstimateRequest.samples(9000).seed(7));
        assertSame(spark, local);
    }

    @Test
    void progressCountsSparkTasks() {
        long[] seen = {0, 0};
        org.stochad.ProgressListener p = new org.stochad.ProgressListener() {
            @Override
            public void start(String task, long total) {
                seen[0] = total;
            }

            @Override
            public void advance(long done, String detail) {
                seen[1] = done;
            }
        };
        SparkEstimator.of(cluster, Estimators.scoreFunction()).withPartitions(3).estimate(sinBernoulli(),
                new double[] {0.7}, EstimateRequest.samples(4 * 4096).seed(1).progress(p));
        assertThat(seen).containsExactly(3, 3);
    }

    /** Holds something that cannot travel. */
    static final class Holder {
        final double x = 2;
    }

    @Test
    void anUnserialisableProgramFailsBeforeAnyJobNamingTheCapturedField() {
        StochasticProgram plain = (s, t) -> t[0];
        assertThatThrownBy(() -> SparkEstimator.of(cluster, Estimators.stochasticAd()).estimate(plain,
                new double[] {1}, 100, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot ship the program").hasMessageContaining("SparkEstimatorTest");
        Holder h = new Holder();
        StochasticProgram capturing = (StochasticProgram & Serializable) (s, t) -> t[0].times(h.x);
        assertThatThrownBy(() -> SparkEstimator.of(cluster, Estimators.stochasticAd()).estimate(capturing,
                new double[] {1}, 100, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("captured value 1").hasMessageContaining(Holder.class.getName());
    }

    @Test
    void aFailingSampleReportsTheSampleAsLocally() {
        StochasticProgram nan = (StochasticProgram & Serializable) (s, t) ->
                s.bernoulli(t[0]).times(StochasticTriple.constant(Double.NaN));
        assertThatThrownBy(() -> SparkEstimator.of(cluster, Estimators.stochasticAd()).estimate(nan,
                new double[] {0.5}, 100, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sample 0 of seed 1");
    }

    @Test
    void badMastersAreRefusedWithOneReadableLine() {
        assertThatThrownBy(() -> SparkSettings.master("locl[2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'locl[2]' is not a Spark master URL");
        assertThatThrownBy(() -> SparkSettings.master("local-cluster[2,1]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void independentTasksComeBackInIndexOrderAsOnThreads() {
        TaskRunner.Task<double[]> task = i -> {
            GradientEstimate g = Estimators.stochasticAd().withParallelism(1).estimate(sinBernoulli(),
                    new double[] {0.1 * (i + 1)}, 300, 7 + i);
            return new double[] {g.mean(0), g.standardError(0)};
        };
        int[] ticks = {0};
        List<double[]> spark = new SparkTasks(cluster).map("points", 5, task, () -> ticks[0]++);
        List<double[]> local = TaskRunner.threads(2).map("points", 5, task, () -> { });
        assertThat(ticks[0]).isEqualTo(5);
        assertThat(spark).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(spark.get(i)).as("task %d", i).isEqualTo(local.get(i));
        }
        Object lock = new Object();
        assertThatThrownBy(() -> new SparkTasks(cluster).map("bad", 2, i -> lock.hashCode(), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void perEventWorkOnTheExecutorsGivesTheLocalFitInputsBitForBit() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, true);
        List<HistogramSpec> specs = PseudoData.defaultHistograms();
        int n = 2 * SparkEvents.CHUNK_EVENTS + 77;
        SparkEventRunner spark = new SparkEventRunner(cluster);
        List<FitTarget> local = PseudoData.targets(s, specs, n, 5, 2);
        List<FitTarget> remote = PseudoData.targets(s, specs, n, 5, spark);
        for (int t = 0; t < specs.size(); t++) {
            assertThat(remote.get(t).data().values()).isEqualTo(local.get(t).data().values());
            assertThat(remote.get(t).data().errors()).isEqualTo(local.get(t).data().errors());
        }
        ReweightedSample.Evaluation before = ReweightedSample.generate(s, local, 600, 9, 2)
                .evaluate(s.aLund(), s.bLund(), HistogramLoss.CHI2);
        ReweightedSample.Evaluation after = ReweightedSample.generateAndEvaluate(s, local, 600, 9, spark,
                s.aLund(), s.bLund(), HistogramLoss.CHI2);
        assertThat(after.loss()).isEqualTo(before.loss());
        assertThat(after.gradient()).isEqualTo(before.gradient());
        for (int t = 0; t < specs.size(); t++) {
            assertThat(after.histograms().get(t)).isEqualTo(before.histograms().get(t));
            assertThat(after.variances().get(t)).isEqualTo(before.variances().get(t));
            assertThat(after.jacobians().get(t)).isEqualTo(before.jacobians().get(t));
        }
        assertThat(before.gradient()[0]).isNotZero();
    }

    @Test
    void eventTalliesCountedOnTheExecutorsAreTheInOrderTallyBitForBit() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, true);
        int n = 3 * SparkEvents.CHUNK_EVENTS + 5;
        GeneratorTally.InOrder inOrder = GeneratorTally.inOrder(s.eCM());
        new EventGenerator(s, false).generate(17, n, 2, e -> GeneratorHistograms.observe(e, s.eCM()), inOrder::accept);
        GeneratorTally local = inOrder.finish();
        GeneratorTally spark = new SparkEvents(cluster).tally(s, 17, n, ProgressListener.none());
        assertThat(spark.summary().toMarkdown()).isEqualTo(local.summary().toMarkdown());
        assertThat(spark.summary().thrust()).isEqualTo(local.summary().thrust());
        assertThat(spark.summary().meanPt2()).isEqualTo(local.summary().meanPt2());
        assertThat(spark.summary().events()).isEqualTo(n);
        for (int h = 0; h < local.histograms().all().size(); h++) {
            Histogram a = local.histograms().all().get(h);
            Histogram b = spark.histograms().all().get(h);
            for (int bin = 0; bin < a.bins(); bin++) {
                assertThat(b.sumWX(bin)).as("%s bin %d", a.path(), bin).isEqualTo(a.sumWX(bin));
                assertThat(b.sumWX2(bin)).isEqualTo(a.sumWX2(bin));
                assertThat(b.sumW(bin)).isEqualTo(a.sumW(bin));
            }
        }
    }

    @Test
    void aLundProgramAndTheRsaDerivativeTravelAndGiveTheLocalEstimate() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, true);
        LundProgram program = LundProgram.of(s, Observables.parse("thrust")).withPtBaseline(0.9);
        Estimator rsa = RsaDerivativeEstimator.of(program, true, 2);
        GradientEstimate local = rsa.estimate(program, s.theta(), 700, 11);
        assertSame(SparkEstimator.of(cluster, rsa).withPartitions(2).estimate(program, s.theta(), 700, 11), local);
        GradientEstimate sad = Estimators.stochasticAd().estimate(program, s.theta(), 300, 12);
        assertSame(SparkEstimator.of(cluster, Estimators.stochasticAd()).estimate(program, s.theta(), 300, 12), sad);
        Observable local2 = e -> StochasticTriple.constant(e.multiplicity());
        assertThatThrownBy(() -> SparkEstimator.of(cluster, Estimators.stochasticAd())
                .estimate(LundProgram.of(s, local2), s.theta(), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observable");
    }
}
