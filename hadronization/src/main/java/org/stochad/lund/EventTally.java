package org.stochad.lund;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The standard summary of a block of events — multiplicity, charged multiplicity, mean hadron pT²
 * (Σ pT² / Σ N, with the ratio estimator's error), thrust and the restart rate — as sums that
 * merge: the tallies of consecutive blocks added in block order give the same numbers wherever
 * each block was counted. Integer quantities are summed exactly (their means and errors do not
 * depend on the order at all); thrust keeps a mean and a sum of squared deviations per block,
 * merged by Chan et al.'s rule. Not thread-safe.
 */
public final class EventTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private long events;
    private long restarts;
    private long sumN;
    private long sumNN;
    private long sumCh;
    private long sumChCh;
    private double thrustMean;
    private double thrustM2;
    private double sumY;
    private double sumYY;
    private double sumYN;

    /**
     * Adds an event.
     *
     * @param e the event
     * @param t its thrust, {@code EventShapes.thrustValue(e)}
     */
    public void accept(Event e, double t) {
        accept(e.multiplicity(), e.chargedMultiplicity(), e.restarts(), sumPt2(e), t);
    }

    /**
     * Adds an event given by its numbers (computed elsewhere, e.g. in a worker thread); the same
     * sums as {@link #accept(Event, double)} of the event.
     *
     * @param m        its multiplicity
     * @param ch       its charged multiplicity
     * @param restarts its restarts
     * @param y        its Σ pT², {@link #sumPt2(Event)}
     * @param t        its thrust
     */
    public void accept(int m, int ch, int restarts, double y, double t) {
        events++;
        this.restarts += restarts;
        sumN += m;
        sumNN += (long) m * m;
        sumCh += ch;
        sumChCh += (long) ch * ch;
        double d = t - thrustMean;
        thrustMean += d / events;
        thrustM2 += d * (t - thrustMean);
        sumY += y;
        sumYY += y * y;
        sumYN += y * m;
    }

    /**
     * @param e an event
     * @return Σ pT² over its hadrons (GeV²), summed in hadron order
     */
    public static double sumPt2(Event e) {
        double y = 0;
        for (Hadron h : e.hadrons()) {
            y += h.pt2();
        }
        return y;
    }

    /**
     * Adds the tally of the next block of events.
     *
     * @param other the later block's tally
     */
    public void add(EventTally other) {
        if (other.events == 0) {
            return;
        }
        if (events == 0) {
            thrustMean = other.thrustMean;
            thrustM2 = other.thrustM2;
        } else {
            double n = events + other.events;
            double d = other.thrustMean - thrustMean;
            thrustM2 = thrustM2 + other.thrustM2 + d * d * ((double) events * other.events / n);
            thrustMean = thrustMean + d * (other.events / n);
        }
        events += other.events;
        restarts += other.restarts;
        sumN += other.sumN;
        sumNN += other.sumNN;
        sumCh += other.sumCh;
        sumChCh += other.sumChCh;
        sumY += other.sumY;
        sumYY += other.sumYY;
        sumYN += other.sumYN;
    }

    /** @return events seen */
    public long events() {
        return events;
    }

    /** @return {mean, standard error} of the multiplicity */
    public double[] multiplicity() {
        return integerMeanSe(sumN, sumNN);
    }

    /** @return {mean, standard error} of the charged multiplicity */
    public double[] chargedMultiplicity() {
        return integerMeanSe(sumCh, sumChCh);
    }

    /** @return {mean, standard error} of thrust */
    public double[] thrust() {
        return new double[] {events == 0 ? Double.NaN : thrustMean,
            Math.sqrt(thrustM2 / (events - 1) / events)};
    }

    /** @return {Σ pT² / Σ N, standard error} over all hadrons (GeV²) */
    public double[] meanPt2() {
        return ratioMeanSe(sumY, sumN, sumYY, sumNN, sumYN, events);
    }

    /**
     * The ratio estimator ΣY / ΣN over k events and its standard error, from the sums of Y, N,
     * Y², N² and YN.
     */
    static double[] ratioMeanSe(double sumY, double sumN, double sumYY, double sumNN, double sumYN, long events) {
        double r = sumY / sumN;
        double k = events;
        // Σ (Y − rN)² = ΣY² − 2rΣYN + r²ΣN²
        double ss = sumYY - 2 * r * sumYN + r * r * sumNN;
        double nBar = sumN / k;
        double se = Math.sqrt(Math.max(0, ss) / (k * (k - 1))) / nBar;
        return new double[] {r, se};
    }

    /** @return restarts per event */
    public double restartRate() {
        return (double) restarts / events;
    }

    /** Mean and its standard error from exact sums: var = (kΣx² − (Σx)²)/(k(k − 1)), the numerator exact. */
    private double[] integerMeanSe(long sum, long sumSq) {
        BigInteger k = BigInteger.valueOf(events);
        BigInteger s = BigInteger.valueOf(sum);
        double numerator = k.multiply(BigInteger.valueOf(sumSq)).subtract(s.multiply(s)).doubleValue();
        double variance = numerator / ((double) events * (events - 1));
        return new double[] {(double) sum / events, Math.sqrt(variance / events)};
    }

    /** @return a Markdown table of the four means with standard errors */
    public String toMarkdown() {
        return markdown(multiplicity(), chargedMultiplicity(), meanPt2(), thrust(), restartRate(), events);
    }

    /** The summary table of {@link #toMarkdown()}, from its values ({mean, s.e.} pairs). */
    static String markdown(double[] multiplicity, double[] charged, double[] meanPt2, double[] thrust,
                           double restartRate, long events) {
        StringBuilder b = new StringBuilder();
        b.append("| quantity | mean | s.e. |\n|---|---|---|\n");
        row(b, "multiplicity ⟨N⟩", multiplicity);
        row(b, "charged multiplicity ⟨N_ch⟩", charged);
        row(b, "mean hadron pT² (GeV²)", meanPt2);
        row(b, "thrust ⟨T⟩", thrust);
        b.append(String.format(Locale.ROOT, "| restarts per event | %.5f | |%n", restartRate));
        b.append(String.format(Locale.ROOT, "| events | %d | |%n", events));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double[] v) {
        b.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f |%n", name, v[0], v[1]));
    }
}
