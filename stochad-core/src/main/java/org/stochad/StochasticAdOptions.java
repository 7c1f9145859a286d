package org.stochad;

/**
 * How the stochastic-AD estimator carries alternatives.
 *
 * @param strategy     PROPAGATE (perturbations ride along with values) or REPLAY (re-run the
 *                     program with one draw flipped)
 * @param alternativeCount how many independently pruned alternatives to replay per primal run
 * @param exhaustiveReplay replay every candidate flip (the exact conditional derivative)
 * @param maxPathCount the most replays an exhaustive run may need before it fails
 * @param threads      worker threads
 * @param bernoulliTwoSided replay registers each Bernoulli draw's flip to the other outcome with
 *                     the signed weight +δp (drawn 0) or −δp (drawn 1) instead of the inversion
 *                     coupling's one-sided δp/(1 − p) or δp/p: the same expectation, weights bounded by |δp|
 */
public record StochasticAdOptions(Strategy strategy, int alternativeCount, boolean exhaustiveReplay,
                                  int maxPathCount, int threads, boolean bernoulliTwoSided)
        implements java.io.Serializable {

    /** How alternatives are carried. */
    public enum Strategy {
        /** StochasticAD.jl's way: one pass, no control flow on perturbed discrete values. */
        PROPAGATE,
        /** Alternative paths by re-running the program: any control flow. */
        REPLAY
    }

    /**
     * Checks the options.
     * @param strategy     PROPAGATE or REPLAY
     * @param alternativeCount how many independently pruned alternatives to replay per primal run
     * @param exhaustiveReplay replay every candidate flip (the exact conditional derivative)
     * @param maxPathCount the most replays an exhaustive run may need before it fails
     * @param threads      worker threads
     * @param bernoulliTwoSided two-sided Bernoulli flips (replay only)
     */
    public StochasticAdOptions {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy = null");
        }
        if (alternativeCount < 1) {
            throw new IllegalArgumentException("alternatives = " + alternativeCount + " is less than 1");
        }
        if (maxPathCount < 1) {
            throw new IllegalArgumentException("maxPaths = " + maxPathCount + " is less than 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism = " + threads + " is less than 1");
        }
        if (strategy == Strategy.PROPAGATE && (exhaustiveReplay || alternativeCount > 1)) {
            throw new IllegalArgumentException("alternatives and exhaustive need strategy = REPLAY, not " + strategy);
        }
        if (strategy == Strategy.PROPAGATE && bernoulliTwoSided) {
            throw new IllegalArgumentException("bernoulliTwoSided needs strategy = REPLAY, not " + strategy);
        }
    }

    /**
     * Options with the inversion coupling's one-sided Bernoulli flips.
     *
     * @param strategy     PROPAGATE or REPLAY
     * @param alternativeCount how many independently pruned alternatives to replay per primal run
     * @param exhaustiveReplay replay every candidate flip (the exact conditional derivative)
     * @param maxPathCount the most replays an exhaustive run may need before it fails
     * @param threads      worker threads
     */
    public StochasticAdOptions(Strategy strategy, int alternativeCount, boolean exhaustiveReplay, int maxPathCount,
                               int threads) {
        this(strategy, alternativeCount, exhaustiveReplay, maxPathCount, threads, false);
    }

    /** @return propagation with all cores */
    public static StochasticAdOptions propagate() {
        return new StochasticAdOptions(Strategy.PROPAGATE, 1, false, 10_000, defaultParallelism());
    }

    /** @return replay of one pruned alternative with all cores (the default) */
    public static StochasticAdOptions replay() {
        return new StochasticAdOptions(Strategy.REPLAY, 1, false, 10_000, defaultParallelism());
    }

    /**
     * @param m alternatives per primal run
     * @return these options with m alternatives
     */
    public StochasticAdOptions alternatives(int m) {
        return new StochasticAdOptions(strategy, m, exhaustiveReplay, maxPathCount, threads, bernoulliTwoSided);
    }

    /** @return these options replaying every candidate flip */
    public StochasticAdOptions exhaustive() {
        return new StochasticAdOptions(strategy, alternativeCount, true, maxPathCount, threads, bernoulliTwoSided);
    }

    /**
     * Two-sided Bernoulli flips under replay: whatever outcome X a Bernoulli draw (also
     * {@link Sampler#below}) gives, the flip to 1 − X is registered with the signed weight +δp
     * (X = 0) or −δp (X = 1). Unbiased — E = (1 − p)·δp·D + p·δp·D = δp·D with
     * D = E[f(1, ·) − f(0, ·)] under common random numbers — and the weights stay bounded by |δp|
     * where the inversion coupling's δp/p diverges as p → 0 (or δp/(1 − p) as p → 1).
     *
     * @return these options with two-sided Bernoulli flips
     */
    public StochasticAdOptions twoSidedBernoulli() {
        return new StochasticAdOptions(strategy, alternativeCount, exhaustiveReplay, maxPathCount, threads, true);
    }

    /**
     * @param n the most replays an exhaustive run may need
     * @return these options with that cap
     */
    public StochasticAdOptions maxPaths(int n) {
        return new StochasticAdOptions(strategy, alternativeCount, exhaustiveReplay, n, threads, bernoulliTwoSided);
    }

    /**
     * @param threads worker threads
     * @return these options with that many threads
     */
    public StochasticAdOptions parallelism(int threads) {
        return new StochasticAdOptions(strategy, alternativeCount, exhaustiveReplay, maxPathCount, threads,
                bernoulliTwoSided);
    }

    /** @return the number of available processors */
    public static int defaultParallelism() {
        return Parallel.defaultThreads();
    }
}
