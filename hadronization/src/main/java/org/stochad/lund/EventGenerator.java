package org.stochad.lund;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.stochad.Samplers;

/**
 * Generates numbered events from a seed: event i uses the root stream (seed, i) only, so the
 * output is the same for any number of threads and equals the primal event of sample i of an
 * estimate with the same seed. Events are made by the primal fast path ({@link FastFragmenter}),
 * which gives the differentiable path's primal events bit for bit.
 */
public final class EventGenerator {

    private static final int BLOCK = 512;

    private final StringFragmenter fragmenter;
    private final Fragmentation fragmentation;
    private final LundParameters parameters;
    private final FastFragmenter fast;
    private final double[] theta;
    private final boolean history;

    /**
     * A generator whose events carry their fragmentation history (for reweighting).
     *
     * @param settings the generator settings (their {@link LundSettings#DIFFERENTIATION} selects the mode)
     */
    public EventGenerator(LundSettings settings) {
        this(settings, true);
    }

    /**
     * @param settings the generator settings
     * @param history  whether events carry their fragmentation history; without it an event's
     *                 history has empty lists (cheaper when only the hadrons are needed)
     */
    public EventGenerator(LundSettings settings, boolean history) {
        this.fragmenter = new StringFragmenter(settings);
        this.fragmentation = settings.differentiation() == LundSettings.Differentiation.FLIPS ? null
                : Fragmentation.of(settings);
        this.parameters = fragmentation == null ? null : LundParameters.fromTheta(constants(settings.theta()), settings);
        this.fast = new FastFragmenter(settings);
        this.theta = new double[] {settings.aLund(), settings.bLund(), settings.sigma(),
            settings.effectiveProbStoUD()};
        this.history = history;
    }

    private static org.stochad.StochasticTriple[] constants(double[] theta) {
        org.stochad.StochasticTriple[] t = new org.stochad.StochasticTriple[theta.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = org.stochad.StochasticTriple.constant(theta[j]);
        }
        return t;
    }

    /** @return whether events carry their fragmentation history */
    public boolean history() {
        return history;
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
        return history ? fast.fragment(Samplers.primalStream(seed, index), theta, true)
                : fast.fragment(Samplers.primalStream(seed, index));
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
        generate(seed, n, threads, e -> e, consumer);
    }

    /**
     * Generates events 0 … n−1, applies {@code work} to each in the worker threads (observables,
     * histogram entries …) and hands the results to the consumer in index order, on the calling
     * thread; with one thread everything runs on the calling thread.
     *
     * @param <T>      the work's result
     * @param seed     the seed
     * @param n        how many events, &ge; 0
     * @param threads  worker threads, &ge; 1
     * @param work     applied to each event in a worker thread (must be thread-safe)
     * @param consumer receives each result in index order
     * @return the CPU time spent making the events, summed over the threads (ns; the work and the
     *         consumer excluded), or −1 when the JVM cannot measure thread CPU time
     */
    public <T> long generate(long seed, long n, int threads, Function<Event, T> work, Consumer<T> consumer) {
        if (n < 0) {
            throw new IllegalArgumentException("events = " + n + " is negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is less than 1");
        }
        if (work == null || consumer == null) {
            throw new IllegalArgumentException("work = " + work + ", consumer = " + consumer + ": both are needed");
        }
        CpuClock clock = new CpuClock();
        if (threads == 1) {
            for (long from = 0; from < n; from += BLOCK) {
                for (T r : block(seed, from, Math.min(n, from + BLOCK), work, clock)) {
                    consumer.accept(r);
                }
            }
            return clock.total();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lund-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<T>>> pending = new ArrayList<>();
            long next = 0;
            while (next < n || !pending.isEmpty()) {
                while (next < n && pending.size() < 2 * threads) {
                    long from = next;
                    long to = Math.min(n, from + BLOCK);
                    pending.add(pool.submit(() -> block(seed, from, to, work, clock)));
                    next = to;
                }
                for (T r : pending.remove(0).get()) {
                    consumer.accept(r);
                }
            }
            return clock.total();
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

    /** Events from … to−1, timed, then the work on each. */
    private <T> List<T> block(long seed, long from, long to, Function<Event, T> work, CpuClock clock) {
        Event[] events = new Event[(int) (to - from)];
        long t0 = clock.now();
        // without history, one fast-path buffer serves the whole block (the same events as event(seed, i))
        FastFragmenter.Buffer buf = fragmentation == null && !history ? fast.newBuffer() : null;
        double eCm = fast.settings().eCM();
        for (long i = from; i < to; i++) {
            if (buf != null) {
                fast.fragmentInto(Samplers.primalStream(seed, i), buf);
                events[(int) (i - from)] = buf.toEvent(eCm);
            } else {
                events[(int) (i - from)] = event(seed, i);
            }
        }
        clock.add(t0);
        List<T> out = new ArrayList<>(events.length);
        for (Event e : events) {
            out.add(work.apply(e));
        }
        return out;
    }

    /** Sums the generation CPU time of all threads. */
    private static final class CpuClock {
        private final java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        private final boolean on = bean.isCurrentThreadCpuTimeSupported();
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        long now() {
            return on ? bean.getCurrentThreadCpuTime() : 0;
        }

        void add(long t0) {
            if (on) {
                nanos.addAndGet(bean.getCurrentThreadCpuTime() - t0);
            }
        }

        long total() {
            return on ? nanos.get() : -1;
        }
    }
}
