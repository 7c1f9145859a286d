package org.stochad.lund.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.stochad.lund.observable.Histogram;

/**
 * Writes histograms as CSV (one row per bin with the per-event density and its error) and as
 * YODA text ({@code YODA_HISTO1D_V2} blocks, as YODA 1.8+ writes them and Rivet reads them),
 * scaled by 1/events as Rivet analyses normalise ({@code ScaledBy} records the factor), so a bin's
 * Σw/width is the per-event density.
 */
public final class HistogramWriters {

    private HistogramWriters() {
    }

    /**
     * CSV columns: path, xlow, xhigh, sumw, sumw2, entries, events, density, density_err.
     *
     * @param target     the file
     * @param histograms the histograms
     * @throws java.io.UncheckedIOException on failure
     */
    public static void writeCsv(Path target, List<Histogram> histograms) {
        AtomicFiles.write(target, out -> {
            out.write("path,xlow,xhigh,sumw,sumw2,entries,events,density,density_err");
            out.newLine();
            for (Histogram h : histograms) {
                double[] e = h.edges();
                for (int i = 0; i < h.bins(); i++) {
                    out.write(String.format(Locale.ROOT, "%s,%.10g,%.10g,%.10g,%.10g,%d,%d,%.10g,%.10g", h.path(),
                            e[i], e[i + 1], h.sumW(i), h.sumW2(i), h.entries(i), h.events(), h.density(i),
                            h.densityError(i)));
                    out.newLine();
                }
            }
        });
    }

    /**
     * @param target     the file
     * @param histograms the histograms
     * @throws java.io.UncheckedIOException on failure
     */
    public static void writeYoda(Path target, List<Histogram> histograms) {
        AtomicFiles.write(target, out -> {
            for (Histogram h : histograms) {
                yoda(out, h);
            }
        });
    }

    private static void yoda(BufferedWriter out, Histogram h) throws IOException {
        double sc = 1.0 / Math.max(1, h.events());
        double[] t = scaled(h.total(), sc);
        line(out, "BEGIN YODA_HISTO1D_V2 " + h.path());
        line(out, "Path: " + h.path());
        line(out, String.format(Locale.ROOT, "ScaledBy: %.17g", sc));
        line(out, "Title: " + h.title());
        line(out, "Type: Histo1D");
        line(out, "---");
        double mean = t[0] != 0 ? t[2] / t[0] : 0;
        line(out, String.format(Locale.ROOT, "# Mean: %.6e", mean));
        double area = 0;
        for (int i = 0; i < h.bins(); i++) {
            area += h.sumW(i) * sc;
        }
        line(out, String.format(Locale.ROOT, "# Area: %.6e", area));
        line(out, "# ID\t ID\t sumw\t sumw2\t sumwx\t sumwx2\t numEntries");
        row(out, "Total   \tTotal   ", t);
        row(out, "Underflow\tUnderflow", scaled(h.underflow(), sc));
        row(out, "Overflow\tOverflow", scaled(h.overflow(), sc));
        line(out, "# xlow\t xhigh\t sumw\t sumw2\t sumwx\t sumwx2\t numEntries");
        double[] e = h.edges();
        for (int i = 0; i < h.bins(); i++) {
            line(out, String.format(Locale.ROOT, "%.6e\t%.6e\t%.6e\t%.6e\t%.6e\t%.6e\t%.6e", e[i], e[i + 1],
                    h.sumW(i) * sc, h.sumW2(i) * sc * sc, h.sumWX(i) * sc, h.sumWX2(i) * sc, (double) h.entries(i)));
        }
        line(out, "END YODA_HISTO1D_V2");
        out.newLine();
    }

    /** Scales {Σw, Σw², Σwx, Σwx², entries} by s (Σw² by s², entries not at all). */
    private static double[] scaled(double[] v, double s) {
        return new double[] {v[0] * s, v[1] * s * s, v[2] * s, v[3] * s, v[4]};
    }

    private static void row(BufferedWriter out, String label, double[] v) throws IOException {
        line(out, String.format(Locale.ROOT, "%s\t%.6e\t%.6e\t%.6e\t%.6e\t%.6e", label, v[0], v[1], v[2], v[3], v[4]));
    }

    private static void line(BufferedWriter out, String s) throws IOException {
        out.write(s);
        out.newLine();
    }
}
