package org.stochad.lund.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads binned data for comparisons and fits: YODA text files ({@code Histo1D} blocks of either
 * the {@code _V2} or the older layout, as densities Σw/width with errors √Σw²/width, and
 * {@code Scatter2D} blocks — e.g. HEPData/Rivet reference data — as y ± (err⁻ + err⁺)/2 on
 * bins x − err⁻ … x + err⁺), and the CSV files {@link HistogramWriters#writeCsv} writes.
 */
public final class HistogramReaders {

    private HistogramReaders() {
    }

    /**
     * @param file a YODA text file
     * @return every Histo1D and Scatter2D block, in file order
     */
    public static List<BinnedData> readYoda(Path file) {
        List<String> lines = lines(file);
        List<BinnedData> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.startsWith("BEGIN YODA_")) {
                continue;
            }
            String[] head = l.split("\\s+");
            String type = head[1].toUpperCase(java.util.Locale.ROOT);
            String path = head.length > 2 ? head[2] : "";
            List<double[]> rows = new ArrayList<>();
            int j = i + 1;
            boolean inData = !type.endsWith("_V2") && !type.contains("V3");
            for (; j < lines.size() && !lines.get(j).trim().startsWith("END YODA_"); j++) {
                String t = lines.get(j).trim();
                if (t.equals("---")) {
                    inData = true;
                    continue;
                }
                if (!inData || t.isEmpty() || t.startsWith("#") || t.contains("=") || t.contains(":")
                        || t.startsWith("Total") || t.startsWith("Underflow") || t.startsWith("Overflow")) {
                    continue;
                }
                rows.add(numbers(file, j, t));
            }
            i = j;
            if (type.startsWith("YODA_HISTO1D")) {
                out.add(histo(path, rows, file));
            } else if (type.startsWith("YODA_SCATTER2D")) {
                out.add(scatter(path, rows, file));
            }
        }
        return out;
    }

    private static BinnedData histo(String path, List<double[]> rows, Path file) {
        int n = rows.size();
        if (n == 0) {
            throw new IllegalArgumentException("YODA file " + file + ": histogram " + path + " has no bins");
        }
        double[] edges = new double[n + 1];
        double[] v = new double[n];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(k);
            if (r.length < 4) {
                throw new IllegalArgumentException("YODA file " + file + ": histogram " + path + " bin " + k
                        + " has " + r.length + " numbers, expected xlow xhigh sumw sumw2 ...");
            }
            if (k > 0 && r[0] != edges[k]) {
                throw new IllegalArgumentException("YODA file " + file + ": histogram " + path
                        + " has a gap at bin " + k);
            }
            edges[k] = r[0];
            edges[k + 1] = r[1];
            double w = r[1] - r[0];
            v[k] = r[2] / w;
            e[k] = Math.sqrt(r[3]) / w;
        }
        return new BinnedData(path, edges, v, e);
    }

    private static BinnedData scatter(String path, List<double[]> rows, Path file) {
        int n = rows.size();
        if (n == 0) {
            throw new IllegalArgumentException("YODA file " + file + ": scatter " + path + " has no points");
        }
        double[] edges = new double[n + 1];
        double[] v = new double[n];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(k);
            if (r.length < 6) {
                throw new IllegalArgumentException("YODA file " + file + ": scatter " + path + " point " + k
                        + " has " + r.length + " numbers, expected x ex- ex+ y ey- ey+");
            }
            double lo = r[0] - r[1];
            if (k > 0 && Math.abs(lo - edges[k]) > 1e-9 * Math.max(1, Math.abs(lo))) {
                throw new IllegalArgumentException("YODA file " + file + ": scatter " + path
                        + " points are not contiguous bins at point " + k);
            }
            edges[k] = k == 0 ? lo : edges[k];
            edges[k + 1] = r[0] + r[2];
            v[k] = r[3];
            e[k] = 0.5 * (r[4] + r[5]);
        }
        return new BinnedData(path, edges, v, e);
    }

    /**
     * @param file a CSV file as written by {@link HistogramWriters#writeCsv}
     * @return one entry per path, densities and their errors
     */
    public static List<BinnedData> readCsv(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("path,xlow,xhigh")) {
            throw new IllegalArgumentException("CSV file " + file + " does not start with the header path,xlow,xhigh,...");
        }
        String[] header = lines.get(0).split(",");
        int iv = java.util.Arrays.asList(header).indexOf("density");
        int ie = java.util.Arrays.asList(header).indexOf("density_err");
        if (iv < 0 || ie < 0) {
            throw new IllegalArgumentException("CSV file " + file + " has no density/density_err columns");
        }
        Map<String, List<double[]>> byPath = new LinkedHashMap<>();
        for (int k = 1; k < lines.size(); k++) {
            String t = lines.get(k).trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split(",");
            if (f.length != header.length) {
                throw new IllegalArgumentException("CSV file " + file + " line " + (k + 1) + " has " + f.length
                        + " fields, expected " + header.length);
            }
            try {
                byPath.computeIfAbsent(f[0], p -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[iv]), Double.parseDouble(f[ie])});
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("CSV file " + file + " line " + (k + 1) + " = \"" + t
                        + "\" has a bad number");
            }
        }
        List<BinnedData> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> en : byPath.entrySet()) {
            List<double[]> r = en.getValue();
            double[] edges = new double[r.size() + 1];
            double[] v = new double[r.size()];
            double[] e = new double[r.size()];
            for (int k = 0; k < r.size(); k++) {
                edges[k] = r.get(k)[0];
                edges[k + 1] = r.get(k)[1];
                v[k] = r.get(k)[2];
                e[k] = r.get(k)[3];
            }
            out.add(new BinnedData(en.getKey(), edges, v, e));
        }
        return out;
    }

    private static double[] numbers(Path file, int line, String t) {
        String[] f = t.split("\\s+");
        double[] r = new double[f.length];
        try {
            for (int k = 0; k < f.length; k++) {
                r[k] = Double.parseDouble(f[k]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("YODA file " + file + " line " + (line + 1) + " = \"" + t
                    + "\" has a bad number");
        }
        return r;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
