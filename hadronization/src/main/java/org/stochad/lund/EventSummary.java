package org.stochad.lund;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.stochad.lund.observable.EventShapes;

/**
 * Running means and standard errors of the standard table: multiplicity, charged multiplicity,
 * mean hadron pT² (per hadron: Σ pT² / Σ N, with the ratio estimator's error), thrust, and the
 * restart rate. Not thread-safe.
 */
public final class EventSummary {

    private final Mean n = Mean.create();
    private final Variance nVar = Variance.create();
    private final Mean nCh = Mean.create();
    private final Variance nChVar = Variance.create();
    private final Mean thrust = Mean.create();
    private final Variance thrustVar = Variance.create();
    private long events;
    private long restarts;
    private double sumY;
    private double sumN;
    private double sumYY;
    private double sumNN;
    private double sumYN;

    /** @param e an event to add */
    public void accept(Event e) {
        accept(e, EventShapes.thrust(e).value());
    }

    /**
     * Adds an event whose thrust was computed elsewhere (e.g. in a worker thread).
     *
     * @param e the event
     * @param t its thrust, {@code EventShapes.thrust(e).value()}
     */
    public void accept(Event e, double t) {
        int m = e.multiplicity();
        n.accept(m);
        nVar.accept(m);
        nCh.accept(e.chargedMultiplicity());
        nChVar.accept(e.chargedMultiplicity());
        thrust.accept(t);
        thrustVar.accept(t);
        double y = 0;
        for (Hadron h : e.hadrons()) {
            y += h.pt2();
        }
        sumY += y;
        sumN += m;
        sumYY += y * y;
        sumNN += (double) m * m;
        sumYN += y * m;
        events++;
        restarts += e.restarts();
    }

    /** @return events seen */
    public long events() {
        return events;
    }

    /** @return {mean, standard error} of the multiplicity */
    public double[] multiplicity() {
        return new double[] {n.getAsDouble(), se(nVar)};
    }

    /** @return {mean, standard error} of the charged multiplicity */
    public double[] chargedMultiplicity() {
        return new double[] {nCh.getAsDouble(), se(nChVar)};
    }

    /** @return {mean, standard error} of thrust */
    public double[] thrust() {
        return new double[] {thrust.getAsDouble(), se(thrustVar)};
    }

    /** @return {Σ pT² / Σ N, standard error} over all hadrons (GeV²) */
    public double[] meanPt2() {
        return EventTally.ratioMeanSe(sumY, sumN, sumYY, sumNN, sumYN, events);
    }

    /** @return restarts per event */
    public double restartRate() {
        return (double) restarts / events;
    }

    private double se(Variance v) {
        return Math.sqrt(v.getAsDouble() / events);
    }

    /** @return a Markdown table of the four means with standard errors */
    public String toMarkdown() {
        return EventTally.markdown(multiplicity(), chargedMultiplicity(), meanPt2(), thrust(), restartRate(), events);
    }
}
