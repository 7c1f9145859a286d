package org.stochad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.stochad.ProgressListener;
import org.stochad.TaskRunner;

/**
 * Runs a loop of independent, indexed tasks — repeated optimisation runs, the points of a scan —
 * on a Spark cluster, one Spark task per index; the results come back to the driver in index
 * order, so they are the same as those of {@link TaskRunner#threads(int)}. The task travels by
 * Java serialisation and is checked on the driver first.
 */
public final class SparkTasks implements TaskRunner {

    private final SparkCluster cluster;

    /** @param cluster the running Spark application */
    public SparkTasks(SparkCluster cluster) {
        if (cluster == null) {
            throw new IllegalArgumentException("cluster = null");
        }
        this.cluster = cluster;
    }

    @Override
    public <T extends Serializable> List<T> map(String name, int n, Task<T> task, Runnable onDone) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " is negative");
        }
        if (task == null || onDone == null) {
            throw new IllegalArgumentException("task = " + task + ", onDone = " + onDone);
        }
        List<T> results = new ArrayList<>(n);
        if (n == 0) {
            return results;
        }
        Shipping.check("task of " + name, task);
        ChunkTask<T> chunk = new OneTask<>(task);
        cluster.run(name, n, n, n, chunk, r -> {
            results.add(r);
            onDone.run();
        }, ProgressListener.none());
        return results;
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public String toString() {
        return "Spark " + cluster.settings().master();
    }

    /**
     * Chunk i is task i.
     *
     * @param <T>  the result
     * @param task the task
     */
    private record OneTask<T extends Serializable>(Task<T> task) implements ChunkTask<T> {
        @Override
        public T run(long chunk) {
            return task.apply((int) chunk);
        }
    }
}
