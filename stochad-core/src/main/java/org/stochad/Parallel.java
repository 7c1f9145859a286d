package org.stochad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent, indexed tasks on a fixed number of worker threads and hands back a worker's
 * failure as it was thrown: the thread pool of the estimators, open to event generation,
 * optimisation repeats and any other loop over independent items.
 *
 * <p>Task i must depend on i alone (derive its random numbers from i, e.g. with
 * {@link Seeds#derive(long, long)}) and write only its own slot; then the results do not depend
 * on the number of threads. Worker w runs the indices w, w + t, w + 2t, … ; with one thread,
 * or one task, everything runs on the caller's thread. A {@link RuntimeException} or
 * {@link Error} of a task is rethrown unwrapped (the first failing worker's, in worker order);
 * the remaining workers are interrupted.
 */
public final class Parallel {

    private Parallel() {
    }

    /** @return the number of available processors, the default number of threads */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, n).
     *
     * @param n       the number of tasks, &ge; 0
     * @param threads the most worker threads, &ge; 1
     * @param task    the task
     * @throws IllegalArgumentException when n &lt; 0 or threads &lt; 1
     * @throws IllegalStateException    when interrupted, or wrapping a task's checked exception
     */
    public static void forEach(int n, int threads, IntConsumer task) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " is negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is less than 1");
        }
        int workers = Math.min(threads, n);
        if (workers <= 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "stochad-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < n; i += workers) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Computes {@code task.apply(i)} for every i in [0, n) and returns the results in index order.
     *
     * @param <T>     the result type
     * @param n       the number of tasks, &ge; 0
     * @param threads the most worker threads, &ge; 1
     * @param task    the task
     * @return the results, result i at index i (unmodifiable)
     * @throws IllegalArgumentException when n &lt; 0 or threads &lt; 1
     */
    public static <T> List<T> map(int n, int threads, IntFunction<T> task) {
        Object[] results = new Object[Math.max(n, 0)];
        forEach(n, threads, i -> results[i] = task.apply(i));
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return Collections.unmodifiableList(list);
    }
}
