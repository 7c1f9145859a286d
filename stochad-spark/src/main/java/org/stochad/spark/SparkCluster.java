package org.stochad.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.stochad.ProgressListener;

/**
 * A running Spark application — embedded ({@code local[*]}) or connected to a cluster — that runs
 * chunked jobs: chunk c of a job is computed on some executor from c alone, its result travels
 * back to the driver, and the driver hands the results on strictly in chunk order. Close it to
 * stop Spark.
 */
public final class SparkCluster implements AutoCloseable {

    private static final long POLL_MILLIS = 200;

    private final SparkSettings settings;
    private final JavaSparkContext context;

    private SparkCluster(SparkSettings settings, JavaSparkContext context) {
        this.settings = settings;
        this.context = context;
    }

    /**
     * Starts Spark: binds to 127.0.0.1 for {@code local} and {@code local-cluster} masters, web
     * UI off unless asked, logging at warnings only, and waits (at most
     * {@link SparkSettings#connectTimeout()}) until the cluster's executors have registered.
     *
     * @param settings the master and options
     * @return the running application
     * @throws IllegalArgumentException when Spark cannot start with that master or no executor
     *                                  registers in time (the message names the master)
     */
    public static SparkCluster start(SparkSettings settings) {
        probeStandaloneMasters(settings);
        SparkConf conf = new SparkConf().setMaster(settings.master()).setAppName("stochad")
                .set("spark.ui.enabled", Boolean.toString(settings.ui()))
                .set("spark.ui.showConsoleProgress", "false");
        if (settings.onThisMachine()) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (settings.localClusterMemoryMb() > 0) {
            conf.set("spark.executor.memory", Math.min(1024, settings.localClusterMemoryMb()) + "m");
        }
        if (!settings.jars().isEmpty()) {
            conf.set("spark.jars", settings.jars().stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf);
        } catch (Exception | LinkageError e) {
            throw new IllegalArgumentException("--spark " + settings.master() + ": Spark did not start ("
                    + firstLine(e) + ")", e);
        }
        context.setLogLevel("WARN");
        SparkCluster cluster = new SparkCluster(settings, context);
        if (!settings.inProcess()) {
            cluster.awaitExecutors();
        }
        return cluster;
    }

    /**
     * Spark waits a minute per attempt for a standalone master that does not answer; a plain TCP
     * connection to each master, bounded by the connect timeout, fails fast instead.
     */
    private static void probeStandaloneMasters(SparkSettings settings) {
        if (!settings.master().startsWith("spark://")) {
            return;
        }
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        String problem = null;
        for (String hostPort : settings.master().substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))), timeout);
                return;
            } catch (java.io.IOException | RuntimeException e) {
                problem = hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        throw new IllegalArgumentException("--spark " + settings.master() + ": cannot reach the Spark master ("
                + problem + ")");
    }

    private void awaitExecutors() {
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        int wanted = settings.expectedExecutors();
        while (executors() < wanted) {
            if (context.sc().isStopped() || System.nanoTime() > deadline) {
                int got = context.sc().isStopped() ? 0 : executors();
                close();
                throw new IllegalArgumentException("--spark " + settings.master() + ": " + got + " of " + wanted
                        + " executor(s) registered within " + settings.connectTimeout().toSeconds()
                        + " s (is the cluster reachable, and does it have free cores and memory?)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for Spark executors", e);
            }
        }
    }

    /** @return the number of registered executors, not counting the driver */
    public int executors() {
        return Math.max(0, context.sc().statusTracker().getExecutorInfos().length - (settings.inProcess() ? 0 : 1));
    }

    /** @return the settings it was started with */
    public SparkSettings settings() {
        return settings;
    }

    /** @return the number of cores Spark runs tasks on (its default parallelism) */
    public int parallelism() {
        return context.defaultParallelism();
    }

    /**
     * Runs chunks 0 … chunks − 1 of a job and hands their results to {@code onDriver} in chunk
     * order, on the caller's thread. The chunks are split into {@code partitions} contiguous
     * ranges, one Spark task each; the results do not depend on that number. Progress is Spark's:
     * one unit per finished task.
     *
     * @param <T>        the chunk result
     * @param name       the job's name, for progress
     * @param chunks     the number of chunks, &ge; 1
     * @param partitions the number of Spark tasks, &ge; 1 (at most {@code chunks} are used)
     * @param batch      the most chunks per Spark job, &ge; 1 (bounds the driver's memory: the results of
     *                   one job are held at once)
     * @param task       computes one chunk
     * @param onDriver   receives each chunk's result, in chunk order
     * @param progress   receives the tasks done of the total
     * @throws IllegalArgumentException or {@link IllegalStateException} as thrown by a chunk
     */
    public <T extends Serializable> void run(String name, long chunks, int partitions, long batch, ChunkTask<T> task,
                                             Consumer<? super T> onDriver, ProgressListener progress) {
        if (chunks < 1 || partitions < 1 || batch < 1) {
            throw new IllegalArgumentException("chunks = " + chunks + ", partitions = " + partitions + ", batch = "
                    + batch + ": each must be >= 1");
        }
        long jobs = (chunks + batch - 1) / batch;
        long perJob = Math.min(partitions, batch);
        progress.start(name, Math.min(chunks, jobs * perJob));
        try {
            long tasksDone = 0;
            for (long from = 0; from < chunks; from += batch) {
                long to = Math.min(chunks, from + batch);
                tasksDone += runJob(from, to, (int) Math.min(partitions, to - from), task, onDriver, progress,
                        tasksDone);
            }
        } finally {
            progress.finish();
        }
    }

    private <T extends Serializable> int runJob(long from, long to, int slices, ChunkTask<T> task,
                                               Consumer<? super T> onDriver, ProgressListener progress,
                                               long tasksBefore) {
        List<Long> indices = new ArrayList<>((int) (to - from));
        for (long c = from; c < to; c++) {
            indices.add(c);
        }
        JavaRDD<Indexed<T>> results = context.parallelize(indices, slices).mapPartitions(runner(task));
        JavaFutureAction<List<Indexed<T>>> future = results.collectAsync();
        List<Indexed<T>> collected;
        long reported = -1;
        while (true) {
            try {
                collected = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                long done = tasksBefore + completedTasks(future.jobIds());
                if (done != reported) {
                    progress.advance(done, "");
                    reported = done;
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Spark ran a job", e);
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            }
        }
        progress.advance(tasksBefore + slices, "");
        long expected = from;
        for (Indexed<T> r : collected) {
            if (r.chunk() != expected) {
                throw new IllegalStateException("Spark returned chunk " + r.chunk() + " where chunk " + expected
                        + " was due");
            }
            onDriver.accept(r.value());
            expected++;
        }
        if (expected != to) {
            throw new IllegalStateException("Spark returned chunks up to " + expected + " of " + to);
        }
        return slices;
    }

    private long completedTasks(List<Integer> jobIds) {
        long done = 0;
        for (int job : jobIds) {
            SparkJobInfo info = context.statusTracker().getJobInfo(job);
            if (info == null) {
                continue;
            }
            for (int stage : info.stageIds()) {
                SparkStageInfo s = context.statusTracker().getStageInfo(stage);
                if (s != null) {
                    done += s.numCompletedTasks();
                }
            }
        }
        return done;
    }

    /** The function a partition runs: its chunks one after the other, each with its index (no reference to the cluster). */
    private static <T extends Serializable> FlatMapFunction<Iterator<Long>, Indexed<T>> runner(ChunkTask<T> task) {
        return chunks -> {
            List<Indexed<T>> out = new ArrayList<>();
            while (chunks.hasNext()) {
                long c = chunks.next();
                out.add(new Indexed<>(c, task.run(c)));
            }
            return out.iterator();
        };
    }

    /**
     * One chunk's result with its index.
     *
     * @param <T>   the result type
     * @param chunk the chunk index
     * @param value the result
     */
    record Indexed<T extends Serializable>(long chunk, T value) implements Serializable {
    }

    /** The exception a chunk threw, found in Spark's wrapping, or an IllegalStateException with Spark's message. */
    private static RuntimeException rethrown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
                return (RuntimeException) t;
            }
        }
        String message = failure == null ? "Spark job failed" : firstLine(failure);
        for (String known : List.of("java.lang.IllegalArgumentException: ", "java.lang.IllegalStateException: ")) {
            int at = message.indexOf(known);
            if (at >= 0) {
                String original = message.substring(at + known.length());
                return known.contains("Argument") ? new IllegalArgumentException(original, failure)
                        : new IllegalStateException(original, failure);
            }
        }
        return new IllegalStateException(message, failure);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** Stops Spark (and, for {@code local-cluster}, its worker and executor processes). */
    @Override
    public void close() {
        try {
            context.stop();
        } catch (RuntimeException e) {
            // stopping is best effort
        }
    }
}
