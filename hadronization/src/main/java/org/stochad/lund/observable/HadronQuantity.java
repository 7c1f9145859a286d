package org.stochad.lund.observable;

import java.util.Locale;
import org.stochad.StochasticTriple;
import org.stochad.lund.Hadron;

/** A per-hadron kinematic quantity in the string rest frame (string along z). */
public enum HadronQuantity {
    /** Rapidity y = ½ ln((E + pz)/(E − pz)) along the string axis. */
    RAPIDITY,
    /** Energy fraction x_E = 2E/E_CM. */
    X_E,
    /** Transverse momentum pT with respect to the string axis, GeV. */
    PT,
    /** pT², GeV². */
    PT2;

    /**
     * @param h   the hadron
     * @param eCm the event's E_CM
     * @return the quantity as a triple (carrying the momenta's tangents)
     */
    public StochasticTriple of(Hadron h, double eCm) {
        switch (this) {
            case RAPIDITY:
                return h.e().plus(h.pz()).div(h.e().minus(h.pz())).log().times(0.5);
            case X_E:
                return h.e().times(2 / eCm);
            case PT:
                return pt2(h).sqrt();
            default:
                return pt2(h);
        }
    }

    /**
     * @param h   the hadron
     * @param eCm the event's E_CM
     * @return the quantity's value
     */
    public double valueOf(Hadron h, double eCm) {
        switch (this) {
            case RAPIDITY:
                return h.rapidity();
            case X_E:
                return 2 * h.eValue() / eCm;
            case PT:
                return Math.sqrt(h.pt2());
            default:
                return h.pt2();
        }
    }

    private static StochasticTriple pt2(Hadron h) {
        return h.px().square().plus(h.py().square());
    }

    /**
     * @param name a name such as "rapidity", "xE", "pT", "pT2" (case-insensitive)
     * @return the quantity
     */
    public static HadronQuantity parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("_", "");
        switch (n) {
            case "rapidity": case "y": return RAPIDITY;
            case "xe": return X_E;
            case "pt": return PT;
            case "pt2": return PT2;
            default:
                throw new IllegalArgumentException("hadron quantity = \"" + name
                        + "\" is not one of rapidity, xE, pT, pT2");
        }
    }
}
