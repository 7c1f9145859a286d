package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundMain;
import org.stochad.lund.LundSettings;
import org.stochad.lund.io.HistogramWriters;
import org.stochad.lund.observable.Histogram;

/** The fit command line: pseudo-data and a histogram file, outputs, bad input. */
class FitMainTest {

    @Test
    void fitsPseudoDataAndWritesTablesAndFigures(@TempDir Path dir) {
        int code = LundMain.run("fit", "--set", "Lund:pionsOnly=on", "--set", "Beams:eCM=20", "--quick",
                "--steps", "4", "--repeats", "2", "--base-events", "200", "--hist-events", "100", "--grad-samples",
                "20", "--pseudo-events", "500", "--start", "0.7,0.9", "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(dir.resolve("fits.md")).content().contains("| RSA | (0.70, 0.90)").contains("| RESIMULATED |");
        assertThat(dir.resolve("fits-trajectories.csv")).content().startsWith("method,start_a");
        assertThat(dir.resolve("hadronization-gradients-fit-paths.png")).isNotEmptyFile();
        assertThat(dir.resolve("hadronization-gradients-fit-neff.png")).isNotEmptyFile();
    }

    @Test
    void fitsAHistogramFile(@TempDir Path dir) throws IOException {
        LundSettings s = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on").with(LundSettings.E_CM, 20.0);
        Histogram h = new Histogram("/DATA/N", "multiplicity", HistogramSpec.multiplicity(2, 12).edges());
        new EventGenerator(s).generate(3, 400, 1, e -> {
            h.fill(e.multiplicity(), 1);
            h.countEvent();
        });
        Path csv = dir.resolve("data.csv");
        HistogramWriters.writeCsv(csv, List.of(h));
        LundFit.Target t = LundFit.target(csv, "/DATA/N", "multiplicity");
        assertThat(t.spec().bins()).isEqualTo(11);
        assertThat(t.data().values()[4]).isCloseTo(h.density(4), org.assertj.core.data.Offset.offset(1e-9));
        int code = LundMain.run("fit", "--set", "Lund:pionsOnly=on", "--set", "Beams:eCM=20", "--quick", "--data",
                csv.toString(), "--observable", "multiplicity", "--method", "rsa", "--steps", "3", "--repeats", "1",
                "--base-events", "200", "--start", "0.7,0.9", "--loss", "wasserstein", "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(dir.resolve("fits.md")).content().contains("WASSERSTEIN").contains("/DATA/N");
    }

    @Test
    void badInputGivesExitCodeTwo(@TempDir Path dir) {
        assertThat(LundMain.run("fit", "--loss", "l2", "--out", dir.toString())).isEqualTo(2);
        assertThat(LundMain.run("fit", "--start", "0.7", "--out", dir.toString())).isEqualTo(2);
        assertThat(LundMain.run("fit", "--data", dir.resolve("missing.yoda").toString(), "--out", dir.toString()))
                .isEqualTo(2);
    }
}
