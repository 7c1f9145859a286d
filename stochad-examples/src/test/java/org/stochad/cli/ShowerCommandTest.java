package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stochad.cli.Cli.assertUserError;
import static org.stochad.cli.Cli.ok;
import static org.stochad.cli.Cli.quiet;
import static org.stochad.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.shower.ShowerOptimization;
import org.stochad.shower.ShowerStudy;
import picocli.CommandLine;

/** {@code stochad shower ...} end to end with tiny budgets, and its user mistakes. */
class ShowerCommandTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private static void assertPng(Path p) throws IOException {
        assertThat(p).exists();
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void helpListsTheSubcommands() {
        Cli.Run r = ok(run("shower", "--help"));
        assertThat(r.out()).contains("scan", "compare", "optimize", "cost", "display");
        assertThat(ok(run("shower", "scan", "--help")).out()).contains("--from", "--to", "--points", "--events",
                "--config", "--seed", "--threads", "--format");
        assertThat(ok(run("--help")).out()).contains("shower", "hadron");
    }

    @Test
    void helpStatesTheToyShowerModulesDefaultEstimators() {
        String study = String.join(", ", ShowerStudy.defaultEstimators().stream().map(EstimatorChoice::keyOf).toList());
        String optimization = String.join(", ",
                ShowerOptimization.defaultEstimators().stream().map(EstimatorChoice::keyOf).toList());
        assertThat(estimatorsHelp(new ShowerCompareCommand())).contains("(default: " + study + ")");
        assertThat(estimatorsHelp(new ShowerCostCommand())).contains("(default: " + study + ")");
        assertThat(estimatorsHelp(new ShowerOptimizeCommand())).contains("(default: " + optimization + ")");
    }

    private static String estimatorsHelp(Object command) {
        return String.join(" ", new CommandLine(command).getCommandSpec().findOption("--estimators").description());
    }

    @Test
    void scanPrintsTheGridAndWritesItsPlot() throws IOException {
        Cli.Run r = ok(run(quiet(out(), "shower", "scan", "--points", "3", "--from", "1", "--to", "3", "--events",
                "40", "--format", "csv")));
        List<String[]> rows = r.csvRows("shower configuration");
        assertThat(rows).hasSize(3);
        // the shower's mean depth grows with the inner radius of the material
        double[] depth = rows.stream().mapToDouble(c -> Double.parseDouble(c[3])).toArray();
        assertThat(depth[0]).isLessThan(depth[1]);
        assertThat(depth[1]).isLessThan(depth[2]);
        assertPng(out().resolve("toy-shower-scan-shower.png"));
        assertThat(out().resolve("toy-shower-scan-shower.csv")).exists();
        assertThat(r.err()).contains("wrote " + out().resolve("toy-shower-scan-shower.png"));
    }

    @Test
    void compareTabulatesTheChosenEstimatorsForBothConfigurations() throws IOException {
        Cli.Run r = ok(run(quiet(out(), "shower", "compare", "--config", "both", "--theta", "2.5", "--events", "60",
                "--estimators", "sad,score-baseline")));
        assertThat(r.out()).contains("shower compare: shower", "shower compare: eloss",
                "stochastic AD (replay, m=1)", "score function + baseline", "sd/shower", "cost/primal")
                .doesNotContain("finite difference");
        for (String label : List.of("shower", "eloss")) {
            assertPng(out().resolve("toy-shower-study-" + label + ".png"));
            assertThat(out().resolve("toy-shower-study-" + label + ".txt")).exists();
            assertThat(r.out()).contains("wrote " + out().resolve("toy-shower-study-" + label + ".csv"));
        }
    }

    @Test
    void compareGivesTheSameNumbersForAnyThreadCount() {
        String[] args = {"shower", "compare", "--theta", "1.0", "--events", "40", "--estimators", "sad,fd",
            "--format", "csv", "--threads"};
        List<String> one = estimates(ok(run(quiet(out(), append(args, "1")))));
        List<String> two = estimates(ok(run(quiet(out(), append(args, "2")))));
        assertThat(one).hasSize(2).isEqualTo(two);
    }

    private static String[] append(String[] a, String last) {
        String[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = last;
        return b;
    }

    private static List<String> estimates(Cli.Run r) {
        return r.csvRows("shower configuration").stream().map(c -> c[1] + ":" + c[2] + ":" + c[3]).toList();
    }

    @Test
    void optimizeRunsAdamAndWritesTheTrajectoryPlot() throws IOException {
        Cli.Run r = ok(run(quiet(out(), "shower", "optimize", "--steps", "50", "--runs", "2", "--estimators", "sad",
                "--format", "csv")));
        List<String[]> rows = r.csvRows("Adam, 50 steps");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("stochastic AD (replay, m=1)");
        // from θ = 3 the loss gradient is positive, so Adam moves the radius down
        assertThat(Double.parseDouble(rows.get(0)[3])).isLessThan(3.0);
        assertPng(out().resolve("toy-shower-optimization-shower.png"));
        assertThat(out().resolve("toy-shower-optimization-shower.csv")).exists();
    }

    @Test
    void costMeasuresEachEstimatorAgainstAPlainShower() {
        Cli.Run r = ok(run(quiet(out(), "shower", "cost", "--config", "eloss", "--events", "20", "--runs", "1",
                "--estimators", "sad,score")));
        assertThat(r.out()).contains("shower cost: eloss", "stochastic AD (replay, m=1)", "score function",
                "primal µs/shower");
        assertThat(out().resolve("toy-shower-cost-eloss.txt")).exists();
    }

    @Test
    void designOptimisesEverySectorAndDrawsTheMap() throws IOException {
        Cli.Run r = ok(run(quiet(out(), "shower", "design", "--segments", "4", "--steps", "20", "--runs", "2",
                "--events", "2", "--estimators", "sad,score-baseline", "--evaluation-events", "20", "--format", "csv")));
        List<String[]> rows = r.csvRows("4 sectors");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[0]).isEqualTo("stochastic AD (replay, m=1)");
        // from θ = 3 every sector's gradient is positive: the largest final radius is below the start
        assertThat(Double.parseDouble(rows.get(0)[4])).isLessThan(3.0);
        assertPng(out().resolve("toy-shower-design-K4-shower-map.png"));
        assertPng(out().resolve("toy-shower-design-K4-shower.png"));
        assertThat(Files.readString(out().resolve("toy-shower-design-K4-shower.csv"))).startsWith(
                "estimator,step,loss_mean,loss_q10,loss_q90,theta0_q50,theta1_q50,theta2_q50,theta3_q50");
    }

    @Test
    void designCostTabulatesEveryEstimatorAndK() throws IOException {
        Cli.Run r = ok(run(quiet(out(), "shower", "design-cost", "--segments", "1,4", "--events", "4", "--runs", "1",
                "--estimators", "sad,fd")));
        assertThat(r.out()).contains("shower design-cost: shower", "cost grows");
        assertPng(out().resolve("toy-shower-design-cost-shower.png"));
        assertThat(out().resolve("toy-shower-design-cost-shower.csv")).exists();
        assertUserError(run(quiet(out(), "shower", "design", "--segments", "65")), "segments = 65");
    }

    @Test
    void displayDrawsBothWorlds() throws IOException {
        Cli.Run r = ok(run(quiet(out(), "shower", "display", "--theta", "1.5", "--format", "json")));
        assertThat(r.out()).contains("\"world\":\"primal\"", "\"world\":\"alternative\"", "flipped: particle");
        assertPng(out().resolve("toy-shower-display-shower.png"));
        assertThat(Files.readString(out().resolve("toy-shower-display-shower.txt"))).contains("alternative loss");
    }

    /** The file checks of the toy-shower module's former scan test, now that the command line writes the files. */
    @Test
    void scanWritesItsFilesAndReportsItsSmallestPoint() throws IOException {
        Path dir = out();
        Cli.Run r = ok(run(quiet(dir, "shower", "scan", "--config", "eloss", "--from", "0.3", "--to", "2.1",
                "--points", "4", "--events", "40", "--seed", "3", "--threads", "2", "--format", "csv")));
        List<String[]> rows = r.csvRows("eloss configuration");
        assertThat(rows).hasSize(4);
        assertThat(Files.readAllLines(dir.resolve("toy-shower-scan-eloss.csv"))).hasSize(5);
        assertThat(Files.size(dir.resolve("toy-shower-scan-eloss.png"))).isGreaterThan(1000);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("toy-shower-scan"));
        }
    }

    /** The file check of the toy-shower module's former display test. */
    @Test
    void displayWritesALargeImage() throws IOException {
        ok(run(quiet(out(), "shower", "display", "--theta", "1.5", "--seed", "11")));
        assertThat(Files.size(out().resolve("toy-shower-display-shower.png"))).isGreaterThan(10_000);
    }

    /** The former {@code ToyShowerMain}'s bad input, now through {@code stochad shower}. */
    @Test
    void badInputOfTheFormerToyShowerMainIsOneReadableLine() {
        assertUserError(run("shower", "bogus"), "bogus");
        assertUserError(run(quiet(out(), "shower", "scan", "--nope=1")), "--nope");
        assertUserError(run(quiet(out(), "shower", "scan", "--events=many")), "many");
        assertUserError(run(quiet(out(), "shower", "scan", "--config=muon")), "muon");
    }

    @Test
    void userMistakesAreOneLineAndExitCodeTwo() {
        assertUserError(run("shower"), "Missing required subcommand");
        assertUserError(run("shower", "bogus"), "unknown command 'bogus'");
        assertUserError(run(quiet(out(), "shower", "scan", "--points", "2")), "--points = 2 is less than 3");
        assertUserError(run(quiet(out(), "shower", "scan", "--events", "10")), "--events = 10 is less than 40");
        assertUserError(run(quiet(out(), "shower", "scan", "--from", "3", "--to", "1")), "--from = 3.0, --to = 1.0");
        assertUserError(run(quiet(out(), "shower", "scan", "--config", "muon")), "--config");
        assertUserError(run(quiet(out(), "shower", "compare", "--theta", "-1")), "--theta = -1.0");
        assertUserError(run(quiet(out(), "shower", "compare", "--theta", "1,x")), "--theta");
        assertUserError(run(quiet(out(), "shower", "compare", "--estimators", "sad,bogus")),
                "unknown estimator 'bogus'");
        assertUserError(run(quiet(out(), "shower", "compare", "--events", "100", "--samples", "200")), "disagree");
        assertUserError(run(quiet(out(), "shower", "optimize", "--steps", "10")), "--steps = 10 is less than 50");
        assertUserError(run(quiet(out(), "shower", "optimize", "--samples", "10")), "--samples does not apply");
        assertUserError(run(quiet(out(), "shower", "cost", "--runs", "0")), "--runs = 0");
        assertUserError(run(quiet(out(), "shower", "display", "--theta", "abc")), "abc");
    }

    @Test
    void unwritableOutputFolderIsOneLineAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUserError(run("shower", "display", "--no-progress", "--out", file.resolve("sub").toString()),
                "cannot write to --out");
    }
}
