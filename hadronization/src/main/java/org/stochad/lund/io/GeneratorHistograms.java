package org.stochad.lund.io;

import java.util.List;
import org.stochad.lund.Event;
import org.stochad.lund.Hadron;
import org.stochad.lund.observable.EventShapes;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Histogram;

/**
 * The standard histograms of a generator run — multiplicity, charged multiplicity, rapidity, x_E,
 * pT and thrust — filled event by event (written by {@link HistogramWriters}).
 */
public final class GeneratorHistograms {

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
        multiplicity.fill(e.multiplicity(), 1);
        charged.fill(e.chargedMultiplicity(), 1);
        for (Hadron h : e.hadrons()) {
            rapidity.fill(HadronQuantity.RAPIDITY.valueOf(h, eCm), 1);
            xE.fill(HadronQuantity.X_E.valueOf(h, eCm), 1);
            pt.fill(HadronQuantity.PT.valueOf(h, eCm), 1);
        }
        thrust.fill(EventShapes.thrust(e).value(), 1);
        all.forEach(Histogram::countEvent);
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
