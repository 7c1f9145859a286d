package org.stochad.lund;

import org.stochad.StochasticTriple;

/**
 * A final-state hadron: PDG code, mass, and four-momentum whose components are triples, so an
 * observable built on them carries the pathwise derivative (e.g. in σ_pT) along.
 *
 * @param pdgId the PDG code
 * @param mass  the mass in GeV
 * @param px    x momentum, GeV
 * @param py    y momentum, GeV
 * @param pz    z momentum (string axis; the quark end moves along +z), GeV
 * @param e     energy, GeV
 * @param end   0 when made at the quark (+z) end, 1 at the antiquark end
 * @param rank  the rank from that end (1 = contains the original end quark)
 * @param fromFinalTwo whether it is one of the last two hadrons, made together by finalTwo
 */
public record Hadron(int pdgId, double mass, StochasticTriple px, StochasticTriple py, StochasticTriple pz,
                     StochasticTriple e, int end, int rank, boolean fromFinalTwo) {

    /** @return the x momentum value */
    public double pxValue() {
        return px.value();
    }

    /** @return the y momentum value */
    public double pyValue() {
        return py.value();
    }

    /** @return the z momentum value */
    public double pzValue() {
        return pz.value();
    }

    /** @return the energy value */
    public double eValue() {
        return e.value();
    }

    /** @return pT² = px² + py² (value) */
    public double pt2() {
        return px.value() * px.value() + py.value() * py.value();
    }

    /** @return |p| (value) */
    public double pAbs() {
        return Math.sqrt(pt2() + pz.value() * pz.value());
    }

    /** @return the rapidity y = ½ ln((E + pz)/(E − pz)) along the string axis (value) */
    public double rapidity() {
        double ev = e.value();
        double pzv = pz.value();
        return 0.5 * Math.log((ev + pzv) / (ev - pzv));
    }

    /** @return the electric charge */
    public int charge() {
        return ParticleData.charge(pdgId);
    }
}
