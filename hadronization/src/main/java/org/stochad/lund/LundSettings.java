package org.stochad.lund;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The immutable settings of the Lund string generator, named and defaulted as in Pythia 8
 * ({@code StringZ:aLund = 0.68} …), read from a Pythia-style {@code .cmnd} file or from
 * {@code key = value} strings.
 *
 * <p>Keys are case-insensitive, as in Pythia. Unknown keys and malformed or out-of-range values
 * throw {@link IllegalArgumentException} naming the key and value. Booleans accept
 * on/off/true/false/yes/no/1/0.
 */
public final class LundSettings {

    /** One known setting: its canonical key, default, range and whether it is a flag or integer. */
    private record Spec(String key, double defaultValue, double min, double max, Kind kind, String help) { }

    private enum Kind { REAL, INT, FLAG }

    /** Canonical keys of all settings this generator knows. */
    public static final String A_LUND = "StringZ:aLund";
    /** Lund b parameter, GeV^-2. */
    public static final String B_LUND = "StringZ:bLund";
    /** Width sigma of the fragmentation pT, GeV. */
    public static final String SIGMA = "StringPT:sigma";
    /** Fraction of breaks with an enhanced pT width. */
    public static final String ENHANCED_FRACTION = "StringPT:enhancedFraction";
    /** Factor of the enhanced width. */
    public static final String ENHANCED_WIDTH = "StringPT:enhancedWidth";
    /** s quark suppression rho relative to u or d. */
    public static final String PROB_S_TO_UD = "StringFlav:probStoUD";
    /** Acceptance of an eta from a diagonal pair. */
    public static final String ETA_SUP = "StringFlav:etaSup";
    /** Acceptance of an eta' from a diagonal pair. */
    public static final String ETA_PRIME_SUP = "StringFlav:etaPrimeSup";
    /** Pseudoscalar eta-eta' mixing angle in degrees. */
    public static final String THETA_PS = "StringFlav:thetaPS";
    /** Stop mass of the fragmentation loop, GeV. */
    public static final String STOP_MASS = "StringFragmentation:stopMass";
    /** Weight of the new flavour's constituent mass in the stop mass. */
    public static final String STOP_NEW_FLAV = "StringFragmentation:stopNewFlav";
    /** Relative smearing of the stop mass. */
    public static final String STOP_SMEAR = "StringFragmentation:stopSmear";
    /** Over-sampling factor H of the z rejection sampler. */
    public static final String Z_HEAD = "VariationFrag:zHead";
    /** Use Pythia's peaked z envelopes (faster, but the proposal then depends on the parameters). */
    public static final String PEAKED_ENVELOPES = "Lund:peakedEnvelopes";
    /** Pions only: s quarks, eta and eta' switched off. */
    public static final String PIONS_ONLY = "Lund:pionsOnly";
    /** Key: differentiate σ through the pT densities (likelihood ratio) instead of pathwise. */
    public static final String PT_SCORE = "Lund:ptScore";
    /** Flavour (1 = d, 2 = u, 3 = s) of the string's quark end. */
    public static final String ID_QUARK = "Lund:idQuark";
    /** String invariant mass = centre-of-mass energy, GeV. */
    public static final String E_CM = "Beams:eCM";
    /** How many times a failed string is restarted before giving up. */
    public static final String MAX_RETRIES = "Lund:maxRetries";
    /** Random seed. */
    public static final String SEED = "Random:seed";
    /** Number of events to generate. */
    public static final String EVENTS = "Main:numberOfEvents";

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        spec(A_LUND, 0.68, 0.0, 2.0, Kind.REAL, "Lund a");
        spec(B_LUND, 0.98, 0.2, 2.0, Kind.REAL, "Lund b (GeV^-2)");
        spec(SIGMA, 0.335, 0.0, 1.0, Kind.REAL, "pT width sigma (GeV), <pT^2> = sigma^2 per break");
        spec(ENHANCED_FRACTION, 0.01, 0.0, 1.0, Kind.REAL, "fraction of breaks with enhanced pT width");
        spec(ENHANCED_WIDTH, 2.0, 1.0, 10.0, Kind.REAL, "enhancement factor of the pT width");
        spec(PROB_S_TO_UD, 0.217, 0.0, 1.0, Kind.REAL, "s : u = s : d suppression rho");
        spec(ETA_SUP, 0.60, 0.0, 1.0, Kind.REAL, "eta acceptance");
        spec(ETA_PRIME_SUP, 0.12, 0.0, 1.0, Kind.REAL, "eta' acceptance");
        spec(THETA_PS, -15.0, -90.0, 90.0, Kind.REAL, "pseudoscalar mixing angle (degrees)");
        spec(STOP_MASS, 1.0, 0.0, 2.0, Kind.REAL, "stop mass (GeV)");
        spec(STOP_NEW_FLAV, 2.0, 0.0, 2.0, Kind.REAL, "new-flavour weight in the stop mass");
        spec(STOP_SMEAR, 0.2, 0.0, 0.5, Kind.REAL, "stop mass smearing");
        spec(Z_HEAD, 1.5, 1.0, 100.0, Kind.REAL, "over-sampling factor H of the flat-proposal z sampler");
        spec(PEAKED_ENVELOPES, 0, 0, 1, Kind.FLAG, "Pythia's peaked z envelopes (proposal depends on a, b)");
        spec(PIONS_ONLY, 0, 0, 1, Kind.FLAG, "pions only: probStoUD = etaSup = etaPrimeSup = 0");
        spec(PT_SCORE, 1, 0, 1, Kind.FLAG, "sigma-derivative through the pT densities (event weight; unbiased), 0: pathwise (misses the jumps of the stop test and vetoes)");
        spec(ID_QUARK, 2, 1, 3, Kind.INT, "flavour of the quark end (1 d, 2 u, 3 s)");
        spec(E_CM, 100.0, 2.0, 1.0e5, Kind.REAL, "string mass = E_CM (GeV)");
        spec(MAX_RETRIES, 100, 1, 1.0e6, Kind.INT, "restarts of a failed string before giving up");
        spec(SEED, 1, -9.0e18, 9.0e18, Kind.INT, "random seed");
        spec(EVENTS, 1000, 0, 2.0e9, Kind.INT, "number of events");
    }

    private static void spec(String key, double def, double min, double max, Kind kind, String help) {
        SPECS.put(key.toLowerCase(Locale.ROOT), new Spec(key, def, min, max, kind, help));
    }

    private final Map<String, Double> values;

    private LundSettings(Map<String, Double> values) {
        this.values = values;
    }

    /** @return the defaults (Pythia 8's values where Pythia has the setting) */
    public static LundSettings defaults() {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Spec s : SPECS.values()) {
            v.put(s.key(), s.defaultValue());
        }
        return new LundSettings(v);
    }

    /** @return the defaults with {@code Lund:pionsOnly = on} */
    public static LundSettings pionsOnly() {
        return defaults().with(PIONS_ONLY, "on");
    }

    /**
     * Parses a Pythia-style command file: {@code key = value} lines, {@code !} and {@code #}
     * start comments, blank lines ignored.
     *
     * @param file the file
     * @return these settings over the defaults
     * @throws IOException when the file cannot be read
     */
    public static LundSettings fromCmnd(Path file) throws IOException {
        return defaults().withLines(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * @param lines {@code key = value} lines (comments after {@code !} or {@code #})
     * @return a copy with these lines applied in order
     */
    public LundSettings withLines(List<String> lines) {
        LundSettings s = this;
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("settings line " + n + " = \"" + raw.trim()
                        + "\" is not of the form key = value");
            }
            s = s.with(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return s;
    }

    /**
     * @param assignments strings {@code key=value}
     * @return a copy with these applied in order
     */
    public LundSettings withAssignments(String... assignments) {
        List<String> lines = new ArrayList<>();
        for (String a : assignments) {
            lines.add(a);
        }
        return withLines(lines);
    }

    private static String stripComment(String line) {
        int cut = line.length();
        int bang = line.indexOf('!');
        int hash = line.indexOf('#');
        if (bang >= 0) {
            cut = Math.min(cut, bang);
        }
        if (hash >= 0) {
            cut = Math.min(cut, hash);
        }
        return line.substring(0, cut);
    }

    /**
     * @param key   a known key (case-insensitive)
     * @param value its value as text
     * @return a copy with the setting changed
     */
    public LundSettings with(String key, String value) {
        Spec s = spec(key);
        double v = parse(s, value);
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(s.key(), v);
        return new LundSettings(copy);
    }

    /**
     * @param key   a known real-valued key
     * @param value its value
     * @return a copy with the setting changed
     */
    public LundSettings with(String key, double value) {
        Spec s = spec(key);
        return with(s.key(), s.kind() == Kind.REAL ? Double.toString(value) : Long.toString((long) value));
    }

    private static Spec spec(String key) {
        if (key == null) {
            throw new IllegalArgumentException("settings key = null");
        }
        Spec s = SPECS.get(key.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("settings key = \"" + key + "\" is unknown; known keys: "
                    + String.join(", ", knownKeys()));
        }
        return s;
    }

    private static double parse(Spec s, String text) {
        String t = text == null ? "" : text.trim();
        double v;
        if (s.kind() == Kind.FLAG) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "on": case "true": case "yes": case "1":
                    return 1;
                case "off": case "false": case "no": case "0":
                    return 0;
                default:
                    throw new IllegalArgumentException(s.key() + " = \"" + text + "\" is not on/off");
            }
        }
        try {
            v = s.kind() == Kind.INT ? Long.parseLong(t) : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.key() + " = \"" + text + "\" is not "
                    + (s.kind() == Kind.INT ? "an integer" : "a number"));
        }
        if (!(v >= s.min() && v <= s.max())) {
            throw new IllegalArgumentException(s.key() + " = " + t + " is outside [" + fmt(s.min()) + ", "
                    + fmt(s.max()) + "]");
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the canonical names of all known keys */
    public static List<String> knownKeys() {
        List<String> k = new ArrayList<>();
        for (Spec s : SPECS.values()) {
            k.add(s.key());
        }
        return k;
    }

    /**
     * @param key a known key
     * @return its value (flags as 0/1)
     */
    public double get(String key) {
        return values.get(spec(key).key());
    }

    /** @return Lund a */
    public double aLund() {
        return get(A_LUND);
    }

    /** @return Lund b in GeV^-2 */
    public double bLund() {
        return get(B_LUND);
    }

    /** @return the pT width sigma in GeV */
    public double sigma() {
        return get(SIGMA);
    }

    /** @return rho = probStoUD as set (see {@link #effectiveProbStoUD()}) */
    public double probStoUD() {
        return get(PROB_S_TO_UD);
    }

    /** @return rho in use: 0 when pions only */
    public double effectiveProbStoUD() {
        return pionsOnlyMode() ? 0 : probStoUD();
    }

    /** @return the eta acceptance in use (0 when pions only) */
    public double effectiveEtaSup() {
        return pionsOnlyMode() ? 0 : get(ETA_SUP);
    }

    /** @return the eta' acceptance in use (0 when pions only) */
    public double effectiveEtaPrimeSup() {
        return pionsOnlyMode() ? 0 : get(ETA_PRIME_SUP);
    }

    /** @return whether pions-only mode is on */
    public boolean pionsOnlyMode() {
        return get(PIONS_ONLY) != 0;
    }

    /** @return whether σ is differentiated through the pT densities (see {@link Event#weight()}) */
    public boolean ptScore() {
        return get(PT_SCORE) != 0;
    }

    /** @return whether Pythia's peaked z envelopes are used */
    public boolean peakedEnvelopes() {
        return get(PEAKED_ENVELOPES) != 0;
    }

    /** @return the z over-sampling factor H &ge; 1 */
    public double zHead() {
        return get(Z_HEAD);
    }

    /** @return the centre-of-mass energy (string mass) in GeV */
    public double eCM() {
        return get(E_CM);
    }

    /** @return the flavour code of the quark end (1, 2 or 3) */
    public int idQuark() {
        return (int) get(ID_QUARK);
    }

    /** @return the restart limit */
    public int maxRetries() {
        return (int) get(MAX_RETRIES);
    }

    /** @return the random seed */
    public long seed() {
        return (long) get(SEED);
    }

    /** @return the number of events */
    public long events() {
        return (long) get(EVENTS);
    }

    /** @return the parameter vector θ = (a, b, σ, ρ) in the order {@link LundProgram} uses */
    public double[] theta() {
        return new double[] {aLund(), bLund(), sigma(), probStoUD()};
    }

    /**
     * @param theta (a, b, σ, ρ)
     * @return a copy with these four parameters set
     */
    public LundSettings withTheta(double[] theta) {
        if (theta == null || theta.length != 4) {
            throw new IllegalArgumentException("theta = " + java.util.Arrays.toString(theta)
                    + " is not (a, b, sigma, rho)");
        }
        return with(A_LUND, theta[0]).with(B_LUND, theta[1]).with(SIGMA, theta[2]).with(PROB_S_TO_UD, theta[3]);
    }

    /** @return all settings as a Pythia-style command file text */
    public String toCmnd() {
        StringBuilder b = new StringBuilder("! StochAD Lund generator settings\n");
        for (Spec s : SPECS.values()) {
            double v = values.get(s.key());
            String text = s.kind() == Kind.FLAG ? (v != 0 ? "on" : "off")
                    : s.kind() == Kind.INT ? Long.toString((long) v) : Double.toString(v);
            b.append(String.format(Locale.ROOT, "%-32s = %-10s ! %s%n", s.key(), text, s.help()));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LundSettings other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "LundSettings" + values;
    }
}
