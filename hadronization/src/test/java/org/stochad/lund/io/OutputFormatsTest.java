package org.stochad.lund.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Histogram;

class OutputFormatsTest {

    @Test
    void hepmc3AsciiFollowsTheAsciiv3Layout(@TempDir Path dir) throws Exception {
        List<Event> events = new ArrayList<>();
        new EventGenerator(LundSettings.pionsOnly()).generate(1, 3, 1, events::add);
        Path f = dir.resolve("ev.hepmc");
        try (HepMC3Writer w = new HepMC3Writer(f, 2)) {
            for (int i = 0; i < events.size(); i++) {
                w.write(i, events.get(i));
            }
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.get(0)).startsWith("HepMC::Version 3.");
        assertThat(lines.get(1)).isEqualTo("HepMC::Asciiv3-START_EVENT_LISTING");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("HepMC::Asciiv3-END_EVENT_LISTING");
        int ev = -1;
        int[] declared = null;
        int vertices = 0;
        int particles = 0;
        double[] sum = new double[4];
        for (String line : lines.subList(2, lines.size() - 2)) {
            String[] t = line.split(" ");
            switch (t[0]) {
                case "E":
                    if (declared != null) {
                        check(declared, vertices, particles, sum, events.get(ev).eCm());
                    }
                    ev++;
                    assertThat(Integer.parseInt(t[1])).isEqualTo(ev);
                    declared = new int[] {Integer.parseInt(t[2]), Integer.parseInt(t[3])};
                    vertices = 0;
                    particles = 0;
                    sum = new double[4];
                    break;
                case "U":
                    assertThat(line).isEqualTo("U GEV MM");
                    break;
                case "V":
                    vertices++;
                    assertThat(t).hasSize(4);
                    assertThat(Integer.parseInt(t[1])).isEqualTo(-vertices);
                    assertThat(t[3]).matches("\\[\\d+(,\\d+)*\\]");
                    break;
                case "P":
                    particles++;
                    assertThat(t).hasSize(10);
                    assertThat(Integer.parseInt(t[1])).isEqualTo(particles);
                    int parent = Integer.parseInt(t[2]);
                    assertThat(parent).isLessThanOrEqualTo(0).isGreaterThanOrEqualTo(-vertices);
                    if (Integer.parseInt(t[9]) == 1) {
                        for (int k = 0; k < 4; k++) {
                            sum[k] += Double.parseDouble(t[4 + k]);
                        }
                    }
                    break;
                default:
                    throw new AssertionError("unexpected line " + line);
            }
        }
        check(declared, vertices, particles, sum, events.get(ev).eCm());
        assertThat(ev).isEqualTo(2);
        // no temporary file left behind
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("ev.hepmc");
        }
    }

    private static void check(int[] declared, int vertices, int particles, double[] sum, double eCm) {
        assertThat(vertices).isEqualTo(declared[0]);
        assertThat(particles).isEqualTo(declared[1]);
        assertThat(Math.abs(sum[0]) + Math.abs(sum[1]) + Math.abs(sum[2])).isLessThan(1e-9 * eCm);
        assertThat(sum[3]).isCloseTo(eCm, org.assertj.core.data.Offset.offset(1e-9 * eCm));
    }

    @Test
    void yodaAndCsvCarryTheBinMoments(@TempDir Path dir) throws Exception {
        Histogram h = Histogram.uniform("/LUND/test", "Test", 2, 0, 2);
        h.fill(0.5, 2);
        h.fill(1.5, 1);
        h.fill(-1, 1);
        h.fill(5, 3);
        h.countEvent();
        h.countEvent();
        Path y = dir.resolve("h.yoda");
        HistogramWriters.writeYoda(y, List.of(h));
        List<String> l = Files.readAllLines(y);
        assertThat(l.get(0)).isEqualTo("BEGIN YODA_HISTO1D_V2 /LUND/test");
        assertThat(l).contains("Path: /LUND/test", "Type: Histo1D", "---", "END YODA_HISTO1D_V2");
        // scaled by 1/events = 1/2: Σw/2, Σw²/4, Σwx/2, Σwx²/2, entries unscaled
        assertThat(l).contains("ScaledBy: 0.50000000000000000");
        assertThat(l).anyMatch(s -> s.startsWith("Total   \tTotal   \t3.500000e+00\t3.750000e+00"));
        assertThat(l).anyMatch(s -> s.startsWith("Underflow\tUnderflow\t5.000000e-01"));
        assertThat(l).anyMatch(s -> s.startsWith("Overflow\tOverflow\t1.500000e+00\t2.250000e+00\t7.500000e+00"));
        assertThat(l).contains("0.000000e+00\t1.000000e+00\t1.000000e+00\t1.000000e+00\t5.000000e-01\t2.500000e-01"
                + "\t1.000000e+00");
        // read back: per-event densities and errors, the same from YODA and CSV
        BinnedData expected = BinnedData.of(h);
        assertThat(expected.values()).containsExactly(1.0, 0.5);
        BinnedData fromYoda = HistogramReaders.readYoda(y).get(0);
        assertThat(fromYoda.path()).isEqualTo("/LUND/test");
        assertThat(fromYoda.edges()).containsExactly(0, 1, 2);
        assertThat(fromYoda.values()).containsExactly(expected.values());
        assertThat(fromYoda.errors()).containsExactly(expected.errors());
        Path c = dir.resolve("h.csv");
        HistogramWriters.writeCsv(c, List.of(h));
        List<String> rows = Files.readAllLines(c);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("/LUND/test,0.000000000,1.000000000,2.000000000,4.000000000,1,2,1.000000000");
        BinnedData fromCsv = HistogramReaders.readCsv(c).get(0);
        assertThat(fromCsv.values()).containsExactly(1.0, 0.5);
        assertThat(fromCsv.errors()[0]).isCloseTo(expected.errors()[0], org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void readsYodaScatterReferenceDataAndRejectsBadFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ref.yoda");
        Files.writeString(f, "BEGIN YODA_SCATTER2D_V2 /REF/d01-x01-y01\nPath: /REF/d01-x01-y01\nType: Scatter2D\n---\n"
                + "# xval\t xerr-\t xerr+\t yval\t yerr-\t yerr+\n"
                + "1.0\t0.5\t0.5\t10.0\t1.0\t3.0\n2.0\t0.5\t0.5\t20.0\t2.0\t2.0\nEND YODA_SCATTER2D_V2\n");
        BinnedData d = HistogramReaders.readYoda(f).get(0);
        assertThat(d.edges()).containsExactly(0.5, 1.5, 2.5);
        assertThat(d.values()).containsExactly(10.0, 20.0);
        assertThat(d.errors()).containsExactly(2.0, 2.0);
        Path bad = dir.resolve("bad.yoda");
        Files.writeString(bad, "BEGIN YODA_HISTO1D_V2 /X\n---\n0 1 abc 1 0 0 1\nEND YODA_HISTO1D_V2\n");
        assertThatThrownBy(() -> HistogramReaders.readYoda(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("abc");
    }
}
