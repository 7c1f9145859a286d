package org.stochad.lund;

/**
 * The few particle properties the string generator needs: PDG masses and charges of the
 * pseudoscalar mesons it makes, constituent masses of light quarks, and the Pythia rule that
 * names the meson of a quark–antiquark pair.
 */
public final class ParticleData {

    /** PDG code of the neutral pion. */
    public static final int PI0 = 111;
    /** PDG code of the positive pion. */
    public static final int PI_PLUS = 211;
    /** PDG code of the eta. */
    public static final int ETA = 221;
    /** PDG code of the eta'. */
    public static final int ETA_PRIME = 331;
    /** PDG code of the neutral kaon. */
    public static final int K0 = 311;
    /** PDG code of the positive kaon. */
    public static final int K_PLUS = 321;

    private ParticleData() {
    }

    /**
     * @param pdgId a PDG code of a meson this generator makes (either sign)
     * @return its mass in GeV (PDG values)
     */
    public static double mass(int pdgId) {
        switch (Math.abs(pdgId)) {
            case PI0: return 0.13498;
            case PI_PLUS: return 0.13957;
            case K0: return 0.49761;
            case K_PLUS: return 0.49368;
            case ETA: return 0.547862;
            case ETA_PRIME: return 0.95778;
            default:
                throw new IllegalArgumentException("pdgId = " + pdgId + " is not a meson this generator makes");
        }
    }

    /**
     * @param pdgId a PDG code of a meson this generator makes
     * @return its electric charge in units of e
     */
    public static int charge(int pdgId) {
        switch (Math.abs(pdgId)) {
            case PI_PLUS: case K_PLUS:
                return Integer.signum(pdgId);
            case PI0: case K0: case ETA: case ETA_PRIME:
                return 0;
            default:
                throw new IllegalArgumentException("pdgId = " + pdgId + " is not a meson this generator makes");
        }
    }

    /**
     * @param quark a light quark code 1 (d), 2 (u) or 3 (s), either sign
     * @return its constituent mass in GeV (Pythia: 0.325 for u and d, 0.50 for s)
     */
    public static double constituentMass(int quark) {
        switch (Math.abs(quark)) {
            case 1: case 2: return 0.325;
            case 3: return 0.50;
            default:
                throw new IllegalArgumentException("quark = " + quark + " is not a light quark 1, 2 or 3");
        }
    }

    /**
     * The pseudoscalar meson of two different light flavours, one quark and one antiquark,
     * by Pythia's rule: code 100·max + 10·min + 1, signed so that u d̄ = π⁺ and d s̄ = K⁰.
     *
     * @param id1 a signed quark code
     * @param id2 a signed quark code of the opposite sign and a different flavour
     * @return the signed PDG code
     */
    public static int offDiagonalMeson(int id1, int id2) {
        int a1 = Math.abs(id1);
        int a2 = Math.abs(id2);
        if (a1 < 1 || a1 > 3 || a2 < 1 || a2 > 3 || a1 == a2 || Integer.signum(id1) == Integer.signum(id2)) {
            throw new IllegalArgumentException("quarks (" + id1 + ", " + id2
                    + ") are not a light quark and antiquark of different flavours");
        }
        int max = Math.max(a1, a2);
        int min = Math.min(a1, a2);
        int sign = max % 2 == 0 ? 1 : -1;
        int idOfMax = max == a1 ? id1 : id2;
        if (idOfMax < 0) {
            sign = -sign;
        }
        return sign * (100 * max + 10 * min + 1);
    }

    /**
     * @param pdgId a PDG code
     * @return a short name (pi+, K0bar, eta' …)
     */
    public static String name(int pdgId) {
        switch (pdgId) {
            case PI0: return "pi0";
            case PI_PLUS: return "pi+";
            case -PI_PLUS: return "pi-";
            case K_PLUS: return "K+";
            case -K_PLUS: return "K-";
            case K0: return "K0";
            case -K0: return "K0bar";
            case ETA: return "eta";
            case ETA_PRIME: return "eta'";
            default: return Integer.toString(pdgId);
        }
    }
}
