package org.stochad.lund.observable;

import java.util.Arrays;

/**
 * A weighted one-dimensional histogram with the moments YODA stores per bin (Σw, Σw², Σwx,
 * Σwx², entries), under- and overflow. Not thread-safe; merge per-thread histograms with
 * {@link #add(Histogram)}.
 */
public final class Histogram implements java.io.Serializable {

    private final String path;
    private final String title;
    private final double[] edges;
    private final double[] sumW;
    private final double[] sumW2;
    private final double[] sumWX;
    private final double[] sumWX2;
    private final long[] entries;
    private long events;

    /**
     * @param path  a YODA-style path, e.g. {@code /LUND/multiplicity}
     * @param title a title
     * @param edges strictly increasing bin edges, at least two
     */
    public Histogram(String path, String title, double[] edges) {
        if (edges == null || edges.length < 2) {
            throw new IllegalArgumentException("edges = " + Arrays.toString(edges) + " needs at least two edges");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("edges = " + Arrays.toString(edges) + " are not increasing");
            }
        }
        this.path = path;
        this.title = title;
        this.edges = edges.clone();
        int n = edges.length + 1; // index 0 underflow, last overflow
        sumW = new double[n];
        sumW2 = new double[n];
        sumWX = new double[n];
        sumWX2 = new double[n];
        entries = new long[n];
    }

    /**
     * @param path  path
     * @param title title
     * @param bins  number of equal bins
     * @param lo    lower edge
     * @param hi    upper edge
     * @return the histogram
     */
    public static Histogram uniform(String path, String title, int bins, double lo, double hi) {
        if (bins < 1 || !(hi > lo)) {
            throw new IllegalArgumentException("uniform bins = " + bins + " on [" + lo + ", " + hi + "]");
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = lo + (hi - lo) * i / bins;
        }
        return new Histogram(path, title, e);
    }

    /**
     * @param x value
     * @param w weight
     */
    public void fill(double x, double w) {
        int i = slot(x);
        sumW[i] += w;
        sumW2[i] += w * w;
        sumWX[i] += w * x;
        sumWX2[i] += w * x * x;
        entries[i]++;
    }

    /** Counts one more event (for per-event normalisation). */
    public void countEvent() {
        events++;
    }

    private int slot(double x) {
        if (x < edges[0]) {
            return 0;
        }
        if (x >= edges[edges.length - 1]) {
            return edges.length;
        }
        int k = Arrays.binarySearch(edges, x);
        int bin = k >= 0 ? k : -k - 2;
        return bin + 1;
    }

    /**
     * @param other a histogram with the same edges
     */
    public void add(Histogram other) {
        if (!Arrays.equals(edges, other.edges)) {
            throw new IllegalArgumentException("histogram " + other.path + " has different edges from " + path);
        }
        for (int i = 0; i < sumW.length; i++) {
            sumW[i] += other.sumW[i];
            sumW2[i] += other.sumW2[i];
            sumWX[i] += other.sumWX[i];
            sumWX2[i] += other.sumWX2[i];
            entries[i] += other.entries[i];
        }
        events += other.events;
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the number of bins */
    public int bins() {
        return edges.length - 1;
    }

    /** @return a copy of the edges */
    public double[] edges() {
        return edges.clone();
    }

    /** @return the events counted */
    public long events() {
        return events;
    }

    /**
     * @param bin 0-based bin
     * @return Σw
     */
    public double sumW(int bin) {
        return sumW[bin + 1];
    }

    /**
     * @param bin 0-based bin
     * @return Σw²
     */
    public double sumW2(int bin) {
        return sumW2[bin + 1];
    }

    /**
     * @param bin 0-based bin
     * @return Σwx
     */
    public double sumWX(int bin) {
        return sumWX[bin + 1];
    }

    /**
     * @param bin 0-based bin
     * @return Σwx²
     */
    public double sumWX2(int bin) {
        return sumWX2[bin + 1];
    }

    /**
     * @param bin 0-based bin
     * @return fill count
     */
    public long entries(int bin) {
        return entries[bin + 1];
    }

    /** @return {Σw, Σw², Σwx, Σwx², entries} of the underflow */
    public double[] underflow() {
        return new double[] {sumW[0], sumW2[0], sumWX[0], sumWX2[0], entries[0]};
    }

    /** @return {Σw, Σw², Σwx, Σwx², entries} of the overflow */
    public double[] overflow() {
        int k = edges.length;
        return new double[] {sumW[k], sumW2[k], sumWX[k], sumWX2[k], entries[k]};
    }

    /** @return {Σw, Σw², Σwx, Σwx², entries} over all bins including under- and overflow */
    public double[] total() {
        double[] t = new double[5];
        for (int i = 0; i < sumW.length; i++) {
            t[0] += sumW[i];
            t[1] += sumW2[i];
            t[2] += sumWX[i];
            t[3] += sumWX2[i];
            t[4] += entries[i];
        }
        return t;
    }

    /**
     * @param bin 0-based bin
     * @return the density per event: Σw / (events · width)
     */
    public double density(int bin) {
        return sumW(bin) / (Math.max(1, events) * (edges[bin + 1] - edges[bin]));
    }

    /**
     * @param bin 0-based bin
     * @return the statistical error of {@link #density(int)}: √Σw² / (events · width)
     */
    public double densityError(int bin) {
        return Math.sqrt(sumW2(bin)) / (Math.max(1, events) * (edges[bin + 1] - edges[bin]));
    }
}
