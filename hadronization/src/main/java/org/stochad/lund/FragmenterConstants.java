package org.stochad.lund;

/**
 * The constants every string fragmenter reads from its {@link LundSettings} (the triple path
 * {@link StringFragmenter}, its double fast paths and the pathwise mode), read in one place.
 *
 * @param eCm              the string mass E_CM (GeV)
 * @param stopMass         {@link LundSettings#STOP_MASS}
 * @param stopNewFlav      {@link LundSettings#STOP_NEW_FLAV}
 * @param stopSmear        {@link LundSettings#STOP_SMEAR}
 * @param enhancedFraction {@link LundSettings#ENHANCED_FRACTION}
 * @param enhancedWidth    {@link LundSettings#ENHANCED_WIDTH}
 * @param head             the z envelope's headroom ({@link LundSettings#zHead()})
 * @param peaked           whether z is proposed from the peaked envelopes
 * @param ptScore          whether σ enters by the pT likelihood-ratio weight
 * @param maxRetries       the number of attempts before a string fails
 */
public record FragmenterConstants(double eCm, double stopMass, double stopNewFlav, double stopSmear,
                                  double enhancedFraction, double enhancedWidth, double head, boolean peaked,
                                  boolean ptScore, int maxRetries) {

    /** 1/√2: the pT width per component is σ/√2. */
    public static final double INV_SQRT2 = 1 / Math.sqrt(2);
    /** The z sampler's proposal limit per hadron. */
    public static final int MAX_Z_TRIES = 100_000;
    /** The clamp of the Lund function's exponent and of finalTwo's b·λ. */
    public static final double EXP_MAX = 50;

    /**
     * @param settings the generator settings
     * @return their fragmentation constants
     */
    public static FragmenterConstants of(LundSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings = null");
        }
        return new FragmenterConstants(settings.eCM(), settings.parm(LundSettings.STOP_MASS),
                settings.parm(LundSettings.STOP_NEW_FLAV), settings.parm(LundSettings.STOP_SMEAR),
                settings.parm(LundSettings.ENHANCED_FRACTION), settings.parm(LundSettings.ENHANCED_WIDTH),
                settings.zHead(), settings.peakedEnvelopes(), settings.ptScore(), settings.maxRetries());
    }

    /**
     * Pythia's unsmeared stop mass W₀ = stopMass + m(end⁺) + m(end⁻) + stopNewFlav·m(new quark),
     * summed in that order (the stop test compares the remaining mass with W₀·smear).
     *
     * @param posFlavour the quark end's flavour
     * @param negFlavour the antiquark end's flavour
     * @param newQuark   the new quark's flavour at the stepped end
     * @return W₀ (GeV)
     */
    public double stopW0(int posFlavour, int negFlavour, int newQuark) {
        return stopMass + ParticleData.constituentMass(posFlavour) + ParticleData.constituentMass(negFlavour)
                + stopNewFlav * ParticleData.constituentMass(newQuark);
    }
}
