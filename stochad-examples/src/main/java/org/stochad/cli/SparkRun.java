package org.stochad.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stochad.Estimator;
import org.stochad.spark.ApplicationJars;
import org.stochad.spark.SparkCluster;
import org.stochad.spark.SparkEstimator;
import org.stochad.spark.SparkEvents;
import org.stochad.spark.SparkSettings;

/**
 * The Spark application of one {@code stochad --spark MASTER} command: started on first use,
 * stopped when the command ends. Its classes touch Spark only when a command asks for it, so the
 * {@code stochad} jar runs without Spark on its class path; when Spark is missing,
 * {@link #relaunch} starts the command again in a JVM with the Spark jars of a {@code SPARK_HOME}.
 */
final class SparkRun implements AutoCloseable {

    /** The JVM flags Spark needs on Java 17. */
    static final List<String> JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private static final String RELAUNCHED = "stochad.spark.relaunched";

    private final SparkSettings settings;
    private SparkCluster cluster;

    private SparkRun(SparkSettings settings) {
        this.settings = settings;
    }

    /**
     * @param master the master URL
     * @param ui     whether to start the web UI
     * @return the command's Spark application, not yet started
     * @throws IllegalArgumentException naming a bad master URL
     */
    static SparkRun of(String master, boolean ui) {
        return new SparkRun(SparkSettings.master(master).withUi(ui));
    }

    /** @return the running cluster, started now if it was not */
    SparkCluster cluster() {
        if (cluster == null) {
            SparkSettings s = settings;
            if (!s.inProcess()) {
                s = s.withJars(ApplicationJars.of(Stochad.class));
            }
            cluster = SparkCluster.start(s);
        }
        return cluster;
    }

    /**
     * @param estimator an estimator
     * @return it on the cluster
     */
    Estimator place(Estimator estimator) {
        return SparkEstimator.of(cluster(), estimator);
    }

    /**
     * Counts Lund events into the summary and the standard histograms on the cluster: only
     * per-block tallies reach this process.
     *
     * @param settings the generator's settings
     * @param seed     the seed
     * @param n        the number of events
     * @param progress receives Spark's tasks done of the total
     * @return the run's tally
     */
    org.stochad.lund.io.GeneratorTally tally(org.stochad.lund.LundSettings settings, long seed, long n,
                                            org.stochad.ProgressListener progress) {
        return new org.stochad.spark.SparkEvents(cluster()).tally(settings, seed, n, progress);
    }

    /**
     * Generates Lund events on the cluster and writes them as one HepMC3 file per partition.
     *
     * @param settings the generator's settings
     * @param seed     the seed
     * @param n        the number of events
     * @param dir      the folder of the files
     * @param progress receives Spark's tasks done of the total
     * @param written  receives the files written, in partition order
     * @return the run's tally
     */
    org.stochad.lund.io.GeneratorTally writeHepMc(org.stochad.lund.LundSettings settings, long seed, long n,
                                                  Path dir, org.stochad.ProgressListener progress,
                                                  List<Path> written) {
        SparkCluster c = cluster();
        int parts = (int) Math.min(c.parallelism(), (n + SparkEvents.CHUNK_EVENTS - 1) / SparkEvents.CHUNK_EVENTS);
        org.stochad.lund.io.GeneratorTally tally = new SparkEvents(c).writeHepMc(settings, seed, n, dir,
                HEPMC_PREFIX, parts, progress);
        for (int p = 0; p < parts; p++) {
            written.add(SparkEvents.partitionFile(dir, HEPMC_PREFIX, p));
        }
        return tally;
    }

    /** The name prefix of the per-partition HepMC3 files: events-00000.hepmc, events-00001.hepmc, … */
    static final String HEPMC_PREFIX = "events";

    /** @return a runner of per-event work on Lund events on the cluster (started on first use) */
    org.stochad.lund.EventRunner events() {
        return new org.stochad.lund.EventRunner() {
            @Override
            public <T extends java.io.Serializable> void generate(org.stochad.lund.LundSettings s, boolean history,
                                                                  long seed, long n, Work<T> work,
                                                                  java.util.function.Consumer<? super T> consumer) {
                new org.stochad.spark.SparkEventRunner(cluster()).generate(s, history, seed, n, work, consumer);
            }
        };
    }

    /** @return a runner of independent tasks on the cluster (started on first use) */
    org.stochad.TaskRunner tasks() {
        return new LazyTasks();
    }

    /** Starts the cluster only when a task loop runs. */
    private final class LazyTasks implements org.stochad.TaskRunner {
        @Override
        public <T extends java.io.Serializable> List<T> map(String name, int n, Task<T> task, Runnable onDone) {
            return new org.stochad.spark.SparkTasks(cluster()).map(name, n, task, onDone);
        }

        @Override
        public boolean inProcess() {
            return false;
        }
    }

    /**
     * Generates Lund events on the cluster.
     *
     * @param settings the generator's settings
     * @param seed     the seed
     * @param n        the number of events
     * @param consumer receives the events in index order
     */
    void generate(org.stochad.lund.LundSettings settings, long seed, long n,
                  java.util.function.Consumer<org.stochad.lund.Event> consumer) {
        new org.stochad.spark.SparkEvents(cluster()).generate(settings, seed, n, consumer,
                org.stochad.ProgressListener.none());
    }

    /**
     * Estimates the gradient of a program that travels to the executors with the estimator, in one
     * serialised task (so that an estimator made for that very program, as the law score is, finds it
     * there).
     *
     * @param estimator the estimator
     * @param program   the program (serializable)
     * @param theta     the parameter point
     * @param request   samples, seed, progress
     * @return the estimate
     */
    org.stochad.GradientEstimate estimate(Estimator estimator, org.stochad.StochasticProgram program,
                                          double[] theta, org.stochad.EstimateRequest request) {
        return SparkEstimator.of(cluster(), estimator).estimate(program, theta, request);
    }

    /** @return the master URL */
    String master() {
        return settings.master();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /**
     * @param args the command line
     * @return whether it asks for Spark
     */
    static boolean wanted(String[] args) {
        for (String a : args) {
            if (a.equals("--spark") || a.startsWith("--spark=")) {
                return true;
            }
        }
        return false;
    }

    /** @return whether Spark's classes can be loaded */
    static boolean onClassPath() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkRun.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Runs the command again in a child JVM with the Spark jars of {@code $SPARK_HOME/jars} (or,
     * without SPARK_HOME, of the build's {@code stochad-spark/target/spark-home}) and Spark's JVM
     * flags.
     *
     * @param args the command line
     * @param err  where to say why it cannot
     * @return the child's exit code, or 2 when there is no Spark to run with
     */
    static int relaunch(String[] args, PrintStream err) {
        if (Boolean.getBoolean(RELAUNCHED)) {
            err.println("stochad: --spark: Spark's classes are missing from the class path");
            return Stochad.USAGE_ERROR;
        }
        Path jar;
        try {
            jar = Path.of(Stochad.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            err.println("stochad: --spark: cannot locate the stochad jar (" + e.getMessage() + ")");
            return Stochad.USAGE_ERROR;
        }
        Path home = sparkHome(jar);
        if (home == null) {
            err.println("stochad: --spark: Spark is not on the class path and no Spark " + "4.0 installation was found:"
                    + " set SPARK_HOME, run the jar with spark-submit, or build with 'mvn package' (which assembles"
                    + " stochad-spark/target/spark-home)");
            return Stochad.USAGE_ERROR;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(jar + File.pathSeparator + home.resolve("jars") + File.separator + "*");
        command.add(Stochad.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.putIfAbsent("SPARK_SCALA_VERSION", "2.13");
        env.putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        try {
            Process p = pb.start();
            return p.waitFor();
        } catch (IOException e) {
            err.println("stochad: --spark: cannot start a JVM with Spark (" + e.getMessage() + ")");
            return Stochad.USAGE_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static Path sparkHome(Path jar) {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("SPARK_HOME");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path dir = jar.toAbsolutePath().getParent();
        if (dir != null && dir.getParent() != null && dir.getParent().getParent() != null) {
            candidates.add(dir.getParent().getParent().resolve("stochad-spark").resolve("target").resolve("spark-home"));
        }
        for (Path home : candidates) {
            Path jars = home.resolve("jars");
            try (var files = Files.list(jars)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith("spark-core_"))) {
                    return home;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }
}
