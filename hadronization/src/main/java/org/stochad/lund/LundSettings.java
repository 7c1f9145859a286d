package org.stochad.lund;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The immutable settings of the Lund string generator, named and defaulted as in Pythia 8
 * ({@code StringZ:aLund = 0.68} …), read from a Pythia-style {@code .cmnd} file or from
 * {@code key = value} strings.
 *
 * <p>As in Pythia, every setting has a type — a flag (on/off), a mode (an integer, stored as a
 * {@code long}, so a seed of 2⁵³ + 1 reads back exactly), a parm (a real) or a word (text) — and
 * belongs to one group: the {@linkplain Group#PHYSICS physics} of the string (among them
 * θ = (a, b, σ, ρ), held here and nowhere else), the {@linkplain Group#ESTIMATOR sampler and
 * estimator switches}, or {@linkplain Group#RUN run control}. Values are parsed and checked once,
 * when set; the generator reads them once, when it is built.
 *
 * <p>Keys are case-insensitive, as in Pythia. Unknown keys and malformed or out-of-range values
 * throw {@link IllegalArgumentException} naming the key and value. Flags accept
 * on/off/true/false/yes/no/1/0.
 */
public final class LundSettings {

    /** The type of a setting, Pythia's flag, mode, parm and word. */
    public enum Kind {
        /** On or off. */
        FLAG,
        /** An integer (stored as a long). */
        MODE,
        /** A real number. */
        PARM,
        /** A word of text. */
        WORD
    }

    /** What a setting is about. */
    public enum Group {
        /** The physics of the string: Lund z, pT, flavours, stop condition, energy. */
        PHYSICS,
        /** How the generator samples and which derivative the estimators see. */
        ESTIMATOR,
        /** Run control: seed, events, restarts. */
        RUN
    }

    /**
     * One known setting.
     *
     * @param key          the canonical key
     * @param kind         its type
     * @param group        what it is about
     * @param defaultValue its default (Boolean, Long, Double or String, by kind)
     * @param min          the smallest allowed number (modes and parms)
     * @param max          the largest allowed number (modes and parms)
     * @param help         one line of explanation
     */
    public record Setting(String key, Kind kind, Group group, Object defaultValue, double min, double max,
                          String help) {
    }

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
    /** How the generator is differentiated: flips (accept/reject flips, the default) or pathwise. */
    public static final String DIFFERENTIATION = "Lund:differentiation";

    /** The values of {@link #DIFFERENTIATION}. */
    public enum Differentiation {
        /** Every z accept/reject decision is a flippable Bernoulli draw (the original mode). */
        FLIPS,
        /**
         * z pathwise by implicit reparameterisation of the Lund CDF, the stop test and the
         * kinematic veto as flippable decisions with smooth probabilities.
         */
        PATHWISE;

        /** @return the setting's spelling */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the pathwise mode conditions the stop test: smear (the default) or joint (smear and z). */
    public static final String PATHWISE_STOP = "Lund:pathwiseStop";

    /** The values of {@link #PATHWISE_STOP}. */
    public enum PathwiseStop {
        /** The stop test's smear uniform integrated out: a Bernoulli of π(W_rem) per step. */
        SMEAR,
        /**
         * The smear and the new hadron's z integrated out together (lower variance, one quadrature per
         * hadron; pions only).
         */
        JOINT;

        /** @return the setting's spelling */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
    /**
     * How the pathwise mode conditions finalTwo's kinematic failure: radial (the default) or plane.
     */
    public static final String PATHWISE_FINAL_TWO = "Lund:pathwiseFinalTwo";

    /** The values of {@link #PATHWISE_FINAL_TWO}. */
    public enum PathwiseFinalTwo {
        /** A region split of the last breakup's radial pT along its drawn direction. */
        RADIAL,
        /** The last breakup's whole two-dimensional pT integrated out (bounded tangent). */
        PLANE;

        /** @return the setting's spelling */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How the pathwise mode treats a failed attempt: replay (the default: restart, the success flip
     * replayed into the next attempt) or conditioned (attempt 0 only, Rao–Blackwellised with a pilot).
     */
    public static final String PATHWISE_RESTARTS = "Lund:pathwiseRestarts";

    /** The values of {@link #PATHWISE_RESTARTS}. */
    public enum PathwiseRestarts {
        /** A failed attempt restarts as in Pythia; a flip of the success decision replays into the next attempt. */
        REPLAY,
        /**
         * Only attempt 0 is run; the output is m̂ + K̂·1{success}·(f − m̂)·w, m̂ and K̂ (≈ 1/P(success))
         * from two independent pilot runs of the fast path at each θ: the same expected gradient, about
         * half the variance, no restarts' work; the output's mean is still ⟨f⟩ (see
         * {@code LundProgram}).
         */
        CONDITIONED;

        /** @return the setting's spelling */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Events in the pilot runs of {@code Lund:pathwiseRestarts = conditioned} (m̂, K̂; a quarter for the score's β). */
    public static final String PATHWISE_PILOT_EVENTS = "Lund:pathwisePilotEvents";

    /** Random seed. */
    public static final String SEED = "Random:seed";
    /** Number of events to generate. */
    public static final String EVENTS = "Main:numberOfEvents";

    private static final Map<String, Setting> SPECS = new LinkedHashMap<>();
    /** The same settings by their canonical key as spelled here: the accessors' lookups need no lower-casing. */
    private static final Map<String, Setting> BY_CANONICAL_KEY = new HashMap<>();
    /** The words a {@link Kind#WORD} setting takes (its enum's constants in lower case), by canonical key. */
    private static final Map<String, List<String>> WORDS = new HashMap<>();

    static {
        parm(A_LUND, 0.68, 0.0, 2.0, Group.PHYSICS, "Lund a");
        parm(B_LUND, 0.98, 0.2, 2.0, Group.PHYSICS, "Lund b (GeV^-2)");
        parm(SIGMA, 0.335, 0.0, 1.0, Group.PHYSICS, "pT width sigma (GeV), <pT^2> = sigma^2 per break");
        parm(ENHANCED_FRACTION, 0.01, 0.0, 1.0, Group.PHYSICS, "fraction of breaks with enhanced pT width");
        parm(ENHANCED_WIDTH, 2.0, 1.0, 10.0, Group.PHYSICS, "enhancement factor of the pT width");
        parm(PROB_S_TO_UD, 0.217, 0.0, 1.0, Group.PHYSICS, "s : u = s : d suppression rho");
        parm(ETA_SUP, 0.60, 0.0, 1.0, Group.PHYSICS, "eta acceptance");
        parm(ETA_PRIME_SUP, 0.12, 0.0, 1.0, Group.PHYSICS, "eta' acceptance");
        parm(THETA_PS, -15.0, -90.0, 90.0, Group.PHYSICS, "pseudoscalar mixing angle (degrees)");
        parm(STOP_MASS, 1.0, 0.0, 2.0, Group.PHYSICS, "stop mass (GeV)");
        parm(STOP_NEW_FLAV, 2.0, 0.0, 2.0, Group.PHYSICS, "new-flavour weight in the stop mass");
        parm(STOP_SMEAR, 0.2, 0.0, 0.5, Group.PHYSICS, "stop mass smearing");
        parm(Z_HEAD, 1.5, 1.0, 100.0, Group.ESTIMATOR, "over-sampling factor H of the flat-proposal z sampler");
        flag(PEAKED_ENVELOPES, false, Group.ESTIMATOR, "Pythia's peaked z envelopes (proposal depends on a, b)");
        flag(PIONS_ONLY, false, Group.PHYSICS, "pions only: probStoUD = etaSup = etaPrimeSup = 0");
        flag(PT_SCORE, true, Group.ESTIMATOR, "sigma-derivative through the pT densities (event weight;"
                + " unbiased), 0: pathwise (misses the jumps of the stop test and vetoes)");
        mode(ID_QUARK, 2, 1, 3, Group.PHYSICS, "flavour of the quark end (1 d, 2 u, 3 s)");
        parm(E_CM, 100.0, 2.0, 1.0e5, Group.PHYSICS, "string mass = E_CM (GeV)");
        mode(MAX_RETRIES, 100, 1, 1.0e6, Group.RUN, "restarts of a failed string before giving up");
        choice(DIFFERENTIATION, Differentiation.FLIPS, Group.ESTIMATOR,
                "flips: z accept/reject flips; pathwise: z by implicit reparameterisation, stop test, veto and"
                        + " finalTwo conditioned (not for histogram bins of hadron quantities)");
        choice(PATHWISE_STOP, PathwiseStop.SMEAR, Group.ESTIMATOR,
                "pathwise mode's stop test: smear (smear integrated out) or joint (smear and the hadron's z"
                        + " integrated out; pions only)");
        choice(PATHWISE_FINAL_TWO, PathwiseFinalTwo.RADIAL, Group.ESTIMATOR,
                "pathwise mode's finalTwo failure: radial (split of the last pT's length) or plane (the whole"
                        + " 2D pT integrated out)");
        choice(PATHWISE_RESTARTS, PathwiseRestarts.REPLAY, Group.ESTIMATOR,
                "pathwise mode's failed attempts: replay (restart; the success flip replays into the next"
                        + " attempt) or conditioned (attempt 0 only, Rao-Blackwellised with three pilot runs per theta)");
        mode(PATHWISE_PILOT_EVENTS, 20_000, 100, 1.0e9, Group.ESTIMATOR,
                "events in each pilot run of conditioned restarts (mean of f, attempts per event; a quarter of"
                        + " them, with tangents, fit the score's per-step control variates)");
        mode(SEED, 1, Long.MIN_VALUE, Long.MAX_VALUE, Group.RUN, "random seed");
        mode(EVENTS, 1000, 0, 2.0e9, Group.RUN, "number of events");
    }

    private static void parm(String key, double def, double min, double max, Group group, String help) {
        put(new Setting(key, Kind.PARM, group, def, min, max, help));
    }

    private static void mode(String key, long def, double min, double max, Group group, String help) {
        put(new Setting(key, Kind.MODE, group, def, min, max, help));
    }

    private static void choice(String key, Enum<?> def, Group group, String help) {
        List<String> words = Arrays.stream(def.getDeclaringClass().getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        WORDS.put(key, words);
        put(new Setting(key, Kind.WORD, group, words.get(def.ordinal()), 0, 0, help));
    }

    private static void flag(String key, boolean def, Group group, String help) {
        put(new Setting(key, Kind.FLAG, group, def, 0, 1, help));
    }

    private static void put(Setting s) {
        SPECS.put(s.key().toLowerCase(Locale.ROOT), s);
        BY_CANONICAL_KEY.put(s.key(), s);
    }

    /** Values by canonical key: Boolean (flag), Long (mode), Double (parm) or String (word). */
    private final Map<String, Object> values;

    private LundSettings(Map<String, Object> values) {
        this.values = values;
    }

    /** @return the defaults (Pythia 8's values where Pythia has the setting) */
    public static LundSettings defaults() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Setting s : SPECS.values()) {
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
        Setting s = spec(key);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(s.key(), parse(s, value));
        return new LundSettings(copy);
    }

    /**
     * @param key   a known parm (or mode: the value is truncated to an integer)
     * @param value its value
     * @return a copy with the setting changed
     */
    public LundSettings with(String key, double value) {
        Setting s = spec(key);
        if (s.kind() == Kind.MODE) {
            return with(s.key(), (long) value);
        }
        if (s.kind() != Kind.PARM) {
            throw new IllegalArgumentException(s.key() + " is a " + s.kind() + ", not a number; value = " + value);
        }
        return put(s, checked(s, value, Double.toString(value)));
    }

    /**
     * @param key   a known mode
     * @param value its value
     * @return a copy with the setting changed
     */
    public LundSettings with(String key, long value) {
        Setting s = spec(key);
        if (s.kind() != Kind.MODE) {
            throw new IllegalArgumentException(s.key() + " is a " + s.kind() + ", not an integer; value = " + value);
        }
        checked(s, value, Long.toString(value));
        return put(s, value);
    }

    /**
     * @param key   a known flag
     * @param value its value
     * @return a copy with the setting changed
     */
    public LundSettings with(String key, boolean value) {
        Setting s = spec(key);
        if (s.kind() != Kind.FLAG) {
            throw new IllegalArgumentException(s.key() + " is a " + s.kind() + ", not a flag; value = " + value);
        }
        return put(s, value);
    }

    private LundSettings put(Setting s, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(s.key(), value);
        return new LundSettings(copy);
    }

    private static Setting spec(String key) {
        if (key == null) {
            throw new IllegalArgumentException("settings key = null");
        }
        Setting exact = BY_CANONICAL_KEY.get(key);
        if (exact != null) {
            return exact;
        }
        Setting s = SPECS.get(key.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("settings key = \"" + key + "\" is unknown; known keys: "
                    + String.join(", ", knownKeys()));
        }
        return s;
    }

    private static Object parse(Setting s, String text) {
        String t = text == null ? "" : text.trim();
        switch (s.kind()) {
            case FLAG:
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "on": case "true": case "yes": case "1":
                        return Boolean.TRUE;
                    case "off": case "false": case "no": case "0":
                        return Boolean.FALSE;
                    default:
                        throw new IllegalArgumentException(s.key() + " = \"" + text + "\" is not on/off");
                }
            case WORD:
                List<String> words = WORDS.get(s.key());
                for (String w : words) {
                    if (w.equalsIgnoreCase(t)) {
                        return w;
                    }
                }
                throw new IllegalArgumentException(s.key() + " = \"" + text + "\" is not " + String.join(" or ", words));
            case MODE:
                long l;
                try {
                    l = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(s.key() + " = \"" + text + "\" is not an integer");
                }
                checked(s, l, t);
                return l;
            default:
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(s.key() + " = \"" + text + "\" is not a number");
                }
                return checked(s, v, t);
        }
    }

    private static double checked(Setting s, double v, String text) {
        if (!(v >= s.min() && v <= s.max())) {
            throw new IllegalArgumentException(s.key() + " = " + text + " is outside [" + fmt(s.min()) + ", "
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
        for (Setting s : SPECS.values()) {
            k.add(s.key());
        }
        return k;
    }

    /** @return every known setting with its type, group, default and range, in the order of {@link #toCmnd()} */
    public static List<Setting> known() {
        return List.copyOf(SPECS.values());
    }

    private Object value(String key, Kind kind) {
        Setting s = spec(key);
        if (s.kind() != kind) {
            throw new IllegalArgumentException("settings key " + s.key() + " is a " + s.kind() + ", not a " + kind);
        }
        return values.get(s.key());
    }

    /**
     * @param key a known parm
     * @return its value
     */
    public double parm(String key) {
        return (Double) value(key, Kind.PARM);
    }

    /**
     * @param key a known mode
     * @return its value
     */
    public long mode(String key) {
        return (Long) value(key, Kind.MODE);
    }

    /**
     * @param key a known flag
     * @return its value
     */
    public boolean flag(String key) {
        return (Boolean) value(key, Kind.FLAG);
    }

    /**
     * @param key a known word
     * @return its value
     */
    public String word(String key) {
        return (String) value(key, Kind.WORD);
    }

    /** @return Lund a */
    public double aLund() {
        return parm(A_LUND);
    }

    /** @return Lund b in GeV^-2 */
    public double bLund() {
        return parm(B_LUND);
    }

    /** @return the pT width sigma in GeV */
    public double sigma() {
        return parm(SIGMA);
    }

    /** @return rho = probStoUD as set (see {@link #effectiveProbStoUD()}) */
    public double probStoUD() {
        return parm(PROB_S_TO_UD);
    }

    /** @return rho in use: 0 when pions only */
    public double effectiveProbStoUD() {
        return pionsOnlyMode() ? 0 : probStoUD();
    }

    /** @return the eta acceptance in use (0 when pions only) */
    public double effectiveEtaSup() {
        return pionsOnlyMode() ? 0 : parm(ETA_SUP);
    }

    /** @return the eta' acceptance in use (0 when pions only) */
    public double effectiveEtaPrimeSup() {
        return pionsOnlyMode() ? 0 : parm(ETA_PRIME_SUP);
    }

    /** @return whether pions-only mode is on */
    public boolean pionsOnlyMode() {
        return flag(PIONS_ONLY);
    }

    /** @return whether σ is differentiated through the pT densities (see {@link Event#weight()}) */
    public boolean ptScore() {
        return flag(PT_SCORE);
    }

    /** @return how the generator is differentiated ({@link #DIFFERENTIATION}) */
    public Differentiation differentiation() {
        return choice(DIFFERENTIATION, Differentiation.class);
    }

    /** @return how the pathwise mode conditions finalTwo's failure ({@link #PATHWISE_FINAL_TWO}) */
    public PathwiseFinalTwo pathwiseFinalTwo() {
        return choice(PATHWISE_FINAL_TWO, PathwiseFinalTwo.class);
    }

    /** @return how the pathwise mode treats a failed attempt ({@link #PATHWISE_RESTARTS}) */
    public PathwiseRestarts pathwiseRestarts() {
        return choice(PATHWISE_RESTARTS, PathwiseRestarts.class);
    }

    /** @return the events in each pilot run of conditioned restarts ({@link #PATHWISE_PILOT_EVENTS}) */
    public int pathwisePilotEvents() {
        return (int) mode(PATHWISE_PILOT_EVENTS);
    }

    /** @return how the pathwise mode conditions the stop test ({@link #PATHWISE_STOP}) */
    public PathwiseStop pathwiseStop() {
        return choice(PATHWISE_STOP, PathwiseStop.class);
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type) {
        return Enum.valueOf(type, word(key).toUpperCase(Locale.ROOT));
    }

    /** @return whether Pythia's peaked z envelopes are used */
    public boolean peakedEnvelopes() {
        return flag(PEAKED_ENVELOPES);
    }

    /** @return the z over-sampling factor H &ge; 1 */
    public double zHead() {
        return parm(Z_HEAD);
    }

    /** @return the centre-of-mass energy (string mass) in GeV */
    public double eCM() {
        return parm(E_CM);
    }

    /** @return the flavour code of the quark end (1, 2 or 3) */
    public int idQuark() {
        return (int) mode(ID_QUARK);
    }

    /** @return the restart limit */
    public int maxRetries() {
        return (int) mode(MAX_RETRIES);
    }

    /** @return the random seed */
    public long seed() {
        return mode(SEED);
    }

    /** @return the number of events */
    public long events() {
        return mode(EVENTS);
    }

    /** @return the parameter vector θ = (a, b, σ, ρ) in the order {@link LundProgram} uses (a fresh array) */
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

    /**
     * @param a Lund a
     * @param b Lund b in GeV⁻²
     * @return a copy with (a, b) set, σ and ρ kept
     */
    public LundSettings withAB(double a, double b) {
        return with(A_LUND, a).with(B_LUND, b);
    }

    /** @return the four parameters θ as constant triples (ρ = 0 when pions only) */
    public LundParameters parameters() {
        return LundParameters.of(this);
    }

    /** @return all settings as a Pythia-style command file text, grouped: physics, estimator switches, run control */
    public String toCmnd() {
        StringBuilder b = new StringBuilder("! StochAD Lund generator settings\n");
        for (Group g : Group.values()) {
            b.append(switch (g) {
                case PHYSICS -> "! physics of the string\n";
                case ESTIMATOR -> "! sampler and estimator switches\n";
                case RUN -> "! run control\n";
            });
            for (Setting s : SPECS.values()) {
                if (s.group() == g) {
                    b.append(String.format(Locale.ROOT, "%-32s = %-10s ! %s%n", s.key(), text(s, values.get(s.key())),
                            s.help()));
                }
            }
        }
        return b.toString();
    }

    private static String text(Setting s, Object v) {
        return s.kind() == Kind.FLAG ? ((Boolean) v ? "on" : "off") : v.toString();
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
