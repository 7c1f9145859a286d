package org.stochad;

import java.io.Serializable;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where a loop over independent, indexed tasks runs — repeated optimisation runs, the points of a
 * scan: on this machine's threads ({@link #threads(int)}) or elsewhere, e.g. on the executors of a
 * cluster. Task i must depend on i alone (derive its random numbers from i), so the results do
 * not depend on where it ran; they come back in index order.
 */
public interface TaskRunner {

    /**
     * One task: its result from its index alone. Serializable, so that it can travel to another
     * machine (capture only serializable values).
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface Task<T extends Serializable> extends IntFunction<T>, Serializable {
    }

    /**
     * Runs tasks 0 … n − 1.
     *
     * @param <T>    the result type
     * @param name   what the tasks are, for progress and error messages
     * @param n      the number of tasks, &ge; 0
     * @param task   the task
     * @param onDone called once per finished task (on a worker thread or, for a remote runner, on the caller's)
     * @return the results, result i at index i
     * @throws IllegalArgumentException for n &lt; 0, or as a task throws it
     */
    <T extends Serializable> List<T> map(String name, int n, Task<T> task, Runnable onDone);

    /** @return whether the tasks run in this process (on its threads) */
    boolean inProcess();

    /**
     * @param threads worker threads, &ge; 1
     * @return a runner on that many threads of this process ({@link Parallel#map})
     * @throws IllegalArgumentException when threads &lt; 1
     */
    static TaskRunner threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is less than 1");
        }
        return new TaskRunner() {
            @Override
            public <T extends Serializable> List<T> map(String name, int n, Task<T> task, Runnable onDone) {
                if (onDone == null) {
                    throw new IllegalArgumentException("onDone = null");
                }
                return Parallel.map(n, threads, i -> {
                    T result = task.apply(i);
                    onDone.run();
                    return result;
                });
            }

            @Override
            public boolean inProcess() {
                return true;
            }

            @Override
            public String toString() {
                return threads + " thread(s)";
            }
        };
    }
}
