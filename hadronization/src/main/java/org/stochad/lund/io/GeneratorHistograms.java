package org.stochad.lund.io;

import java.util.List;
import org.stochad.lund.Event;
import org.stochad.lund.EventTally;
import org.stochad.lund.Hadron;
import org.stochad.lund.observable.EventShapes;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Histogram;

/**
 * The standard histograms of a generator run — multiplicity, charged multiplicity, rapidity, x_E,
 * pT and thrust — filled event by event (written by {@link HistogramWriters}).
 */
public final class GeneratorHistograms implements java.io.Serializable {

    private final double eCm;
    private final Histogram multiplicity;
    private final Histogram charged;
    private final Histogram rapidity;
    private final Histogram xE;
    private final Histogram pt;
    private final Histogram thrust;
    private final List<Histogram> all;

    /** @param eCm the string mass (GeV), which sets the rapidity range */
    public GeneratorHistograms(double eCm) {
        this.eCm = eCm;
        double yMax = Math.ceil(Math.log(eCm / 0.13957));
        multiplicity = Histogram.uniform("/LUND/multiplicity", "Multiplicity", 60, -0.5, 59.5);
        charged = Histogram.uniform("/LUND/charged_multiplicity", "Charged multiplicity", 60, -0.5, 59.5);
        rapidity = Histogram.uniform("/LUND/rapidity", "Rapidity along the string axis", 50, -yMax, yMax);
        xE = Histogram.uniform("/LUND/xE", "Energy fraction x_E = 2E/E_CM", 50, 0, 1);
        pt = Histogram.uniform("/LUND/pT", "Hadron pT (GeV)", 50, 0, 2.5);
        thrust = Histogram.uniform("/LUND/thrust", "Thrust", 50, 0.5, 1);
        all = List.of(multiplicity, charged, rapidity, xE, pt, thrust);
    }

    /** @param e one event, added to every histogram */
    public void fill(Event e) {
        fill(observe(e, eCm));
    }

    /**
     * One event's entries, computed without touching the histograms (so in any thread); adding
     * them in event order with {@link #fill(Observed)} gives the same sums as {@link #fill(Event)}.
     *
     * @param e   the event
     * @param eCm the string mass (GeV)
     * @return the event's entries
     */
    public static Observed observe(Event e, double eCm) {
        List<Hadron> hadrons = e.hadrons();
        int n = hadrons.size();
        double[] y = new double[n];
        double[] x = new double[n];
        double[] p = new double[n];
        int charged = 0;
        double sumPt2 = 0;
        for (int i = 0; i < n; i++) {
            Hadron h = hadrons.get(i);
            y[i] = HadronQuantity.RAPIDITY.valueOf(h, eCm);
            x[i] = HadronQuantity.X_E.valueOf(h, eCm);
            p[i] = HadronQuantity.PT.valueOf(h, eCm);
            if (h.charge() != 0) {
                charged++;
            }
            sumPt2 += h.pt2();   // in hadron order, as EventTally.sumPt2
        }
        return new Observed(e, EventShapes.thrustValue(e), y, x, p, charged, sumPt2);
    }

    /**
     * Adds one event's precomputed entries.
     *
     * @param o the entries of {@link #observe}
     */
    public void fill(Observed o) {
        multiplicity.fill(o.event().multiplicity(), 1);
        charged.fill(o.charged(), 1);
        for (int i = 0; i < o.rapidity().length; i++) {
            rapidity.fill(o.rapidity()[i], 1);
            xE.fill(o.xE()[i], 1);
            pt.fill(o.pt()[i], 1);
        }
        thrust.fill(o.thrust(), 1);
        all.forEach(Histogram::countEvent);
    }

    /**
     * One event with its observables, computed in a worker thread, so that the thread adding them
     * to the sums in event order does little more than add.
     *
     * @param event    the event
     * @param thrust   its thrust
     * @param rapidity its hadrons' rapidities
     * @param xE       their energy fractions
     * @param pt       their transverse momenta (GeV)
     * @param charged  its charged multiplicity
     * @param sumPt2   Σ pT² over its hadrons in hadron order (GeV², {@link EventTally#sumPt2})
     */
    public record Observed(Event event, double thrust, double[] rapidity, double[] xE, double[] pt, int charged,
                           double sumPt2) {

        /**
         * The entries with the charged multiplicity and Σ pT² taken from the event.
         *
         * @param event    the event
         * @param thrust   its thrust
         * @param rapidity its hadrons' rapidities
         * @param xE       their energy fractions
         * @param pt       their transverse momenta (GeV)
         */
        public Observed(Event event, double thrust, double[] rapidity, double[] xE, double[] pt) {
            this(event, thrust, rapidity, xE, pt, event.chargedMultiplicity(), EventTally.sumPt2(event));
        }
    }

    /**
     * Adds another run's histograms bin by bin (the sums of a later block of events).
     *
     * @param other histograms of the same string mass
     * @throws IllegalArgumentException when the binnings differ
     */
    public void add(GeneratorHistograms other) {
        if (other == null || other.all.size() != all.size()) {
            throw new IllegalArgumentException("other = " + other);
        }
        for (int i = 0; i < all.size(); i++) {
            all.get(i).add(other.all.get(i));
        }
    }

    /** @return all six histograms */
    public List<Histogram> all() {
        return all;
    }

    /** @return the multiplicity histogram */
    public Histogram multiplicity() {
        return multiplicity;
    }

    /** @return the rapidity histogram */
    public Histogram rapidity() {
        return rapidity;
    }

    /** @return the x_E histogram */
    public Histogram xE() {
        return xE;
    }
}
