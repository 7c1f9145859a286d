package org.stochad.lund;

import java.util.List;
import org.stochad.StochasticTriple;

/**
 * One fragmented q-q̄ string: its final-state hadrons in the string rest frame, the number of
 * restarts it took, and the history of its random decisions.
 *
 * @param eCm      the string mass (GeV); the event's total four-momentum is (0, 0, 0, eCm)
 * @param hadrons  the hadrons, ordered along the string from the quark end to the antiquark end
 * @param restarts how many failed attempts preceded the kept one
 * @param history  the random decisions of all attempts
 * @param weight   the likelihood-ratio weight of the pT draws: value 1, tangents ∂θ ln p(pT's) when
 *                 {@code Lund:ptScore} is on (constant 1 otherwise); observables of a differentiable
 *                 program are multiplied by it
 */
public record Event(double eCm, List<Hadron> hadrons, int restarts, FragmentationHistory history,
                    StochasticTriple weight) {

    /**
     * Canonical constructor: keeps an unmodifiable copy of the hadrons.
     *
     * @param eCm the string mass (GeV); the event's total four-momentum is (0, 0, 0, eCm)
     * @param hadrons the hadrons, ordered along the string from the quark end to the antiquark end
     * @param restarts how many failed attempts preceded the kept one
     * @param history the random decisions of all attempts
     * @param weight the likelihood-ratio weight of the pT draws: value 1, tangents ∂θ ln p(pT's) when {@code Lund:ptScore} is on (constant 1 otherwise); observables of a differentiable program are multiplied by it
     */
    public Event {
        hadrons = List.copyOf(hadrons);
        if (weight == null) {
            throw new IllegalArgumentException("weight = null");
        }
    }

    /**
     * An event with weight 1 (pT differentiated pathwise, or not at all).
     *
     * @param eCm      the string mass (GeV)
     * @param hadrons  the hadrons
     * @param restarts failed attempts before the kept one
     * @param history  the random decisions of all attempts
     */
    public Event(double eCm, List<Hadron> hadrons, int restarts, FragmentationHistory history) {
        this(eCm, hadrons, restarts, history, ONE);
    }

    /** The weight of an unweighted event (triples are immutable, so one instance serves all). */
    private static final StochasticTriple ONE = StochasticTriple.constant(1);

    /** @return the number of hadrons */
    public int multiplicity() {
        return hadrons.size();
    }

    /** @return the number of charged hadrons */
    public int chargedMultiplicity() {
        int n = 0;
        for (Hadron h : hadrons) {
            if (h.charge() != 0) {
                n++;
            }
        }
        return n;
    }

    /** @return the sum of the hadrons' four-momenta (px, py, pz, E) as values */
    public double[] totalMomentum() {
        double[] p = new double[4];
        for (Hadron h : hadrons) {
            p[0] += h.pxValue();
            p[1] += h.pyValue();
            p[2] += h.pzValue();
            p[3] += h.eValue();
        }
        return p;
    }

    /** @return the sum of the hadrons' energies as a triple */
    public StochasticTriple totalEnergy() {
        StochasticTriple s = StochasticTriple.constant(0);
        for (Hadron h : hadrons) {
            s = s.plus(h.e());
        }
        return s;
    }
}
