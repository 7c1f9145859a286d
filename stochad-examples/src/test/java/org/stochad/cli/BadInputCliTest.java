package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.lund.io.HistogramWriters;
import org.stochad.lund.observable.Histogram;

/**
 * The CLI's bad-input table: every user mistake ends with exit code 2, exactly one line on
 * standard error naming the argument and its value, no stack trace, and the file system as it
 * was (a listing of the whole working folder, output folder included, before and after).
 */
class BadInputCliTest {

    @TempDir
    Path tmp;

    /** The files one case may use: an existing output folder with one file in it, inputs of every kind. */
    record Fixture(Path root) {
        Path out() {
            return root.resolve("out");
        }

        String path(String name) {
            return root.resolve(name).toString();
        }
    }

    /**
     * One bad command line.
     *
     * @param label     what is wrong
     * @param args      the arguments (progress off is added), from the fixture
     * @param fragments what the one error line must contain: the argument and its value
     */
    record Case(String label, Function<Fixture, List<String>> args, List<String> fragments) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Case bad(String label, List<String> fragments, String... args) {
        return new Case(label, f -> withOut(f, args), fragments);
    }

    private static Case badWith(String label, List<String> fragments, Function<Fixture, List<String>> args) {
        return new Case(label, args, fragments);
    }

    /** @return the arguments with --out in the fixture's output folder (unless they name their own) */
    private static List<String> withOut(Fixture f, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.contains("--out")) {
            a.add(0, f.out().toString());
            a.add(0, "--out");
        }
        return a;
    }

    static Stream<Case> cases() {
        return Stream.of(
                // the user mistakes listed for the command line
                bad("display at a theta where nothing flips", List.of("--theta", "1000000.0"),
                        "shower", "display", "--theta", "1e6"),
                bad("fragmentation retries too few", List.of("Lund:maxRetries", "1"),
                        "hadron", "generate", "--set", "Lund:maxRetries=1", "-n", "100"),
                bad("a sample count that would take many hours", List.of("--samples", "2000000000", "--force"),
                        "example", "intro", "--samples", "2000000000"),
                badWith("fragmentation retries too few, events into a new folder", List.of("Lund:maxRetries", "1"),
                        f -> withOut(f, "hadron", "generate", "--set", "Lund:maxRetries=1", "-n", "100", "--hepmc",
                                f.path("new/deeper/ev.hepmc"))),
                badWith("a mistake with a new output folder", List.of("--samples = 0"),
                        f -> List.of("--out", f.path("fresh/deeper"), "example", "intro", "--samples", "0")),
                badWith("a late mistake with new output and figure folders", List.of("--observable", "foo"),
                        f -> List.of("--out", f.path("fresh/out"), "hadron", "fit", "--figures", f.path("fresh/fig"),
                                "--data", f.path("data.yoda"), "--observable", "foo")),
                bad("negative theta in a scan", List.of("--from", "-1.0"), "shower", "scan", "--from", "-1"),
                bad("fractional step count", List.of("steps", "2.5"), "example", "poisson-fit", "-P", "steps=2.5"),
                bad("zero events from the settings", List.of("Main:numberOfEvents", "0"),
                        "hadron", "generate", "--set", "Main:numberOfEvents=0"),
                badWith("binary --cmnd", List.of("--cmnd", "binary.cmnd", "not a UTF-8 text file"),
                        f -> withOut(f, "hadron", "generate", "--cmnd", f.path("binary.cmnd"))),
                badWith("--hepmc naming a folder", List.of("--hepmc", "a-folder", "is a folder"),
                        f -> withOut(f, "hadron", "generate", "-n", "5", "--hepmc", f.path("a-folder"))),
                badWith("unknown --observable", List.of("--observable", "foo", "multiplicity", "pT2"),
                        f -> withOut(f, "hadron", "fit", "--data", f.path("data.yoda"), "--observable", "foo")),
                badWith("--observable that does not match --histogram", List.of("--observable", "multiplicity",
                                "--histogram", "rapidity"),
                        f -> withOut(f, "hadron", "fit", "--data", f.path("data.yoda"), "--histogram", "rapidity",
                                "--observable", "multiplicity")),
                bad("--observable without --data", List.of("--observable", "xE"), "hadron", "fit", "--observable",
                        "xE"),
                // parameters at their edges: a clear error naming the parameter and the value
                bad("intro at p = 0", List.of("-P p=0.0"), "example", "intro", "-P", "p=0"),
                bad("intro at p = 1", List.of("-P p=1.0", "points out of it"), "example", "intro", "-P", "p=1"),
                bad("game of life at p = 1", List.of("-P p=1.0", "points out of it"),
                        "example", "game-of-life", "-P", "p=1"),
                bad("inventory at r = 1", List.of("-P r=1.0", "points out of it"), "example", "inventory", "-P", "r=1"),
                // NaN
                bad("NaN parameter", List.of("p = NaN"), "example", "intro", "-P", "p=NaN"),
                bad("NaN range", List.of("--from = NaN"), "shower", "scan", "--from", "NaN"),
                bad("--spark on a command that times estimators in this process",
                        List.of("--spark = local[2]", "shower cost", "times the estimators"),
                        "--spark", "local[2]", "shower", "cost"),
                bad("--spark on a command that draws one shower", List.of("--spark = local[2]", "shower display"),
                        "--spark", "local[2]", "shower", "display"),
                bad("--hepmc-parts without --spark", List.of("--hepmc-parts", "needs --spark"),
                        "hadron", "generate", "-n", "10", "--hepmc-parts", "parts"),
                bad("--spark with a fit method that does not run on Spark", List.of("--spark = local[2]", "rsa"),
                        "--spark", "local[2]", "hadron", "fit", "--quick", "--method", "rsa"),
                bad("a histogram bin in the pathwise mode", List.of("histogram bin", "Lund:differentiation = flips"),
                        "hadron", "gradient", "--samples", "4", "--set", "Lund:differentiation=pathwise",
                        "--observable", "bin:rapidity:-0.5:0.5"),
                bad("unknown word of a word setting", List.of("Lund:pathwiseRestarts", "rao"), "hadron", "gradient",
                        "--samples", "4", "--set", "Lund:pathwiseRestarts=rao"),
                bad("zero pT width with the pT score", List.of("sigma = 0", "Lund:ptScore = off"), "hadron",
                        "gradient", "--samples", "4", "--estimator", "score", "--set", "StringPT:sigma=0"),
                bad("zero pT width with the pT score (stochastic AD)", List.of("sigma = 0"), "hadron",
                        "gradient", "--samples", "4", "--set", "StringPT:sigma=0"),
                bad("NaN setting", List.of("StringZ:aLund", "NaN"), "hadron", "generate", "--set", "StringZ:aLund=NaN"),
                bad("NaN learning rate", List.of("--lr = NaN"), "hadron", "fit", "--lr", "NaN"),
                bad("unknown fit gradient", List.of("--gradient = hessian"), "hadron", "fit", "--gradient", "hessian"),
                bad("fit gradient with RSA fits", List.of("--gradient jacobian", "--method rsa"), "hadron", "fit",
                        "--gradient", "jacobian", "--method", "rsa"),
                // negative and zero counts
                bad("zero samples", List.of("--samples = 0"), "example", "intro", "--samples", "0"),
                bad("negative samples", List.of("--samples = -5"), "example", "intro", "--samples", "-5"),
                bad("zero threads", List.of("--threads = 0"), "example", "intro", "--threads", "0"),
                bad("negative events", List.of("--events = -1"), "hadron", "generate", "-n", "-1"),
                bad("too few scan points", List.of("--points = 0"), "shower", "scan", "--points", "0"),
                bad("zero repeats", List.of("--repeats = 0"), "hadron", "fit", "--repeats", "0"),
                bad("samples that do not apply", List.of("--samples"), "shower", "display", "--samples", "10"),
                // unwritable folders
                badWith("--out under a file", List.of("--out", "a-file"),
                        f -> List.of("--out", f.path("a-file") + "/sub", "example", "intro")),
                badWith("--figures under a file", List.of("--figures", "a-file"),
                        f -> withOut(f, "hadron", "fit", "--figures", f.path("a-file") + "/sub")),
                // missing and malformed files
                badWith("missing --cmnd", List.of("--cmnd", "missing.cmnd", "does not exist"),
                        f -> withOut(f, "hadron", "generate", "--cmnd", f.path("missing.cmnd"))),
                badWith("malformed --cmnd", List.of("--cmnd", "malformed.cmnd", "key = value"),
                        f -> withOut(f, "hadron", "generate", "--cmnd", f.path("malformed.cmnd"))),
                badWith("--cmnd naming a folder", List.of("--cmnd", "a-folder"),
                        f -> withOut(f, "hadron", "generate", "--cmnd", f.path("a-folder"))),
                badWith("missing --data", List.of("--data", "missing.yoda"),
                        f -> withOut(f, "hadron", "fit", "--data", f.path("missing.yoda"))),
                badWith("malformed --data", List.of("--data", "malformed.csv"),
                        f -> withOut(f, "hadron", "fit", "--data", f.path("malformed.csv"))),
                badWith("--data histogram that is not there", List.of("--data", "data.yoda", "nothing"),
                        f -> withOut(f, "hadron", "fit", "--data", f.path("data.yoda"), "--histogram", "nothing")),
                // unknown keys, names, subcommands and options
                bad("unknown setting", List.of("Foo:bar"), "hadron", "generate", "--set", "Foo:bar=1"),
                bad("setting without a value", List.of("--set", "nonsense"), "hadron", "generate", "--set",
                        "nonsense"),
                bad("unknown example parameter", List.of("'q'"), "example", "intro", "-P", "q=1"),
                bad("unknown example", List.of("nosuch"), "example", "nosuch"),
                bad("unknown command", List.of("frobnicate"), "frobnicate"),
                bad("unknown subcommand", List.of("frobnicate"), "shower", "frobnicate"),
                bad("unknown option", List.of("--bogus"), "shower", "scan", "--bogus"),
                bad("unknown format", List.of("--format", "xml"), "example", "intro", "--format", "xml"),
                bad("not a number", List.of("--seed", "many"), "example", "intro", "--seed", "many"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void userMistakeIsOneLineExitTwoAndWritesNothing(Case c) throws IOException {
        Fixture f = fixture();
        List<String> args = new ArrayList<>(c.args().apply(f));
        args.add(0, "--no-progress");
        List<String> before = listing(tmp);
        Cli.Run r = Cli.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.toString()).isEqualTo(Stochad.USAGE_ERROR);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String fragment : c.fragments()) {
            assertThat(r.err()).as(r.err()).contains(fragment);
        }
        assertThat(r.out()).as("standard output").isEmpty();
        assertThat(listing(tmp)).as("files after the mistake").isEqualTo(before);
    }

    private Fixture fixture() throws IOException {
        Fixture f = new Fixture(tmp);
        Files.createDirectories(f.out());
        Files.writeString(f.out().resolve("keep.txt"), "an earlier result\n");
        Files.write(tmp.resolve("binary.cmnd"), new byte[] {0, 1, (byte) 0xff, (byte) 0xfe, (byte) 0x80, 'x'});
        Files.writeString(tmp.resolve("malformed.cmnd"), "Beams:eCM = 100\nthis line has no equals sign\n");
        Files.writeString(tmp.resolve("malformed.csv"), "path,xlow,xhigh\n/a,x,1\n");
        Files.writeString(tmp.resolve("a-file"), "x");
        Files.createDirectories(tmp.resolve("a-folder"));
        Histogram n = new Histogram("/LUND/multiplicity", "N", new double[] {1.5, 2.5, 3.5, 4.5});
        Histogram y = new Histogram("/LUND/rapidity", "y", new double[] {-1, 0, 1});
        for (int i = 0; i < 10; i++) {
            n.fill(2 + i % 3, 1);
            n.countEvent();
            y.fill(i % 2 == 0 ? -0.5 : 0.5, 1);
            y.countEvent();
        }
        HistogramWriters.writeYoda(tmp.resolve("data.yoda"), List.of(n, y));
        return f;
    }

    /** @return every path under the folder with its size, sorted */
    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/"))
                    .sorted().toList();
        }
    }
}
