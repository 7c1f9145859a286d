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
 */
public record StochasticAdOptions(Strategy strategy, int alternativeCount, boolean exhaustiveReplay,
                                  int maxPathCount, int threads) implements java.io.Serializable {

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
        return new StochasticAdOptions(strategy, m, exhaustiveReplay, maxPathCount, threads);
    }

    /** @return these options replaying every candidate flip */
    public StochasticAdOptions exhaustive() {
        return new StochasticAdOptions(strategy, alternativeCount, true, maxPathCount, threads);
    }

    /**
     * @param n the most replays an exhaustive run may need
     * @return these options with that cap
     */
    public StochasticAdOptions maxPaths(int n) {
        return new StochasticAdOptions(strategy, alternativeCount, exhaustiveReplay, n, threads);
    }

    /**
     * @param threads worker threads
     * @return these options with that many threads
     */
    public StochasticAdOptions parallelism(int threads) {
        return new StochasticAdOptions(strategy, alternativeCount, exhaustiveReplay, maxPathCount, threads);
    }

    /** @return the number of available processors */
    public static int defaultParallelism() {
        return Parallel.defaultThreads();
    }
}
