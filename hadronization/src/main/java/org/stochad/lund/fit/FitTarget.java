package org.stochad.lund.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.stochad.lund.io.BinnedData;
import org.stochad.lund.io.HistogramReaders;

/**
 * A histogram and the data it is fitted to, on the same bins.
 *
 * @param spec the histogram to fill
 * @param data the data on the same bins
 */
public record FitTarget(HistogramSpec spec, BinnedData data) {

    /**
     * Checks that the bins agree.
     *
     * @param spec the histogram to fill
     * @param data the data on the same bins
     */
    public FitTarget {
        if (spec == null || data == null) {
            throw new IllegalArgumentException("spec = " + spec + ", data = " + data);
        }
        double[] e = spec.edges();
        double[] d = data.edges();
        if (e.length != d.length) {
            throw new IllegalArgumentException("target " + spec.name() + ": " + (e.length - 1) + " bins, data "
                    + data.path() + " has " + (d.length - 1));
        }
        for (int i = 0; i < e.length; i++) {
            if (Math.abs(e[i] - d[i]) > 1e-9 * (1 + Math.abs(d[i]))) {
                throw new IllegalArgumentException("target " + spec.name() + ": edge " + i + " = " + e[i]
                        + ", data " + data.path() + " has " + d[i]);
            }
        }
    }

    /**
     * A target read from a histogram file.
     *
     * @param file       a YODA (.yoda) or CSV file
     * @param path       a substring of the wanted histogram's path, or null for the first
     * @param observable what it histograms: multiplicity or a hadron quantity (rapidity, xE, pT, pT2)
     * @return the target, on the file's bins
     */
    public static FitTarget read(Path file, String path, String observable) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<BinnedData> all = name.endsWith(".csv") ? HistogramReaders.readCsv(file) : HistogramReaders.readYoda(file);
        for (BinnedData d : all) {
            if (path == null || d.path().contains(path)) {
                return new FitTarget(HistogramSpec.of(observable, d.edges()), d);
            }
        }
        throw new IllegalArgumentException("data = " + file + " has no histogram" + (path == null ? "" : " matching "
                + path));
    }
}
