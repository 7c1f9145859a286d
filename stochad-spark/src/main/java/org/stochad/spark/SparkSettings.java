package org.stochad.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how to run on Spark: the master URL, whether to show Spark's web UI, extra Spark
 * settings, how long to wait for the cluster's executors, and the application jars the executors
 * load the program's classes from.
 *
 * @param master         {@code local[*]}, {@code local[N]}, {@code local-cluster[N,C,MB]},
 *                       {@code spark://HOST:PORT}, {@code yarn} or {@code k8s://URL}
 * @param ui             whether to start Spark's web UI
 * @param conf           extra Spark settings, applied last
 * @param connectTimeout the longest wait for the cluster's executors to register
 * @param jars           the application jars shipped with {@code spark.jars} (not needed by
 *                       {@code local} masters, whose executors share the driver's JVM)
 */
public record SparkSettings(String master, boolean ui, Map<String, String> conf, Duration connectTimeout,
                            List<Path> jars) {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[([1-9]\\d*),([1-9]\\d*),([1-9]\\d*)]");
    private static final Pattern STANDALONE = Pattern.compile("spark://[^\\s:/,]+:\\d+(,[^\\s:/,]+:\\d+)*");
    private static final Pattern K8S = Pattern.compile("k8s://\\S+");

    /** The default {@link #connectTimeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Checks the settings.
     *
     * @param master         the master URL
     * @param ui             whether to start Spark's web UI
     * @param conf           extra Spark settings
     * @param connectTimeout the longest wait for the executors, &gt; 0
     * @param jars           the application jars
     */
    public SparkSettings {
        if (master == null || !(LOCAL.matcher(master).matches() || LOCAL_CLUSTER.matcher(master).matches()
                || STANDALONE.matcher(master).matches() || master.equals("yarn") || K8S.matcher(master).matches())) {
            throw new IllegalArgumentException("--spark = '" + master + "' is not a Spark master URL (use local[*],"
                    + " local[N], local-cluster[N,CORES,MB], spark://HOST:PORT, yarn or k8s://URL)");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout = " + connectTimeout + " is not positive");
        }
        conf = Map.copyOf(conf);
        jars = List.copyOf(jars);
    }

    /**
     * @param master the master URL
     * @return settings for that master: no web UI, no extra settings, a 60 s wait, no jars
     * @throws IllegalArgumentException when {@code master} is not a master URL
     */
    public static SparkSettings master(String master) {
        return new SparkSettings(master, false, Map.of(), DEFAULT_CONNECT_TIMEOUT, List.of());
    }

    /**
     * @param show whether to start the web UI
     * @return these settings with that choice
     */
    public SparkSettings withUi(boolean show) {
        return new SparkSettings(master, show, conf, connectTimeout, jars);
    }

    /**
     * @param key   a Spark setting, e.g. {@code spark.executor.memory}
     * @param value its value
     * @return these settings with that one added (replacing an earlier value)
     */
    public SparkSettings withConf(String key, String value) {
        if (key == null || key.isBlank() || value == null) {
            throw new IllegalArgumentException("Spark setting " + key + " = " + value + " is incomplete");
        }
        Map<String, String> m = new LinkedHashMap<>(conf);
        m.put(key, value);
        return new SparkSettings(master, ui, m, connectTimeout, jars);
    }

    /**
     * @param timeout the longest wait for the executors to register, &gt; 0
     * @return these settings with that wait
     */
    public SparkSettings withConnectTimeout(Duration timeout) {
        return new SparkSettings(master, ui, conf, timeout, jars);
    }

    /**
     * @param applicationJars the jars holding the program's classes (see {@link ApplicationJars})
     * @return these settings shipping those jars
     */
    public SparkSettings withJars(List<Path> applicationJars) {
        return new SparkSettings(master, ui, conf, connectTimeout, applicationJars);
    }

    /** @return whether the executors run inside the driver's JVM ({@code local}, {@code local[N]}) */
    public boolean inProcess() {
        return LOCAL.matcher(master).matches();
    }

    /** @return the number of executors of a {@code local-cluster[N,C,MB]} master, or 1 for any other */
    int expectedExecutors() {
        var m = LOCAL_CLUSTER.matcher(master);
        return m.matches() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** @return the worker memory of a {@code local-cluster[N,C,MB]} master in MB, or 0 for any other */
    int localClusterMemoryMb() {
        var m = LOCAL_CLUSTER.matcher(master);
        return m.matches() ? Integer.parseInt(m.group(3)) : 0;
    }

    /** @return whether the master runs on this machine (local or local-cluster), so Spark binds to 127.0.0.1 */
    boolean onThisMachine() {
        return inProcess() || LOCAL_CLUSTER.matcher(master).matches();
    }
}
