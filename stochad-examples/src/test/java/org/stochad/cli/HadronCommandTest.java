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
import org.stochad.lund.io.HepMC3Writer;

/** {@code stochad hadron ...} end to end with tiny budgets, and its user mistakes. */
class HadronCommandTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    @Test
    void helpListsTheSubcommandsAndOptions() {
        assertThat(ok(run("hadron", "--help")).out()).contains("generate", "settings");
        assertThat(ok(run("hadron", "generate", "--help")).out()).contains("--cmnd", "--set", "--events", "--hepmc",
                "--seed", "--threads", "--out", "--format");
    }

    @Test
    void generatePrintsTheSummaryAndWritesHistogramsPlotsAndEvents() throws IOException {
        Path hepmc = tmp.resolve("events/run.hepmc");
        Cli.Run r = ok(run(quiet(out(), "hadron", "generate", "-n", "200", "--set", "Lund:pionsOnly=on", "--hepmc",
                hepmc.toString())));
        assertThat(r.out()).contains("200 events, E_CM = 100 GeV, seed 1", "multiplicity ⟨N⟩", "thrust ⟨T⟩",
                "pions only", "events/s");
        for (String f : List.of("hadron-multiplicity.png", "hadron-rapidity.png", "hadron-xE.png",
                "hadron-histograms.yoda", "hadron-histograms.csv")) {
            assertThat(out().resolve(f)).exists();
            assertThat(r.out()).contains("wrote " + out().resolve(f));
        }
        assertThat(Files.readString(out().resolve("hadron-histograms.yoda"))).contains(
                "BEGIN YODA_HISTO1D_V2 /LUND/multiplicity", "/LUND/rapidity", "/LUND/thrust");
        List<String> lines = Files.readAllLines(hepmc).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).isEqualTo(HepMC3Writer.VERSION);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(HepMC3Writer.END);
        assertThat(lines.stream().filter(l -> l.startsWith("E ")).count()).isEqualTo(200);
    }

    @Test
    void seedComesFromTheSettingsUnlessGivenAndThreadsDoNotMatter() {
        List<String[]> fromSettings = summary(ok(run(quiet(out(), "hadron", "generate", "-n", "150", "--set",
                "Random:seed=7", "--threads", "1", "--format", "csv"))));
        List<String[]> fromOption = summary(ok(run(quiet(out(), "hadron", "generate", "-n", "150", "--seed", "7",
                "--threads", "2", "--format", "csv"))));
        List<String[]> other = summary(ok(run(quiet(out(), "hadron", "generate", "-n", "150", "--format", "csv"))));
        // five physics rows, equal for any thread count, and the timing row (generation CPU, varies run to run)
        assertThat(fromSettings).hasSize(6);
        assertThat(fromSettings.get(5)[0]).isEqualTo("generation CPU µs/event");
        assertThat(Double.parseDouble(fromSettings.get(5)[1])).isPositive();
        assertThat(fromSettings.subList(0, 5)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(fromOption.subList(0, 5));
        assertThat(fromSettings.get(0)[1]).isNotEqualTo(other.get(0)[1]);
    }

    private static List<String[]> summary(Cli.Run r) {
        return r.csvRows("events, E_CM");
    }

    @Test
    void cmndFileSetsEnergyAndEventCount() throws IOException {
        Path cmnd = Files.writeString(tmp.resolve("run.cmnd"), """
                ! a small run
                Beams:eCM = 50.
                Main:numberOfEvents = 120   # events
                StringZ:aLund = 0.8
                """);
        Cli.Run r = ok(run(quiet(out(), "hadron", "generate", "--cmnd", cmnd.toString(), "--set",
                "StringZ:aLund=0.7")));
        assertThat(r.out()).contains("120 events, E_CM = 50 GeV", "a = 0.7,");
    }

    @Test
    void settingsPrintsACmndFileWithTheOverrides() {
        Cli.Run r = ok(run("hadron", "settings", "--set", "StringZ:aLund=0.7"));
        assertThat(r.out()).containsPattern("StringZ:aLund\\s+= 0.7\\b").contains("StringPT:sigma", "Beams:eCM");
    }

    @Test
    void userMistakesAreOneLineAndExitCodeTwo() throws IOException {
        assertUserError(run("hadron"), "Missing required subcommand");
        assertUserError(run(quiet(out(), "hadron", "generate", "--set", "StringZ:aLund=5")), "outside");
        assertUserError(run(quiet(out(), "hadron", "generate", "--set", "Foo:bar=1")), "\"Foo:bar\" is unknown");
        assertUserError(run(quiet(out(), "hadron", "generate", "--set", "nonsense")), "not of the form key = value");
        assertUserError(run(quiet(out(), "hadron", "generate", "--cmnd", tmp.resolve("missing.cmnd").toString())),
                "cannot read --cmnd");
        assertUserError(run(quiet(out(), "hadron", "generate", "-n", "0")), "--events = 0 is less than 1");
        assertUserError(run(quiet(out(), "hadron", "generate", "-n", "many")), "many");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUserError(run(quiet(out(), "hadron", "generate", "-n", "5", "--hepmc",
                file.resolve("ev.hepmc").toString())), "cannot write --hepmc");
        assertUserError(run("hadron", "settings", "--set", "StringZ:bLund=x"), "is not a number");
    }
}
