package org.stochad.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.stochad.ProgressListener;

/**
 * Computes chunks 0 … c − 1 on worker threads and folds their sums from left to right on the
 * caller's thread, holding at most a small window of finished chunks: constant memory for any
 * number of chunks, and the same result for any number of threads. A chunk's failure is
 * rethrown as it was thrown once every chunk before it has been folded, so the failure reported
 * is that of the lowest failing chunk, whatever the thread count.
 */
final class ChunkFold {

    /** Finished chunks a worker may run ahead of the fold, per thread. */
    private static final int WINDOW_PER_THREAD = 4;

    private ChunkFold() {
    }

    /**
     * @param chunks   the number of chunks, &ge; 1
     * @param threads  the most worker threads, &ge; 1
     * @param task     computes chunk c
     * @param progress hears of each folded chunk
     * @param name     the task name reported to {@code progress}
     * @return chunk 0 ⊕ chunk 1 ⊕ … folded from the left
     */
    static SampleSums fold(int chunks, int threads, IntFunction<SampleSums> task, ProgressListener progress,
                           String name) {
        progress.start(name, chunks);
        try {
            int workers = Math.min(threads, chunks);
            return workers <= 1 ? sequential(chunks, task, progress) : parallel(chunks, workers, task, progress);
        } finally {
            progress.finish();
        }
    }

    private static SampleSums sequential(int chunks, IntFunction<SampleSums> task, ProgressListener progress) {
        SampleSums total = null;
        for (int c = 0; c < chunks; c++) {
            SampleSums s = task.apply(c);
            total = total == null ? s : total.merge(s);
            progress.advance(c + 1, "");
        }
        return total;
    }

    private static SampleSums parallel(int chunks, int workers, IntFunction<SampleSums> task,
                                       ProgressListener progress) {
        int window = WINDOW_PER_THREAD * workers;
        Object[] slots = new Object[window];
        Object lock = new Object();
        int[] claimed = {0};
        int[] folded = {0};
        boolean[] stop = {false};
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "stochad-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    while (true) {
                        int c;
                        synchronized (lock) {
                            while (!stop[0] && claimed[0] < chunks && claimed[0] >= folded[0] + window) {
                                try {
                                    lock.wait();
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            if (stop[0] || claimed[0] >= chunks) {
                                return;
                            }
                            c = claimed[0]++;
                        }
                        Object result;
                        try {
                            result = task.apply(c);
                        } catch (Throwable t) {
                            result = new Failure(t);
                        }
                        synchronized (lock) {
                            slots[c % window] = result;
                            lock.notifyAll();
                            if (result instanceof Failure) {
                                return;
                            }
                        }
                    }
                });
            }
            SampleSums total = null;
            for (int c = 0; c < chunks; c++) {
                Object result;
                synchronized (lock) {
                    while (slots[c % window] == null) {
                        lock.wait();
                    }
                    result = slots[c % window];
                    slots[c % window] = null;
                    folded[0] = c + 1;
                    lock.notifyAll();
                }
                if (result instanceof Failure f) {
                    throw f.rethrow();
                }
                SampleSums s = (SampleSums) result;
                total = total == null ? s : total.merge(s);
                progress.advance(c + 1, "");
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            synchronized (lock) {
                stop[0] = true;
                lock.notifyAll();
            }
            pool.shutdownNow();
        }
    }

    /** A chunk's failure, kept in its slot until the fold reaches it. */
    private record Failure(Throwable cause) {
        RuntimeException rethrow() {
            if (cause instanceof RuntimeException re) {
                return re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            return new IllegalStateException(cause);
        }
    }
}
