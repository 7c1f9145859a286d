package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class StochadTest {

    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isBlank() ? List.of() : Arrays.asList(err.strip().split("\\R"));
        }
    }

    private Run run(String... args) {
        CommandLine cl = Stochad.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String[] quiet(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--no-progress", "--out", tmp.resolve("out").toString()));
        return a.toArray(new String[0]);
    }

    private static void assertUserError(Run r, String fragment) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpListsTheCommandsAndOptions() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "example", "--seed", "--samples", "--threads", "--out", "--format");
        Run ex = run("example", "--help");
        assertThat(ex.code()).isZero();
        assertThat(ex.out()).contains("intro", "sin-bernoulli", "random-walk", "game-of-life", "poisson-fit",
                "inventory", "--param");
        assertThat(run("demo", "--help").out()).contains("x² + Bernoulli(sin²(2x))");
    }

    @Test
    void demoPrintsTheComparisonAndWritesItsPlots() {
        Run r = run(quiet("demo", "--samples", "2000"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("stochastic AD (propagate)", "score function + baseline", "ordinary AD",
                "toy shower at inner radius", "wrote ");
        for (String f : List.of("demo-sin-bernoulli-variance.png", "demo-sin-bernoulli-derivative.png",
                "demo-sin-bernoulli.csv", "demo-toy-shower.csv")) {
            Path p = tmp.resolve("out").resolve(f);
            assertThat(p).exists();
            assertThat(r.out()).contains(p.toString());
        }
    }

    @Test
    void noCommandRunsTheDemo() {
        Run r = run(quiet("--samples", "500"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("demo: f(x) = x² + Bernoulli(sin²(2x))");
    }

    @Test
    void jsonAndCsvFormats() {
        Run json = run(quiet("example", "sin-bernoulli", "--samples", "500", "--format", "json"));
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out().strip()).startsWith("{\"reports\":[").endsWith("]}").contains("\"estimate\":",
                "\"files\":[");
        Run csv = run(quiet("example", "sin-bernoulli", "--samples", "500", "--format", "CSV"));
        assertThat(csv.code()).isZero();
        assertThat(csv.out()).contains("case,estimator,d/d,estimate,std.err,exact,z");
        assertThat(csv.err()).contains("wrote ");
    }

    @Test
    void sameSeedSameNumbersForAnyThreadCount() {
        Run one = run(quiet("example", "intro", "--samples", "400", "--threads", "1", "--format", "csv"));
        Run two = run(quiet("example", "intro", "--samples", "400", "--threads", "2", "--format", "csv"));
        assertThat(estimates(one.out())).isEqualTo(estimates(two.out())).isNotEmpty();
    }

    @Test
    void optionsBeforeTheCommandApplyToIt() {
        Run before = run("--seed", "7", "--samples", "400", "--no-progress", "--out", tmp.resolve("a").toString(),
                "--format", "csv", "example", "intro");
        Run after = run("example", "intro", "--seed", "7", "--samples", "400", "--no-progress", "--out",
                tmp.resolve("b").toString(), "--format", "csv");
        Run otherSeed = run(quiet("example", "intro", "--samples", "400", "--format", "csv"));
        assertThat(estimates(before.out())).isEqualTo(estimates(after.out())).isNotEmpty()
                .isNotEqualTo(estimates(otherSeed.out()));
        assertThat(tmp.resolve("a")).isDirectory();
        assertUserError(run("--out", "/proc/stochad-cannot-write", "demo"), "--out");
    }

    /** The estimate and std.err columns of a CSV comparison (timing columns differ run to run). */
    private static List<String> estimates(String csv) {
        List<String> cells = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] c = line.split(",");
            if (c.length >= 6 && line.startsWith("p=")) {
                cells.add(c[1] + ":" + c[3] + ":" + c[4]);
            }
        }
        return cells;
    }

    @ParameterizedTest
    @ValueSource(strings = {"intro", "sin-bernoulli", "random-walk", "game-of-life", "poisson-fit", "inventory"})
    void everyExampleRunsEndToEnd(String name) {
        List<String> args = new ArrayList<>(List.of("example", name, "--samples", "100"));
        if (name.equals("poisson-fit")) {
            args.addAll(List.of("-P", "steps=20"));
        }
        Run r = run(quiet(args.toArray(new String[0])));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("== " + name + " ==", "wrote ");
    }

    @Test
    void listingExamples() {
        Run r = run("example");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("random-walk", "parameters: {p=0.6}");
    }

    @Test
    void unknownCommandIsOneLineAndExitCodeTwo() {
        assertUserError(run("bogus"), "unknown command 'bogus'");
    }

    @Test
    void badNumberIsOneLineAndExitCodeTwo() {
        assertUserError(run("demo", "--samples", "lots"), "--samples");
        assertUserError(run("example", "intro", "-P", "p=abc"), "abc");
    }

    @Test
    void probabilityOutsideTheUnitIntervalIsOneLineAndExitCodeTwo() {
        assertUserError(run(quiet("example", "intro", "-P", "p=1.5")), "p = 1.5 is outside [0, 1]");
    }

    @Test
    void otherUserMistakesAreOneLineAndExitCodeTwo() {
        assertUserError(run(quiet("example", "nonsense")), "unknown example 'nonsense'");
        assertUserError(run(quiet("example", "intro", "-P", "q=0.3")), "unknown parameter 'q'");
        assertUserError(run(quiet("demo", "--samples", "1")), "--samples = 1");
        assertUserError(run(quiet("demo", "--threads", "0")), "--threads = 0");
        assertUserError(run("demo", "--format", "xml"), "--format");
        assertUserError(run("demo", "--frobnicate"), "--frobnicate");
    }

    @Test
    void unwritableOutputFolderIsOneLineAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run r = run("demo", "--no-progress", "--samples", "100", "--out", file.resolve("sub").toString());
        assertUserError(r, "cannot write to --out");
    }
}
