package org.stochad.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stochad.EstimateRequest;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticProgram;
import org.stochad.TaskRunner;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.EventSummary;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitTarget;
import org.stochad.lund.fit.HistogramLoss;
import org.stochad.lund.fit.PseudoData;
import org.stochad.lund.fit.ReweightedSample;
import org.stochad.lund.io.GeneratorHistograms;
import org.stochad.lund.io.GeneratorTally;
import org.stochad.lund.observable.Histogram;

/**
 * A real multi-JVM cluster, {@code local-cluster[2,1,1024]} on 127.0.0.1: a master and two
 * workers in this JVM, two executors in processes of their own that load the program's classes
 * from {@code spark.jars}. Needs SPARK_HOME (the build's {@code target/spark-home}) and
 * SPARK_SCALA_VERSION, set by the build for the tests.
 */
class LocalClusterTest {

    private static SparkCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Path sparkJars = Path.of(System.getenv("SPARK_HOME"), "jars");
        Set<String> spark;
        try (Stream<Path> s = Files.list(sparkJars)) {
            spark = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<Path> app = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!spark.contains(p.getFileName().toString()) && !entry.contains("surefire")) {
                app.add(p);
            }
        }
        cluster = SparkCluster.start(SparkSettings.master("local-cluster[2,1,1024]")
                .withJars(ApplicationJars.packed(app)));
        assertThat(cluster.executors()).isEqualTo(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void estimatesOnTwoExecutorProcessesAreBitIdenticalToTheLocalRun() {
        StochasticProgram f = SparkEstimatorTest.sinBernoulli();
        GradientEstimate local = Estimators.hybrid().estimate(f, new double[] {0.7}, 3 * 4096 + 5, 42);
        GradientEstimate spark = SparkEstimator.of(cluster, Estimators.hybrid()).withPartitions(3)
                .estimate(f, new double[] {0.7}, 3 * 4096 + 5, 42);
        SparkEstimatorTest.assertSame(spark, local);
    }

    @Test
    void aLundGradientIsBitIdentical() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, true);
        var recipe = LundRecipes.program(s, "multiplicity");
        GradientEstimate local = Estimators.stochasticAd().estimate(recipe.make(), s.theta(), 4096 + 20, 5);
        GradientEstimate spark = SparkEstimator.of(cluster, Estimators.stochasticAd()).estimate(recipe, s.theta(),
                EstimateRequest.samples(4096 + 20).seed(5));
        SparkEstimatorTest.assertSame(spark, local);
    }

    @Test
    void eventsGiveTheLocalSummaryAndHistogramsBitForBit() {
        LundSettings s = LundSettings.defaults();
        int n = SparkEvents.CHUNK_EVENTS + 77;
        EventSummary localSummary = new EventSummary();
        GeneratorHistograms localHistograms = new GeneratorHistograms(s.eCM());
        new EventGenerator(s).generate(3, n, 2, e -> {
            localSummary.accept(e);
            localHistograms.fill(e);
        });
        EventSummary summary = new EventSummary();
        GeneratorHistograms histograms = new GeneratorHistograms(s.eCM());
        new SparkEvents(cluster).generate(s, 3, n, e -> {
            summary.accept(e);
            histograms.fill(e);
        }, ProgressListener.none());
        assertThat(summary.toMarkdown()).isEqualTo(localSummary.toMarkdown());
        assertThat(Arrays.asList(summary.multiplicity()[1], summary.meanPt2()[0], summary.meanPt2()[1],
                summary.thrust()[0], summary.thrust()[1])).isEqualTo(Arrays.asList(localSummary.multiplicity()[1],
                localSummary.meanPt2()[0], localSummary.meanPt2()[1], localSummary.thrust()[0],
                localSummary.thrust()[1]));
        for (int h = 0; h < histograms.all().size(); h++) {
            Histogram a = histograms.all().get(h);
            Histogram b = localHistograms.all().get(h);
            for (int i = 0; i < a.bins(); i++) {
                assertThat(new double[] {a.sumW(i), a.sumW2(i), a.sumWX(i), a.sumWX2(i)})
                        .containsExactly(b.sumW(i), b.sumW2(i), b.sumWX(i), b.sumWX2(i));
            }
        }
    }

    @Test
    void tasksTalliesAndFitRowsOnExecutorProcessesAreBitIdentical() {
        TaskRunner.Task<double[]> task = i -> new double[] {Estimators.stochasticAd().withParallelism(1)
                .estimate(SparkEstimatorTest.sinBernoulli(), new double[] {0.2 + 0.3 * i}, 200, i).mean(0)};
        List<double[]> remote = new SparkTasks(cluster).map("points", 3, task, () -> { });
        List<double[]> local = TaskRunner.threads(1).map("points", 3, task, () -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(remote.get(i)).isEqualTo(local.get(i));
        }

        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, true);
        int n = SparkEvents.CHUNK_EVENTS + 40;
        GeneratorTally.InOrder inOrder = GeneratorTally.inOrder(s.eCM());
        new EventGenerator(s, false).generate(8, n, 2, e -> GeneratorHistograms.observe(e, s.eCM()), inOrder::accept);
        GeneratorTally tally = new SparkEvents(cluster).tally(s, 8, n, ProgressListener.none());
        GeneratorTally expected = inOrder.finish();
        assertThat(tally.summary().toMarkdown()).isEqualTo(expected.summary().toMarkdown());
        assertThat(tally.summary().thrust()).isEqualTo(expected.summary().thrust());
        assertThat(tally.summary().meanPt2()).isEqualTo(expected.summary().meanPt2());

        List<FitTarget> targets = PseudoData.targets(s, PseudoData.defaultHistograms(), 500, 4, 2);
        assertThat(PseudoData.targets(s, PseudoData.defaultHistograms(), 500, 4, new SparkEventRunner(cluster))
                .get(1).data().values()).isEqualTo(targets.get(1).data().values());
        ReweightedSample.Evaluation before = ReweightedSample.generate(s, targets, 300, 6, 2)
                .evaluate(s.aLund(), s.bLund(), HistogramLoss.CHI2);
        ReweightedSample.Evaluation after = ReweightedSample.generateAndEvaluate(s, targets, 300, 6,
                new SparkEventRunner(cluster), s.aLund(), s.bLund(), HistogramLoss.CHI2);
        assertThat(after.loss()).isEqualTo(before.loss());
        assertThat(after.gradient()).isEqualTo(before.gradient());
    }
}
