package org.stochad.lund;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Generates numbered events from a seed: event i uses the root stream (seed, i) only, so the
 * output is the same for any number of threads and equals the primal event of sample i of an
 * estimate with the same seed.
 */
public final class EventGenerator {

    private static final int BLOCK = 512;

    private final StringFragmenter fragmenter;
    private final Fragmentation fragmentation;
    private final LundParameters parameters;

    /** @param settings the generator settings (their {@link LundSettings#DIFFERENTIATION} selects the mode) */
    public EventGenerator(LundSettings settings) {
        this.fragmenter = new StringFragmenter(settings);
        this.fragmentation = settings.differentiation() == LundSettings.Differentiation.FLIPS ? null
                : Fragmentation.of(settings);
        this.parameters = fragmentation == null ? null : LundParameters.fromTheta(constants(settings.theta()), settings);
    }

    private static org.stochad.StochasticTriple[] constants(double[] theta) {
        org.stochad.StochasticTriple[] t = new org.stochad.StochasticTriple[theta.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = org.stochad.StochasticTriple.constant(theta[j]);
        }
        return t;
    }

    /** @return the fragmenter */
    public StringFragmenter fragmenter() {
        return fragmenter;
    }

    /**
     * @param seed  the run's seed
     * @param index the event number
     * @return event {@code index} of the run
     */
    public Event event(long seed, long index) {
        if (fragmentation != null) {
            return fragmentation.fragment(PrimalSampler.of(seed, index), parameters);
        }
        return fragmenter.fragment(PrimalSampler.of(seed, index));
    }

    /**
     * Generates events 0 … n−1 and hands them to the consumer in order, on the calling thread.
     *
     * @param seed     the seed
     * @param n        how many events, &ge; 0
     * @param threads  worker threads, &ge; 1
     * @param consumer receives each event in index order
     */
    public void generate(long seed, long n, int threads, Consumer<Event> consumer) {
        if (n < 0) {
            throw new IllegalArgumentException("events = " + n + " is negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is less than 1");
        }
        if (threads == 1) {
            for (long i = 0; i < n; i++) {
                consumer.accept(event(seed, i));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lund-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Event>>> pending = new ArrayList<>();
            long next = 0;
            while (next < n || !pending.isEmpty()) {
                while (next < n && pending.size() < 2 * threads) {
                    long from = next;
                    long to = Math.min(n, from + BLOCK);
                    pending.add(pool.submit(() -> {
                        List<Event> block = new ArrayList<>((int) (to - from));
                        for (long i = from; i < to; i++) {
                            block.add(event(seed, i));
                        }
                        return block;
                    }));
                    next = to;
                }
                for (Event e : pending.remove(0).get()) {
                    consumer.accept(e);
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
