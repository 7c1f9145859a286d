package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stochad.cli.Cli.assertUserError;
import static org.stochad.cli.Cli.ok;
import static org.stochad.cli.Cli.quiet;
import static org.stochad.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark local[2]}: the commands print the same estimates, standard errors, summaries and
 * histograms, bit for bit, as without it; bad masters are one line and exit code 2.
 */
class SparkCommandTest {

    @TempDir
    Path tmp;

    /** @return every table's title, estimate and std.err (or mean and std.err) cells, in order */
    private static List<String> numbers(Cli.Run r) {
        List<String> cells = new ArrayList<>();
        String[] header = null;
        for (String line : r.out().split("\\R")) {
            if (line.startsWith("# ")) {
                cells.add(line);
                header = null;
            } else if (!line.isBlank() && header == null) {
                header = Cli.csvSplit(line);
            } else if (!line.isBlank() && !line.startsWith("generation CPU")) { // a timing, measured locally only
                String[] row = Cli.csvSplit(line);
                for (int i = 0; i < header.length; i++) {
                    if (List.of("case", "estimator", "d/d", "estimate", "std.err", "mean", "quantity").contains(header[i])) {
                        cells.add(header[i] + "=" + row[i]);
                    }
                }
            }
        }
        return cells;
    }

    private Cli.Run both(String dir, boolean spark, String... args) {
        List<String> a = new ArrayList<>();
        if (spark) {
            a.addAll(List.of("--spark", "local[2]"));
        }
        a.addAll(List.of(args));
        a.addAll(List.of("--format", "csv"));
        return ok(run(quiet(tmp.resolve(dir), a.toArray(new String[0]))));
    }

    @Test
    void estimatesAndEventsMatchTheLocalRunBitForBit() throws IOException {
        List<String> walk = numbers(both("a", false, "example", "random-walk", "--samples", "40"));
        assertThat(numbers(both("b", true, "example", "random-walk", "--samples", "40"))).isEqualTo(walk);
        assertThat(walk).anyMatch(c -> c.startsWith("estimate="));

        List<String> gradient = numbers(both("c", false, "hadron", "gradient", "--samples", "4200", "--set",
                "Lund:pionsOnly=on"));
        assertThat(numbers(both("d", true, "hadron", "gradient", "--samples", "4200", "--set",
                "Lund:pionsOnly=on"))).isEqualTo(gradient);

        // the Lund law's score travels with its own program
        List<String> law = numbers(both("lg", false, "hadron", "gradient", "--samples", "4200", "--estimator",
                "law-score", "--set", "Lund:pionsOnly=on", "--set", "Lund:pathwisePilotEvents=2000"));
        assertThat(numbers(both("lh", true, "hadron", "gradient", "--samples", "4200", "--estimator", "law-score",
                "--set", "Lund:pionsOnly=on", "--set", "Lund:pathwisePilotEvents=2000"))).isEqualTo(law);
        assertThat(law).anyMatch(c -> c.startsWith("estimate="));

        List<String> events = numbers(both("e", false, "hadron", "generate", "-n", "1100"));
        assertThat(numbers(both("f", true, "hadron", "generate", "-n", "1100"))).isEqualTo(events);
        for (String f : List.of("hadron-histograms.yoda", "hadron-histograms.csv")) {
            assertThat(Files.readString(tmp.resolve("f").resolve(f)))
                    .isEqualTo(Files.readString(tmp.resolve("e").resolve(f)));
        }
        // with --hepmc the events travel to the driver (it writes the file in order): the same tables and files
        assertThat(numbers(both("i", true, "hadron", "generate", "-n", "1100", "--hepmc",
                tmp.resolve("i").resolve("ev.hepmc").toString()))).isEqualTo(events);
        ok(run(quiet(tmp.resolve("j"), "hadron", "generate", "-n", "1100", "--hepmc",
                tmp.resolve("j").resolve("ev.hepmc").toString())));
        assertThat(Files.readString(tmp.resolve("i").resolve("ev.hepmc")))
                .isEqualTo(Files.readString(tmp.resolve("j").resolve("ev.hepmc")));
        assertThat(Files.readString(tmp.resolve("i").resolve("hadron-histograms.yoda")))
                .isEqualTo(Files.readString(tmp.resolve("e").resolve("hadron-histograms.yoda")));
        // one HepMC3 file per partition, written on the executors: in partition order, the events of --hepmc
        assertThat(numbers(both("k", true, "hadron", "generate", "-n", "1100", "--hepmc-parts",
                tmp.resolve("k").resolve("parts").toString()))).isEqualTo(events);
        List<String> parted = new ArrayList<>();
        for (String part : List.of("events-00000.hepmc", "events-00001.hepmc")) {
            List<String> lines = Files.readAllLines(tmp.resolve("k").resolve("parts").resolve(part));
            assertThat(lines.get(0)).startsWith("HepMC::Version");
            parted.addAll(eventLines(lines));
        }
        List<String> whole = eventLines(Files.readAllLines(tmp.resolve("j").resolve("ev.hepmc")));
        assertThat(whole).anyMatch(l -> l.startsWith("E 1099 "));
        assertThat(parted).isEqualTo(whole);
    }

    @Test
    void aResimulatedFitMatchesTheLocalFitBitForBit() {
        for (String estimator : List.of("hybrid", "law-score")) {
            // the law score (the default) travels to the executors with each step's program
            String[] fit = {"hadron", "fit", "--quick", "--method", "resim", "--estimator", estimator, "--steps", "4",
                "--repeats", "1", "--start", "0.5,0.8", "--pseudo-events", "2000", "--hist-events", "200",
                "--grad-samples", "300"};
            List<String> local = fitted(both("g-" + estimator, false, fit));
            assertThat(fitted(both("h-" + estimator, true, fit))).as(estimator).isEqualTo(local);
            assertThat(local).anyMatch(c -> c.startsWith("fitted a="));
        }
    }

    @Test
    void aResimulatedJacobianFitMatchesTheLocalFitBitForBit() {
        String[] fit = {"hadron", "fit", "--quick", "--method", "resim", "--gradient", "jacobian", "--steps", "4",
            "--repeats", "1", "--start", "0.5,0.8", "--pseudo-events", "2000", "--hist-events", "200",
            "--grad-samples", "300"};
        List<String> local = fitted(both("jl", false, fit));
        assertThat(fitted(both("js", true, fit))).isEqualTo(local);
        assertThat(local).anyMatch(c -> c.startsWith("fitted a="));
    }

    /** @return a HepMC3 file's event lines, without its header, footer and blank lines */
    private static List<String> eventLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("HepMC::")).toList();
    }

    /** @return every table's title and fitted columns, in order */
    private static List<String> fitted(Cli.Run r) {
        List<String> cells = new ArrayList<>();
        String[] header = null;
        for (String line : r.out().split("\\R")) {
            if (line.startsWith("# ")) {
                cells.add(line);
                header = null;
            } else if (!line.isBlank() && header == null) {
                header = Cli.csvSplit(line);
            } else if (!line.isBlank()) {
                String[] row = Cli.csvSplit(line);
                for (int i = 0; i < header.length; i++) {
                    if (!List.of("s/fit").contains(header[i])) {
                        cells.add(header[i] + "=" + row[i]);
                    }
                }
            }
        }
        return cells;
    }

    /** Columns that are timings, measured where the code ran: they may differ. */
    private static final List<String> TIMINGS = List.of("cost/primal", "var×cost", "s/run", "seconds", "s", "s/fit",
            "primal µs/shower", "cost", "var_x_cost");

    /** @return every table's title and every cell but the timings, in order */
    private static List<String> untimed(Cli.Run r) {
        List<String> cells = new ArrayList<>();
        String[] header = null;
        for (String line : r.out().split("\\R")) {
            if (line.startsWith("# ")) {
                cells.add(line);
                header = null;
            } else if (line.isBlank() || line.startsWith("wrote ")) {
                continue;
            } else if (header == null) {
                header = Cli.csvSplit(line);
            } else {
                String[] row = Cli.csvSplit(line);
                for (int i = 0; i < header.length; i++) {
                    if (!TIMINGS.contains(header[i])) {
                        cells.add(header[i] + "=" + row[i]);
                    }
                }
            }
        }
        return cells;
    }

    /** Runs a command without and with --spark local[2] and asserts the same untimed output. */
    private void sameOnSpark(String name, String... args) {
        List<String> local = untimed(both(name + "-local", false, args));
        assertThat(local).as(name).hasSizeGreaterThan(3);
        assertThat(untimed(both(name + "-spark", true, args))).as(name).isEqualTo(local);
    }

    @Test
    void theDemoAndEveryExampleMatchTheLocalRunBitForBit() {
        sameOnSpark("demo", "demo", "--samples", "200");
        sameOnSpark("sin", "example", "sin-bernoulli", "--samples", "40");
        sameOnSpark("intro", "example", "intro", "--samples", "40");
        sameOnSpark("life", "example", "game-of-life", "--samples", "20");
        sameOnSpark("inventory", "example", "inventory", "--samples", "20");
        sameOnSpark("poisson", "example", "poisson-fit", "--samples", "10", "-P", "steps=40");
    }

    @Test
    void theLundEstimatorComparisonMatchesTheLocalRunBitForBit() {
        sameOnSpark("compare", "hadron", "compare", "--quick", "--samples", "120", "--fd-samples", "200",
                "--study-samples", "100", "--z-samples", "100");
    }

    @Test
    void theShowerCommandsMatchTheLocalRunBitForBit() throws IOException {
        sameOnSpark("scan", "shower", "scan", "--config", "shower", "--points", "3", "--events", "40");
        assertThat(Files.readString(tmp.resolve("scan-spark").resolve("toy-shower-scan-shower.csv")))
                .isEqualTo(Files.readString(tmp.resolve("scan-local").resolve("toy-shower-scan-shower.csv")));
        sameOnSpark("compare", "shower", "compare", "--config", "eloss", "--theta", "1.0,2.5", "--events", "60");
        sameOnSpark("optimize", "shower", "optimize", "--config", "eloss", "--steps", "50", "--runs", "3",
                "--estimators", "sad,score");
        sameOnSpark("design", "shower", "design", "--config", "eloss", "--segments", "2", "--steps", "6", "--runs",
                "2", "--events", "4", "--evaluation-events", "40", "--estimators", "sad");
        assertThat(Files.readString(tmp.resolve("design-spark").resolve("toy-shower-design-K2-eloss.csv")))
                .isEqualTo(Files.readString(tmp.resolve("design-local").resolve("toy-shower-design-K2-eloss.csv")));
    }

    @Test
    void badMastersAreOneLineAndExitCode2() {
        assertUserError(run(quiet(tmp, "--spark", "lokal[2]", "example", "random-walk")),
                "--spark = 'lokal[2]' is not a Spark master URL");
        assertUserError(run(quiet(tmp, "--spark", "spark://127.0.0.1:1", "hadron", "generate", "-n", "10")),
                "cannot reach the Spark master");
    }

    @Test
    void withoutSparkNoSparkStarts() throws IOException {
        ok(run(quiet(tmp, "example", "sin-bernoulli", "--samples", "20")));
        try (Stream<Thread> threads = Thread.getAllStackTraces().keySet().stream()) {
            assertThat(threads.map(Thread::getName)).noneMatch(n -> n.contains("dag-scheduler")
                    || n.contains("spark-listener"));
        }
    }
}
