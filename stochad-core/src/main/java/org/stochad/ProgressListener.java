package org.stochad;

/**
 * Receives the progress of a long computation — an estimate repeated over a grid, a variance
 * study, an optimisation — so a caller can show it; the core draws nothing itself.
 *
 * <p>A computation calls {@link #start} once with the amount of work, {@link #advance} after
 * each unit with the units done so far, and {@link #finish} at the end (also when it fails).
 * Calls come from the thread that runs the computation.
 */
public interface ProgressListener {

    /** @return a listener that ignores everything */
    static ProgressListener none() {
        return (done, detail) -> { };
    }

    /**
     * The computation starts.
     *
     * @param task  a short name of the computation
     * @param total the units of work it will report
     */
    default void start(String task, long total) {
    }

    /**
     * A unit of work is done.
     *
     * @param done   the units done so far
     * @param detail a short note on the latest unit (e.g. its loss), or the empty string
     */
    void advance(long done, String detail);

    /** The computation has ended. */
    default void finish() {
    }
}
