package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stochad.cli.Cli.ok;
import static org.stochad.cli.Cli.quiet;
import static org.stochad.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitTarget;
import org.stochad.lund.fit.HistogramSpec;
import org.stochad.lund.io.HistogramWriters;
import org.stochad.lund.observable.Histogram;

/**
 * The files of {@code stochad hadron generate} and {@code fit} (what the former {@code LundMain}
 * and {@code FitMain} entry points tested): pseudo-data and a histogram file, outputs, bad input.
 */
class HadronFilesTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesAllOutputsAndRejectsBadSettings() throws Exception {
        Path out = dir.resolve("gen");
        Cli.Run r = ok(run(quiet(out, "hadron", "generate", "-s", "Lund:pionsOnly = on", "-n", "200", "--seed", "4",
                "--threads", "2", "--hepmc", dir.resolve("e.hepmc").toString())));
        assertThat(r.code()).isZero();
        assertThat(dir.resolve("e.hepmc")).isNotEmptyFile();
        for (String f : new String[] {"hadron-histograms.yoda", "hadron-histograms.csv", "hadron-multiplicity.png",
            "hadron-rapidity.png", "hadron-xE.png", "hadron-summary.md"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("hadron-summary.md"))).contains("multiplicity").contains("seed 4");
        assertThat(run(quiet(out, "hadron", "generate", "-s", "StringZ:aLund = nope", "-n", "1")).code()).isEqualTo(2);
        assertThat(run(quiet(out, "hadron", "generate", "-s", "Foo:bar = 1", "-n", "1")).code()).isEqualTo(2);
    }

    @Test
    void fitsPseudoDataAndWritesTablesAndFigures() {
        Path out = dir.resolve("fit");
        Cli.Run r = run(quiet(out, "hadron", "fit", "--set", "Lund:pionsOnly=on", "--set", "Beams:eCM=20", "--quick",
                "--steps", "4", "--repeats", "2", "--base-events", "200", "--hist-events", "100", "--grad-samples",
                "20", "--pseudo-events", "500", "--start", "0.7,0.9"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("fits.md")).content().contains("| RSA | (0.70, 0.90)").contains("| RESIMULATED |");
        assertThat(out.resolve("fits-trajectories.csv")).content().startsWith("method,start_a");
        assertThat(out.resolve("hadronization-gradients-fit-paths.png")).isNotEmptyFile();
        assertThat(out.resolve("hadronization-gradients-fit-neff.png")).isNotEmptyFile();
    }

    @Test
    void fitsAHistogramFile() throws IOException {
        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on").with(LundSettings.E_CM, 20.0);
        Histogram h = new Histogram("/DATA/N", "multiplicity", HistogramSpec.multiplicity(2, 12).edges());
        new EventGenerator(s).generate(3, 400, 1, e -> {
            h.fill(e.multiplicity(), 1);
            h.countEvent();
        });
        Path csv = dir.resolve("data.csv");
        HistogramWriters.writeCsv(csv, List.of(h));
        FitTarget t = FitTarget.read(csv, "/DATA/N", "multiplicity");
        assertThat(t.spec().bins()).isEqualTo(11);
        assertThat(t.data().values()[4]).isCloseTo(h.density(4), org.assertj.core.data.Offset.offset(1e-9));
        Path out = dir.resolve("fit");
        Cli.Run r = run(quiet(out, "hadron", "fit", "--set", "Lund:pionsOnly=on", "--set", "Beams:eCM=20", "--quick",
                "--data", csv.toString(), "--observable", "multiplicity", "--method", "rsa", "--steps", "3",
                "--repeats", "1", "--base-events", "200", "--start", "0.7,0.9", "--loss", "wasserstein"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("fits.md")).content().contains("WASSERSTEIN").contains("/DATA/N");
    }

    @Test
    void badInputGivesExitCodeTwo() {
        Path out = dir.resolve("bad");
        assertThat(run(quiet(out, "hadron", "fit", "--loss", "l2")).code()).isEqualTo(2);
        assertThat(run(quiet(out, "hadron", "fit", "--start", "0.7")).code()).isEqualTo(2);
        assertThat(run(quiet(out, "hadron", "fit", "--data", dir.resolve("missing.yoda").toString())).code())
                .isEqualTo(2);
    }
}
