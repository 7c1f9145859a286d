package org.stochad.lund;

import org.stochad.StochasticTriple;

/**
 * A final-state hadron: PDG code, mass, and four-momentum whose components are triples, so an
 * observable built on them carries the pathwise derivative (e.g. in σ_pT) along.
 *
 * <p>A hadron made by {@link #of} has constant kinematics (the primal fast path's events): it keeps
 * the four values only, and {@link #px()} … {@link #e()} return {@code StochasticTriple.constant}
 * of them, a new triple per call. That saves four triples per hadron where the triples are never
 * read (event generation, the score-function sample).
 */
public final class Hadron {

    private final int pdgId;
    private final double mass;
    private final double pxValue;
    private final double pyValue;
    private final double pzValue;
    private final double eValue;
    /** The triples, or null when the kinematics are constants ({@link #of}). */
    private final StochasticTriple px;
    private final StochasticTriple py;
    private final StochasticTriple pz;
    private final StochasticTriple e;
    private final int end;
    private final int rank;
    private final boolean fromFinalTwo;

    /**
     * A hadron whose kinematics are triples.
     *
     * @param pdgId        the PDG code
     * @param mass         the mass in GeV
     * @param px           x momentum, GeV
     * @param py           y momentum, GeV
     * @param pz           z momentum (string axis; the quark end moves along +z), GeV
     * @param e            energy, GeV
     * @param end          0 when made at the quark (+z) end, 1 at the antiquark end
     * @param rank         the rank from that end (1 = contains the original end quark)
     * @param fromFinalTwo whether it is one of the last two hadrons, made together by finalTwo
     * @throws IllegalArgumentException when a momentum component is null
     */
    public Hadron(int pdgId, double mass, StochasticTriple px, StochasticTriple py, StochasticTriple pz,
                  StochasticTriple e, int end, int rank, boolean fromFinalTwo) {
        if (px == null || py == null || pz == null || e == null) {
            throw new IllegalArgumentException("hadron " + pdgId + ": momentum components px = " + px + ", py = "
                    + py + ", pz = " + pz + ", e = " + e + " (none may be null)");
        }
        this.pdgId = pdgId;
        this.mass = mass;
        this.pxValue = px.value();
        this.pyValue = py.value();
        this.pzValue = pz.value();
        this.eValue = e.value();
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.e = e;
        this.end = end;
        this.rank = rank;
        this.fromFinalTwo = fromFinalTwo;
    }

    private Hadron(int pdgId, double mass, double px, double py, double pz, double e, int end, int rank,
                   boolean fromFinalTwo) {
        this.pdgId = pdgId;
        this.mass = mass;
        this.pxValue = px;
        this.pyValue = py;
        this.pzValue = pz;
        this.eValue = e;
        this.px = null;
        this.py = null;
        this.pz = null;
        this.e = null;
        this.end = end;
        this.rank = rank;
        this.fromFinalTwo = fromFinalTwo;
    }

    /**
     * A hadron with constant kinematics: the same as the triple constructor with
     * {@code StochasticTriple.constant} of each component, without keeping the triples.
     *
     * @param pdgId        the PDG code
     * @param mass         the mass in GeV
     * @param px           x momentum, GeV
     * @param py           y momentum, GeV
     * @param pz           z momentum, GeV
     * @param e            energy, GeV
     * @param end          0 when made at the quark (+z) end, 1 at the antiquark end
     * @param rank         the rank from that end
     * @param fromFinalTwo whether it is one of the last two hadrons
     * @return the hadron
     */
    public static Hadron of(int pdgId, double mass, double px, double py, double pz, double e, int end, int rank,
                            boolean fromFinalTwo) {
        return new Hadron(pdgId, mass, px, py, pz, e, end, rank, fromFinalTwo);
    }

    /** @return the PDG code */
    public int pdgId() {
        return pdgId;
    }

    /** @return the mass in GeV */
    public double mass() {
        return mass;
    }

    /** @return x momentum (GeV) as a triple */
    public StochasticTriple px() {
        return px != null ? px : StochasticTriple.constant(pxValue);
    }

    /** @return y momentum (GeV) as a triple */
    public StochasticTriple py() {
        return py != null ? py : StochasticTriple.constant(pyValue);
    }

    /** @return z momentum (GeV, string axis) as a triple */
    public StochasticTriple pz() {
        return pz != null ? pz : StochasticTriple.constant(pzValue);
    }

    /** @return the energy (GeV) as a triple */
    public StochasticTriple e() {
        return e != null ? e : StochasticTriple.constant(eValue);
    }

    /** @return 0 when made at the quark (+z) end, 1 at the antiquark end */
    public int end() {
        return end;
    }

    /** @return the rank from its end (1 = contains the original end quark) */
    public int rank() {
        return rank;
    }

    /** @return whether it is one of the last two hadrons, made together by finalTwo */
    public boolean fromFinalTwo() {
        return fromFinalTwo;
    }

    /** @return whether the kinematics are constants kept as values only ({@link #of}) */
    public boolean constantKinematics() {
        return px == null;
    }

    /** @return the x momentum value */
    public double pxValue() {
        return pxValue;
    }

    /** @return the y momentum value */
    public double pyValue() {
        return pyValue;
    }

    /** @return the z momentum value */
    public double pzValue() {
        return pzValue;
    }

    /** @return the energy value */
    public double eValue() {
        return eValue;
    }

    /** @return pT² = px² + py² (value) */
    public double pt2() {
        return pxValue * pxValue + pyValue * pyValue;
    }

    /** @return |p| (value) */
    public double pAbs() {
        return Math.sqrt(pt2() + pzValue * pzValue);
    }

    /** @return the rapidity y = ½ ln((E + pz)/(E − pz)) along the string axis (value) */
    public double rapidity() {
        return 0.5 * Math.log((eValue + pzValue) / (eValue - pzValue));
    }

    /** @return the electric charge */
    public int charge() {
        return ParticleData.charge(pdgId);
    }

    /**
     * Equal when every field is: the code, end, rank and finalTwo flag, the bits of the mass and of
     * the four momentum values, and the triples (both constant, or {@code equals}).
     *
     * @param o another object
     * @return whether it is an equal hadron
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hadron h)) {
            return false;
        }
        return pdgId == h.pdgId && end == h.end && rank == h.rank && fromFinalTwo == h.fromFinalTwo
                && Double.compare(mass, h.mass) == 0 && Double.compare(pxValue, h.pxValue) == 0
                && Double.compare(pyValue, h.pyValue) == 0 && Double.compare(pzValue, h.pzValue) == 0
                && Double.compare(eValue, h.eValue) == 0 && java.util.Objects.equals(px, h.px)
                && java.util.Objects.equals(py, h.py) && java.util.Objects.equals(pz, h.pz)
                && java.util.Objects.equals(e, h.e);
    }

    @Override
    public int hashCode() {
        int r = Integer.hashCode(pdgId);
        r = 31 * r + Double.hashCode(mass);
        r = 31 * r + Double.hashCode(pxValue);
        r = 31 * r + Double.hashCode(pyValue);
        r = 31 * r + Double.hashCode(pzValue);
        r = 31 * r + Double.hashCode(eValue);
        r = 31 * r + end;
        r = 31 * r + rank;
        return 31 * r + Boolean.hashCode(fromFinalTwo);
    }

    @Override
    public String toString() {
        return "Hadron[pdgId=" + pdgId + ", mass=" + mass + ", px=" + pxValue + ", py=" + pyValue + ", pz="
                + pzValue + ", e=" + eValue + ", end=" + end + ", rank=" + rank + ", fromFinalTwo=" + fromFinalTwo
                + "]";
    }
}
