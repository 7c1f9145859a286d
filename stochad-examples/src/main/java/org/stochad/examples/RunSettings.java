package org.stochad.examples;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.stochad.Estimator;
import org.stochad.TaskRunner;

/**
 * How to run an example: seed, sample budget, threads, output folder and whether to show progress.
 *
 * @param seed     the seed of every estimate
 * @param samples  samples per estimate, or 0 for the example's own default
 * @param threads  worker threads, &ge; 1
 * @param out      the folder that receives plots and CSV files
 * @param progress whether to show progress bars on standard error
 * @param placement where estimates run: the identity runs them in this process on {@code threads}
 *                  threads; {@code stochad --spark} wraps each estimator to run on a Spark cluster
 *                  (the estimates are the same, bit for bit)
 * @param tasks     where loops over independent tasks (optimisation runs, scan points) run, or null for
 *                  {@code threads} threads of this process; {@code stochad --spark} runs them on the cluster
 */
public record RunSettings(long seed, int samples, int threads, Path out, boolean progress,
                          UnaryOperator<Estimator> placement, TaskRunner tasks) {

    /** The seed when none is given: the seed of every number in the tests and the documentation. */
    public static final long DEFAULT_SEED = 42;

    /** The output folder when none is given, relative to the working directory. */
    public static final String DEFAULT_OUT = "stochad-out";

    /**
     * Checks the settings.
     *
     * @param seed the seed of every estimate
     * @param samples samples per estimate, or 0 for the example's own default
     * @param threads worker threads, &ge; 1
     * @param out the folder that receives plots and CSV files
     * @param progress whether to show progress bars on standard error
     * @param placement where estimates run (the identity: in this process)
     * @param tasks where independent tasks run (null: on {@code threads} threads of this process)
     */
    public RunSettings {
        if (samples != 0 && samples < 2) {
            throw new IllegalArgumentException("--samples = " + samples + " is less than 2");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads = " + threads + " is less than 1");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out = null");
        }
        if (placement == null) {
            throw new IllegalArgumentException("placement = null");
        }
        if (tasks == null) {
            tasks = TaskRunner.threads(threads);
        }
    }

    /**
     * Settings that run every independent task on this process's threads.
     *
     * @param seed      the seed of every estimate
     * @param samples   samples per estimate, or 0 for the example's own default
     * @param threads   worker threads, &ge; 1
     * @param out       the folder that receives plots and CSV files
     * @param progress  whether to show progress bars on standard error
     * @param placement where estimates run (the identity: in this process)
     */
    public RunSettings(long seed, int samples, int threads, Path out, boolean progress,
                       UnaryOperator<Estimator> placement) {
        this(seed, samples, threads, out, progress, placement, null);
    }

    /**
     * Settings that run every estimate in this process.
     *
     * @param seed     the seed of every estimate
     * @param samples  samples per estimate, or 0 for the example's own default
     * @param threads  worker threads, &ge; 1
     * @param out      the folder that receives plots and CSV files
     * @param progress whether to show progress bars on standard error
     */
    public RunSettings(long seed, int samples, int threads, Path out, boolean progress) {
        this(seed, samples, threads, out, progress, UnaryOperator.identity());
    }

    /**
     * @param estimator an estimator
     * @return it where these settings run estimates (itself in this process)
     */
    public Estimator place(Estimator estimator) {
        return placement.apply(estimator);
    }

    /**
     * @param out the output folder
     * @return quiet settings with the default seed, default samples and all cores
     */
    public static RunSettings defaults(Path out) {
        return new RunSettings(DEFAULT_SEED, 0, Runtime.getRuntime().availableProcessors(), out, false);
    }

    /** @return whether estimates and tasks run in this process (no {@code --spark}) */
    public boolean inProcess() {
        return tasks.inProcess();
    }

    /**
     * @param exampleDefault the example's default
     * @return the sample count to use
     */
    public int samplesOr(int exampleDefault) {
        return samples == 0 ? exampleDefault : samples;
    }

    /**
     * @param n samples
     * @return these settings with that sample count
     */
    public RunSettings withSamples(int n) {
        return new RunSettings(seed, n, threads, out, progress, placement, tasks);
    }

    /**
     * @param fileName a file name
     * @return the file's path in the output folder
     */
    public Path file(String fileName) {
        return out.resolve(fileName);
    }
}
