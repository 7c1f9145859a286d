package org.stochad.lund.pathwise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.stochad.Samplers;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundParameters;
import org.stochad.lund.PrimalSampler;
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
 * <p>A third run C (the pathwise fragmenter's first attempts, without tangents) fits the per-step
 * baseline of the score function: U(φ) = β·φ ≈ E[1_s·(f − m̂) | the state at a segment's start],
 * φ the {@link StepStates} features, β by ordinary least squares of 1_s·(f − m̂) on φ over every
 * segment of every event. Any fixed β keeps the score-function estimate unbiased (each segment's
 * score has mean 0 given its starting state); this one removes the part of its variance the state
 * explains (measured: half of it for ⟨N⟩, a quarter for ⟨thrust⟩).
 *
 * @param mean           m̂: the observable's mean over pilot run A
 * @param meanSe         the standard error of m̂
 * @param attempts       K̂: the attempts per event over pilot run B (≥ 1)
 * @param attemptsSe     the standard error of K̂
 * @param events         the events of each run
 * @param stateBaseline  β, one coefficient per {@link StepStates} feature (zeros: no per-step baseline)
 */
public record RestartPilot(double mean, double meanSe, double attempts, double attemptsSe, int events,
                           double[] stateBaseline) {

    /**
     * Checks the values.
     *
     * @param mean       m̂
     * @param meanSe     the standard error of m̂
     * @param attempts   K̂
     * @param attemptsSe the standard error of K̂
     * @param events     the events of each run
     * @param stateBaseline β (copied)
     */
    public RestartPilot {
        if (!Double.isFinite(mean) || !(meanSe >= 0) || !(attempts >= 1) || !Double.isFinite(attempts)
                || !(attemptsSe >= 0) || events < 1) {
            throw new IllegalArgumentException("pilot mean = " + mean + " ± " + meanSe + ", attempts = " + attempts
                    + " ± " + attemptsSe + ", events = " + events + ": need finite values, attempts >= 1, events >= 1");
        }
        if (stateBaseline == null || stateBaseline.length != StepStates.FEATURES
                || !Arrays.stream(stateBaseline).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("pilot stateBaseline = " + Arrays.toString(stateBaseline) + ": need "
                    + StepStates.FEATURES + " finite coefficients");
        }
        stateBaseline = stateBaseline.clone();
    }

    /**
     * A pilot without a per-step baseline (β = 0: the score function with the constant baseline m̂).
     *
     * @param mean       m̂
     * @param meanSe     the standard error of m̂
     * @param attempts   K̂
     * @param attemptsSe the standard error of K̂
     * @param events     the events of each run
     */
    public RestartPilot(double mean, double meanSe, double attempts, double attemptsSe, int events) {
        this(mean, meanSe, attempts, attemptsSe, events, new double[StepStates.FEATURES]);
    }

    /** @return β (a copy) */
    @Override
    public double[] stateBaseline() {
        return stateBaseline.clone();
    }

    /**
     * The per-step baselines' total for one tangent direction: Σ_f β_f·Φ[f][j] = Σ_segments U(φ)·s_j.
     *
     * @param stateScores Φ of an attempt ({@link PathwiseFragmenter.FirstAttempt#stateScores()})
     * @param j           the direction
     * @return the amount to subtract from (f − m̂)·S_j
     */
    public double baselineTerm(double[][] stateScores, int j) {
        double t = 0;
        for (int f = 0; f < StepStates.FEATURES; f++) {
            t += stateBaseline[f] * stateScores[f][j];
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestartPilot p && mean == p.mean && meanSe == p.meanSe && attempts == p.attempts
                && attemptsSe == p.attemptsSe && events == p.events && Arrays.equals(stateBaseline, p.stateBaseline);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(mean, meanSe, attempts, attemptsSe, events) + Arrays.hashCode(stateBaseline);
    }

    @Override
    public String toString() {
        return "RestartPilot[mean=" + mean + ", meanSe=" + meanSe + ", attempts=" + attempts + ", attemptsSe="
                + attemptsSe + ", events=" + events + ", stateBaseline=" + Arrays.toString(stateBaseline) + "]";
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
     * @return m̂ and K̂ with their standard errors (no per-step baseline)
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

    /**
     * Runs A and B ({@link #run(FastFragmenter, Observable, double[], int, long, long)}) and run C,
     * the per-step baseline's fit: first attempts 0 … n−1 of the pathwise fragmenter at θ from seed
     * {@code seedBaseline}.
     *
     * @param generator    the fast path of the settings
     * @param pathwise     the pathwise fragmenter of the settings (used without tangents)
     * @param parameters   θ as the pathwise fragmenter takes it (constants)
     * @param observable   f
     * @param theta        (a, b, σ, ρ)
     * @param events       n, ≥ 2
     * @param seeds        the seeds of runs A, B and C (all different)
     * @return m̂, K̂ and β
     */
    public static RestartPilot run(FastFragmenter generator, PathwiseFragmenter pathwise, LundParameters parameters,
                                   Observable observable, double[] theta, int events, long... seeds) {
        if (pathwise == null || parameters == null || seeds == null || seeds.length != 3 || seeds[2] == seeds[0]
                || seeds[2] == seeds[1]) {
            throw new IllegalArgumentException("pathwise = " + pathwise + ", parameters = " + parameters + ", seeds = "
                    + Arrays.toString(seeds) + ": need three different seeds");
        }
        RestartPilot ab = run(generator, observable, theta, events, seeds[0], seeds[1]);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            rows.clear();
            PathwiseFragmenter.Result r = pathwise.firstAttemptStates(PrimalSampler.of(seeds[2], i), parameters,
                    rows);
            double g = r == null ? 0 : observable.value(r.event()).value() - ab.mean();
            for (double[] phi : rows) {
                x.add(phi);
                y.add(g);
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true); // φ's first feature is the constant
        ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(double[][]::new));
        double[] beta;
        try {
            beta = ols.estimateRegressionParameters();
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("per-step baseline: the " + x.size() + " segment states of " + events
                    + " pilot events do not determine the " + StepStates.FEATURES + " coefficients", e);
        }
        return new RestartPilot(ab.mean(), ab.meanSe(), ab.attempts(), ab.attemptsSe(), events, beta);
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
