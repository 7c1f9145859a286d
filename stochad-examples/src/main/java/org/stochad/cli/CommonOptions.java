package org.stochad.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.stochad.examples.RunSettings;
import picocli.CommandLine.Option;

/** The options every {@code stochad} command shares. */
public final class CommonOptions implements AutoCloseable {

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every estimate (default: ${DEFAULT-VALUE}); same seed, same numbers, any --threads.")
    long seed = RunSettings.DEFAULT_SEED;

    @Option(names = "--samples", paramLabel = "N",
            description = "Samples per estimate (default: each command's own, chosen to finish quickly).")
    Integer samples;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for plots and CSV files (default: ./${DEFAULT-VALUE}).")
    Path out = Paths.get(RunSettings.DEFAULT_OUT);

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show progress bars on standard error (default: on; --no-progress turns them off).")
    boolean progress;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run estimates and event generation on Apache Spark: local[*], local[N],"
                    + " local-cluster[N,CORES,MB], spark://HOST:PORT, yarn or k8s://URL. Without it, everything runs"
                    + " in this process on --threads threads. Same numbers, bit for bit (timings aside). It runs"
                    + " demo, example, shower scan, compare, optimize and design, and hadron generate, gradient,"
                    + " compare and fit (the re-simulated fit); shower cost, design-cost and display refuse it.")
    String spark;

    @Option(names = "--spark-ui", description = "With --spark: also start Spark's web UI (off unless given).")
    boolean sparkUi;

    /** The command's Spark application, started on first use; null without --spark. */
    private SparkRun sparkRun;

    /**
     * @return the command's Spark application (started on first use), or null without {@code --spark}
     * @throws IllegalArgumentException for a bad master URL
     */
    SparkRun spark() {
        if (spark == null) {
            return null;
        }
        if (sparkRun == null) {
            sparkRun = SparkRun.of(spark, sparkUi);
        }
        return sparkRun;
    }

    /** Stops the command's Spark application, if one started. */
    @Override
    public void close() {
        if (sparkRun != null) {
            sparkRun.close();
            sparkRun = null;
        }
    }

    /** @return the options as example settings, after checking them and preparing the output folder */
    RunSettings settings() {
        if (samples != null && samples < 2) {
            throw new IllegalArgumentException("--samples = " + samples + " is less than 2");
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads = " + threads + " is less than 1");
        }
        Path dir = out == null ? Paths.get(RunSettings.DEFAULT_OUT) : out;
        prepare(dir, "--out");
        SparkRun run = spark();
        return new RunSettings(seed, samples == null ? 0 : samples,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, dir, progress,
                run == null ? java.util.function.UnaryOperator.identity() : run::place,
                run == null ? null : run.tasks());
    }

    /**
     * Creates an output folder and checks that a file can be written in it.
     *
     * @param dir    the folder
     * @param option the option that named it, for the error message
     * @throws UncheckedIOException naming the option and the folder when it cannot be written
     */
    static void prepare(Path dir, String option) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".stochad-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UncheckedIOException("cannot write to " + option + " " + dir + " (" + reason(e) + ")",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static String reason(Exception e) {
        String simple = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return switch (simple) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "it cannot be created there";
            case "FileAlreadyExistsException" -> "a file of that name exists";
            case "NotDirectoryException" -> "not a folder";
            default -> e.getMessage() == null ? "i/o error" : e.getMessage();
        };
    }
}
