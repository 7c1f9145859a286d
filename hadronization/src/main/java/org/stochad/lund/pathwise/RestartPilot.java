package org.stochad.lund.pathwise;

import org.stochad.Samplers;
import org.stochad.lund.Event;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.observable.Observable;

/**
 * The pilot estimates of the restart-conditioned pathwise program at one θ: m̂, the mean of the
 * observable over the events of one run, and K̂, the mean number of attempts per event over the
 * events of another, independent run ({@code Lund:pathwiseRestarts = conditioned}).
 *
 * <p>Attempts are independent and alike, so an event's attempt count is geometric with mean
 * exactly 1/P_s (P_s = P(an attempt succeeds)): K̂ is unbiased for 1/P_s (1/P̂_s from counted
 * first-attempt successes would not be), and m̂ is unbiased for ⟨f⟩ (the event is the first
 * successful attempt). Both runs use the fast path ({@link FastFragmenter}), whose events have the
 * law of the pathwise fragmenter's (the same generator; only the differentiable coupling differs).
 *
 * @param mean           m̂: the observable's mean over pilot run A
 * @param meanSe         the standard error of m̂
 * @param attempts       K̂: the attempts per event over pilot run B (≥ 1)
 * @param attemptsSe     the standard error of K̂
 * @param events         the events of each run
 */
public record RestartPilot(double mean, double meanSe, double attempts, double attemptsSe, int events) {

    /**
     * Checks the values.
     *
     * @param mean       m̂
     * @param meanSe     the standard error of m̂
     * @param attempts   K̂
     * @param attemptsSe the standard error of K̂
     * @param events     the events of each run
     */
    public RestartPilot {
        if (!Double.isFinite(mean) || !(meanSe >= 0) || !(attempts >= 1) || !Double.isFinite(attempts)
                || !(attemptsSe >= 0) || events < 1) {
            throw new IllegalArgumentException("pilot mean = " + mean + " ± " + meanSe + ", attempts = " + attempts
                    + " ± " + attemptsSe + ", events = " + events + ": need finite values, attempts >= 1, events >= 1");
        }
    }

    /**
     * Runs the two pilots: events 0 … n−1 of the fast path at θ from seed {@code seedMean} (m̂) and
     * from seed {@code seedAttempts} (K̂), on the calling thread.
     *
     * @param generator    the fast path of the settings
     * @param observable   f
     * @param theta        (a, b, σ, ρ)
     * @param events       n, ≥ 2
     * @param seedMean     run A's seed
     * @param seedAttempts run B's seed (≠ seedMean: the runs must be independent)
     * @return m̂ and K̂ with their standard errors
     */
    public static RestartPilot run(FastFragmenter generator, Observable observable, double[] theta, int events,
                                   long seedMean, long seedAttempts) {
        if (generator == null || observable == null || theta == null) {
            throw new IllegalArgumentException("generator = " + generator + ", observable = " + observable
                    + ", theta = " + java.util.Arrays.toString(theta));
        }
        if (events < 2) {
            throw new IllegalArgumentException("pilot events = " + events + " is less than 2");
        }
        if (seedMean == seedAttempts) {
            throw new IllegalArgumentException("pilot seeds " + seedMean + " and " + seedAttempts
                    + " are equal: the two runs must be independent");
        }
        double[] f = new double[events];
        double[] k = new double[events];
        for (int i = 0; i < events; i++) {
            Event e = generator.fragment(Samplers.primalStream(seedMean, i), theta, false);
            f[i] = observable.value(e).value();
            k[i] = generator.fragment(Samplers.primalStream(seedAttempts, i), theta, false).restarts() + 1;
        }
        double[] m = meanSe(f);
        double[] kk = meanSe(k);
        return new RestartPilot(m[0], m[1], kk[0], kk[1], events);
    }

    private static double[] meanSe(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double mean = s / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (x.length - 1) / x.length)};
    }
}
