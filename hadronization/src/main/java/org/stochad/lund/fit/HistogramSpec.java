package org.stochad.lund.fit;

import java.util.Arrays;
import java.util.Locale;
import org.stochad.lund.Event;
import org.stochad.lund.Hadron;
import org.stochad.lund.observable.HadronQuantity;

/**
 * A histogram to fill from events: the multiplicity (one entry per event) or a per-hadron
 * quantity (one entry per hadron), on given bin edges; contents are per-event densities
 * Σ entries/(events·width), the convention of {@link org.stochad.lund.io.BinnedData}.
 *
 * @param name     the histogram's name
 * @param quantity null for the multiplicity, else the per-hadron quantity
 * @param edges    increasing bin edges
 */
public record HistogramSpec(String name, HadronQuantity quantity, double[] edges) implements java.io.Serializable {

    /**
     * Checks and copies the edges.
     *
     * @param name the histogram's name
     * @param quantity null for the multiplicity, else the per-hadron quantity
     * @param edges increasing bin edges
     */
    public HistogramSpec {
        if (edges == null || edges.length < 2) {
            throw new IllegalArgumentException("histogram " + name + ": needs at least 2 edges");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("histogram " + name + ": edges " + Arrays.toString(edges)
                        + " are not increasing");
            }
        }
        edges = edges.clone();
    }

    /**
     * @param lo   first multiplicity
     * @param hi   last multiplicity
     * @return unit bins centred on the integers lo … hi
     */
    public static HistogramSpec multiplicity(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("multiplicity range [" + lo + ", " + hi + "] is empty");
        }
        double[] e = new double[hi - lo + 2];
        for (int i = 0; i < e.length; i++) {
            e[i] = lo - 0.5 + i;
        }
        return new HistogramSpec("multiplicity", null, e);
    }

    /**
     * @param quantity the per-hadron quantity
     * @param lo       lower edge
     * @param hi       upper edge
     * @param bins     number of bins
     * @return uniform bins
     */
    public static HistogramSpec hadron(HadronQuantity quantity, double lo, double hi, int bins) {
        if (bins < 1 || !(hi > lo)) {
            throw new IllegalArgumentException("histogram " + quantity + ": bins = " + bins + ", [" + lo + ", " + hi + "]");
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = lo + (hi - lo) * i / bins;
        }
        return new HistogramSpec(quantity.name().toLowerCase(Locale.ROOT), quantity, e);
    }

    /**
     * @param observable "multiplicity" or a hadron quantity name (rapidity, xE, pT, pT2)
     * @param edges      the bin edges (e.g. those of a data file)
     * @return the spec
     */
    public static HistogramSpec of(String observable, double[] edges) {
        String o = observable == null ? "" : observable.trim();
        if (o.equalsIgnoreCase("multiplicity") || o.equalsIgnoreCase("n")) {
            return new HistogramSpec("multiplicity", null, edges);
        }
        HadronQuantity q = HadronQuantity.parse(o);
        return new HistogramSpec(q.name().toLowerCase(Locale.ROOT), q, edges);
    }

    /** @return a copy of the edges */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** @return the number of bins */
    public int bins() {
        return edges.length - 1;
    }

    /**
     * @param k a bin
     * @return its width
     */
    public double width(int k) {
        return edges[k + 1] - edges[k];
    }

    /**
     * @param e an event
     * @return the bins of the event's entries (entries outside the range are left out)
     */
    public int[] entries(Event e) {
        if (quantity == null) {
            int k = bin(e.multiplicity());
            return k < 0 ? new int[0] : new int[] {k};
        }
        int[] out = new int[e.hadrons().size()];
        int n = 0;
        for (Hadron h : e.hadrons()) {
            int k = bin(quantity.valueOf(h, e.eCm()));
            if (k >= 0) {
                out[n++] = k;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * @param x a value
     * @return its bin, or −1 outside [first edge, last edge)
     */
    public int bin(double x) {
        if (!(x >= edges[0] && x < edges[edges.length - 1])) {
            return -1;
        }
        int k = Arrays.binarySearch(edges, x);
        return k >= 0 ? k : -k - 2;
    }
}
