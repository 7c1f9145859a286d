package org.stochad.lund.io;

import java.util.Arrays;
import org.stochad.lund.observable.Histogram;

/**
 * A measured or simulated binned distribution: bin edges, values and their errors — the neutral
 * form in which histograms from this generator, from Rivet/YODA files or from CSV are compared
 * and fitted.
 *
 * @param path   a name, e.g. the YODA path
 * @param edges  increasing bin edges (bins + 1)
 * @param values value per bin (a density: per event and per unit x for generator histograms)
 * @param errors standard error per bin
 */
public record BinnedData(String path, double[] edges, double[] values, double[] errors) {

    /**
     * Checks the shapes and copies the arrays.
     *
     * @param path a name, e.g. the YODA path
     * @param edges increasing bin edges (bins + 1)
     * @param values value per bin (a density: per event and per unit x for generator histograms)
     * @param errors standard error per bin
     */
    public BinnedData {
        if (edges == null || values == null || errors == null || edges.length != values.length + 1
                || errors.length != values.length || values.length == 0) {
            throw new IllegalArgumentException("binned data " + path + ": edges/values/errors have lengths "
                    + (edges == null ? null : edges.length) + "/" + (values == null ? null : values.length) + "/"
                    + (errors == null ? null : errors.length));
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("binned data " + path + ": edges " + Arrays.toString(edges)
                        + " are not increasing");
            }
        }
        edges = edges.clone();
        values = values.clone();
        errors = errors.clone();
    }

    /**
     * @param h a generator histogram
     * @return its per-event densities and their errors
     */
    public static BinnedData of(Histogram h) {
        double[] v = new double[h.bins()];
        double[] e = new double[h.bins()];
        for (int i = 0; i < v.length; i++) {
            v[i] = h.density(i);
            e[i] = h.densityError(i);
        }
        return new BinnedData(h.path(), h.edges(), v, e);
    }

    /** @return the number of bins */
    public int bins() {
        return values.length;
    }

    /** @return a copy of the bin edges */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return a copy of the errors */
    @Override
    public double[] errors() {
        return errors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinnedData b && b.path.equals(path) && Arrays.equals(b.edges, edges)
                && Arrays.equals(b.values, values) && Arrays.equals(b.errors, errors);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "BinnedData[" + path + ", " + bins() + " bins]";
    }
}
