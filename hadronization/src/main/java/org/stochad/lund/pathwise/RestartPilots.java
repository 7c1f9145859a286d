package org.stochad.lund.pathwise;

import java.util.concurrent.ConcurrentHashMap;
import org.stochad.Seeds;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observable;

/**
 * The {@link RestartPilot}s of one restart-conditioned program, run once per θ when first asked
 * for and kept for the program's lifetime (a per-program memo of a few doubles per θ; thread-safe:
 * concurrent callers at a new θ wait for the one run). The runs' seeds are derived from the settings' {@code Random:seed} alone, never from an
 * estimate's seed, so the pilots are independent of the estimate's samples, the same at every θ
 * (common random numbers across θ) and the same in every process (a program sent to a cluster
 * recomputes identical pilots).
 */
public final class RestartPilots {

    /** The derivation key of pilot run A (the mean) from {@code Random:seed}. */
    static final long KEY_MEAN = 0x52425f4d45414eL;
    /** The derivation key of pilot run B (the attempts) from {@code Random:seed}. */
    static final long KEY_ATTEMPTS = 0x52425f4154544dL;
    /** The derivation key of pilot run C (the per-step baseline) from {@code Random:seed}. */
    static final long KEY_BASELINE = 0x52425f42415345L;

    private final FastFragmenter generator;
    private final PathwiseFragmenter pathwise;
    private final LundSettings settings;
    private final Observable observable;
    private final int events;
    private final long seedMean;
    private final long seedAttempts;
    private final long seedBaseline;
    /** Run C on the fast path's law score ({@link LawScore}) instead of the pathwise fragmenter. */
    private final boolean lawScore;
    private final ConcurrentHashMap<Key, RestartPilot> memo = new ConcurrentHashMap<>();

    /** θ's values, the memo's key. */
    private record Key(double a, double b, double sigma, double rho) {
    }

    private RestartPilots(LundSettings settings, Observable observable, boolean lawScore) {
        // the fast path makes the events of the flips mode; the law is the same in every mode
        this.generator = new FastFragmenter(settings.with(LundSettings.DIFFERENTIATION,
                LundSettings.Differentiation.FLIPS.word()));
        this.pathwise = lawScore ? null : PathwiseFragmenter.of(settings);
        this.lawScore = lawScore;
        this.settings = settings;
        this.observable = observable;
        this.events = settings.pathwisePilotEvents();
        this.seedMean = Seeds.derive(settings.seed(), KEY_MEAN);
        this.seedAttempts = Seeds.derive(settings.seed(), KEY_ATTEMPTS);
        this.seedBaseline = Seeds.derive(settings.seed(), KEY_BASELINE);
    }

    /**
     * @param settings   the generator settings ({@code Lund:pathwisePilotEvents} events per run;
     *                   the seeds derived from {@code Random:seed})
     * @param observable f
     * @return an empty memo
     */
    public static RestartPilots of(LundSettings settings, Observable observable) {
        if (settings == null || observable == null) {
            throw new IllegalArgumentException("settings = " + settings + ", observable = " + observable);
        }
        return new RestartPilots(settings, observable, false);
    }

    /**
     * The pilots of the fast path's law score ({@link LawScoreEstimator}): runs A and B as
     * {@link #of}'s, run C on the law score's own first attempts.
     *
     * @param settings   the generator settings
     * @param observable f
     * @return an empty memo
     */
    static RestartPilots lawScore(LundSettings settings, Observable observable) {
        if (settings == null || observable == null) {
            throw new IllegalArgumentException("settings = " + settings + ", observable = " + observable);
        }
        return new RestartPilots(settings, observable, true);
    }

    /**
     * @param theta (a, b, σ, ρ) as the fragmenter sees them (ρ = 0 when pions only)
     * @return the pilot at θ, run on this thread the first time
     */
    public RestartPilot at(double[] theta) {
        if (lawScore) {
            throw new IllegalStateException("the law score's pilots are asked for with at(LawScore)");
        }
        if (theta == null || theta.length != 4) {
            throw new IllegalArgumentException("theta = " + java.util.Arrays.toString(theta)
                    + ": expected (a, b, sigma, rho)");
        }
        return memo(theta, t -> RestartPilot.run(generator, pathwise, LundParameters.withUnitTangents(t, 1, settings),
                observable, t, events, seedMean, seedAttempts, seedBaseline));
    }

    /**
     * The pilot at the θ of a law score ({@link #lawScore} memos only), run C on that law score (its
     * normalisation table is built once per θ, not again for the pilot).
     *
     * @param law the law score at θ
     * @return the pilot at θ, run on this thread the first time
     */
    RestartPilot at(LawScore law) {
        if (!lawScore || law == null) {
            throw new IllegalArgumentException("law = " + law + ": only for the law score's pilots");
        }
        return memo(law.theta(), t -> RestartPilot.run(law, generator, observable, events, seedMean, seedAttempts,
                seedBaseline));
    }

    /** The memo's pilot at θ, run (on this thread, once) when it is not there. */
    private RestartPilot memo(double[] theta, java.util.function.Function<double[], RestartPilot> run) {
        Key key = new Key(theta[0], theta[1], theta[2], theta[3]);
        RestartPilot known = memo.get(key);
        return known != null ? known : memo.computeIfAbsent(key, k -> run.apply(theta.clone()));
    }

    /** @return the events of each pilot run */
    public int events() {
        return events;
    }
}
