package org.stochad.lund.observable;

import java.util.Locale;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.Hadron;

/**
 * Ready-made observables: multiplicities, thrust, sphericity, and histogram bins of
 * multiplicity and of per-hadron quantities (rapidity, x_E, pT).
 */
public final class Observables {

    private Observables() {
    }

    /** @return the number of hadrons */
    public static Observable multiplicity() {
        return (Observable & java.io.Serializable) e -> StochasticTriple.constant(e.multiplicity());
    }

    /** @return the number of charged hadrons */
    public static Observable chargedMultiplicity() {
        return (Observable & java.io.Serializable) e -> StochasticTriple.constant(e.chargedMultiplicity());
    }

    /** @return thrust (see {@link EventShapes#thrust}) */
    public static Observable thrust() {
        return (Observable & java.io.Serializable) EventShapes::thrust;
    }

    /** @return sphericity (see {@link EventShapes#sphericity}) */
    public static Observable sphericity() {
        return (Observable & java.io.Serializable) EventShapes::sphericity;
    }

    /**
     * @param quantity the per-hadron quantity
     * @return its sum over the event's hadrons (e.g. Σ pT²; divide expectations by ⟨N⟩ for a mean)
     */
    public static Observable sum(HadronQuantity quantity) {
        return (Observable & java.io.Serializable) e -> {
            StochasticTriple s = StochasticTriple.constant(0);
            for (Hadron h : e.hadrons()) {
                s = s.plus(quantity.of(h, e.eCm()));
            }
            return s;
        };
    }

    /**
     * @param lo lower edge (inclusive)
     * @param hi upper edge (exclusive)
     * @return 1 when the multiplicity is in [lo, hi), else 0
     */
    public static Observable multiplicityBin(double lo, double hi) {
        checkBin(lo, hi);
        return (Observable & java.io.Serializable) e ->
                StochasticTriple.constant(e.multiplicity() >= lo && e.multiplicity() < hi ? 1 : 0);
    }

    /**
     * @param quantity the per-hadron quantity
     * @param lo       lower edge (inclusive)
     * @param hi       upper edge (exclusive)
     * @return the number of hadrons of the event whose quantity is in [lo, hi) (a
     *         {@link Observable.ThresholdOnMomenta}: not for the pathwise generator mode)
     */
    public static Observable hadronBin(HadronQuantity quantity, double lo, double hi) {
        checkBin(lo, hi);
        return (Observable & Observable.ThresholdOnMomenta & java.io.Serializable) e -> {
            int n = 0;
            for (Hadron h : e.hadrons()) {
                double v = quantity.valueOf(h, e.eCm());
                if (v >= lo && v < hi) {
                    n++;
                }
            }
            return StochasticTriple.constant(n);
        };
    }

    private static void checkBin(double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("bin [lo, hi) = [" + lo + ", " + hi + ") is empty");
        }
    }

    /**
     * Parses an observable name: {@code multiplicity}, {@code charged}, {@code thrust},
     * {@code sphericity}, {@code sum:QUANTITY}, {@code bin:multiplicity:LO:HI},
     * {@code bin:QUANTITY:LO:HI} with QUANTITY one of rapidity, xE, pT, pT2.
     *
     * @param spec the name
     * @return the observable
     */
    public static Observable parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        String[] parts = s.split(":");
        String head = parts[0].toLowerCase(Locale.ROOT);
        try {
            switch (head) {
                case "multiplicity": case "n":
                    return multiplicity();
                case "charged": case "nch": case "chargedmultiplicity":
                    return chargedMultiplicity();
                case "thrust":
                    return thrust();
                case "sphericity":
                    return sphericity();
                case "sum":
                    if (parts.length == 2) {
                        return sum(HadronQuantity.parse(parts[1]));
                    }
                    break;
                case "bin":
                    if (parts.length == 4) {
                        double lo = Double.parseDouble(parts[2]);
                        double hi = Double.parseDouble(parts[3]);
                        return parts[1].equalsIgnoreCase("multiplicity") ? multiplicityBin(lo, hi)
                                : hadronBin(HadronQuantity.parse(parts[1]), lo, hi);
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("observable = \"" + spec + "\" has a bad bin edge");
        }
        throw new IllegalArgumentException("observable = \"" + spec + "\" is not one of multiplicity, charged,"
                + " thrust, sphericity, sum:Q, bin:multiplicity:LO:HI, bin:Q:LO:HI (Q = rapidity, xE, pT, pT2)");
    }
}
