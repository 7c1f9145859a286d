package org.stochad.lund;

import java.io.Serializable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where per-event work on Lund events runs: on this machine's threads ({@link #threads(int)}) or
 * elsewhere, e.g. on the executors of a cluster. Event i depends on the seed and i only, the work
 * on the event only, and the results reach the consumer in index order — so whatever the consumer
 * sums up (histograms, moments) is the same, bit for bit, wherever the work ran.
 */
public interface EventRunner {

    /**
     * Per-event work: a function made once per worker from the generator's settings (e.g. with
     * RSA weights of those settings), applied to each event. Serializable, so that it can travel to
     * another machine (capture only serializable values).
     *
     * @param <T> the per-event result, serializable to travel back
     */
    @FunctionalInterface
    interface Work<T extends Serializable> extends Serializable {

        /**
         * @param settings the generator's settings
         * @return the function applied to each event (called from several threads at once: thread-safe)
         */
        Function<Event, T> on(LundSettings settings);
    }

    /**
     * Generates events 0 … n − 1, applies the work to each where this runner runs, and hands the
     * results to the consumer in index order on the calling thread.
     *
     * @param <T>      the per-event result
     * @param settings the generator's settings
     * @param history  whether the events carry their fragmentation history (RSA weights need it)
     * @param seed     the seed
     * @param n        the number of events, &ge; 0
     * @param work     the per-event work
     * @param consumer receives the results in index order
     * @throws IllegalArgumentException for n &lt; 0 or a missing argument
     */
    <T extends Serializable> void generate(LundSettings settings, boolean history, long seed, long n, Work<T> work,
                                           Consumer<? super T> consumer);

    /**
     * @param threads worker threads, &ge; 1
     * @return a runner on that many threads of this process ({@link EventGenerator#generate(long, long, int,
     *         Function, Consumer)})
     * @throws IllegalArgumentException when threads &lt; 1
     */
    static EventRunner threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is less than 1");
        }
        return new EventRunner() {
            @Override
            public <T extends Serializable> void generate(LundSettings settings, boolean history, long seed, long n,
                                                          Work<T> work, Consumer<? super T> consumer) {
                if (settings == null || work == null || consumer == null) {
                    throw new IllegalArgumentException("settings = " + settings + ", work = " + work
                            + ", consumer = " + consumer + ": all are needed");
                }
                Function<Event, T> f = work.on(settings);
                new EventGenerator(settings, history).generate(seed, n, threads, f, consumer::accept);
            }

            @Override
            public String toString() {
                return threads + " thread(s)";
            }
        };
    }
}
