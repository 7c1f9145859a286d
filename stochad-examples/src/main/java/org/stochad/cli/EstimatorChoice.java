package org.stochad.cli;

import java.util.List;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;
import org.stochad.lund.LundProgram;
import org.stochad.lund.pathwise.LawScoreEstimator;
import org.stochad.shower.ShowerStudy;

/** The gradient estimators a command line can choose by a short name. */
public enum EstimatorChoice {
    /** Stochastic AD, replay with one pruned alternative. */
    SAD("sad"),
    /** Stochastic AD, replay with four alternatives. */
    SAD4("sad4"),
    /**
     * Stochastic AD, replay with one alternative and two-sided Bernoulli flips (bounded flip
     * weights; what {@code hadron compare} runs in the generator's pathwise mode).
     */
    SAD_TWO_SIDED("sad-ts"),
    /** The hybrid of stochastic AD and the score function. */
    HYBRID("hybrid"),
    /**
     * The hybrid with two-sided Bernoulli flips in its stochastic-AD part: in the generator's
     * pathwise mode, the best measured estimator (mixed with the score of the same event).
     */
    HYBRID_TWO_SIDED("hybrid-ts"),
    /**
     * The Lund generator's law score with restarts conditioned and per-step control variates, on the
     * fast path ({@link LawScoreEstimator}): made for one Lund program, so only {@code hadron
     * gradient} and {@code hadron compare} offer it.
     */
    LAW_SCORE("law-score"),
    /** The score function. */
    SCORE("score"),
    /** The score function with a baseline. */
    SCORE_BASELINE("score-baseline"),
    /** Central finite differences with common random numbers (the toy-shower study's step). */
    FD("fd"),
    /** Smoothed stochastic AD, biased. */
    SMOOTHED("smoothed"),
    /** The straight-through estimator, biased. */
    STRAIGHT_THROUGH("straight-through");

    private final String key;

    EstimatorChoice(String key) {
        this.key = key;
    }

    /** @return the short name used on the command line */
    public String key() {
        return key;
    }

    /** @return the estimator */
    public Estimator estimator() {
        return switch (this) {
            case SAD -> Estimators.stochasticAd();
            case SAD4 -> Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4));
            case SAD_TWO_SIDED -> Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli());
            case HYBRID -> Estimators.hybrid();
            case HYBRID_TWO_SIDED -> Estimators.hybrid(StochasticAdOptions.replay().twoSidedBernoulli());
            case LAW_SCORE -> throw new IllegalArgumentException("--estimator law-score: the Lund law's score is made"
                    + " for one Lund observable; only hadron gradient offers it");
            case SCORE -> Estimators.scoreFunction();
            case SCORE_BASELINE -> Estimators.scoreFunctionWithBaseline();
            case FD -> Estimators.finiteDifference(ShowerStudy.FD_STEP);
            case SMOOTHED -> Estimators.smoothed();
            case STRAIGHT_THROUGH -> Estimators.straightThrough();
        };
    }

    /**
     * @param program the Lund program to estimate
     * @return the estimator, made for that program where it must be ({@link #LAW_SCORE}), with the
     *         pilot's error in its standard error where the program conditions its restarts
     */
    public Estimator estimatorFor(LundProgram program) {
        if (this == LAW_SCORE) {
            return LawScoreEstimator.of(program, 1);
        }
        // conditioned restarts: the standard error includes the pilot's K̂ error
        return program.withPilotError(estimator());
    }

    /**
     * @param key a short name
     * @return its choice
     * @throws IllegalArgumentException naming the key when it is unknown
     */
    public static EstimatorChoice parse(String key) {
        for (EstimatorChoice c : values()) {
            if (c.key.equalsIgnoreCase(key.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("--estimators: unknown estimator '" + key + "' (known: "
                + String.join(", ", keys()) + ")");
    }

    /**
     * @param estimator an estimator
     * @return the short name of the choice that makes an estimator of that name, or its full name
     */
    public static String keyOf(Estimator estimator) {
        for (EstimatorChoice c : values()) {
            String name = c == LAW_SCORE ? LawScoreEstimator.NAME : c.estimator().name();
            if (name.equals(estimator.name())) {
                return c.key;
            }
        }
        return estimator.name();
    }

    /** @return every short name */
    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(EstimatorChoice::key).toList();
    }

    /**
     * @param keys     short names, or null/empty for the fallback
     * @param fallback the command's default estimators
     * @return the estimators
     */
    public static List<Estimator> estimators(List<String> keys, List<Estimator> fallback) {
        if (keys == null || keys.isEmpty()) {
            return fallback;
        }
        return keys.stream().map(k -> parse(k).estimator()).toList();
    }

    /** The short names, for help and completion. */
    static final class Keys implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return keys().iterator();
        }
    }
}
