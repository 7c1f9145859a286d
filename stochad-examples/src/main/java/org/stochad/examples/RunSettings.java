package org.stochad.examples;

import java.nio.file.Path;

/**
 * How to run an example: seed, sample budget, threads, output folder and whether to show progress.
 *
 * @param seed     the seed of every estimate
 * @param samples  samples per estimate, or 0 for the example's own default
 * @param threads  worker threads, &ge; 1
 * @param out      the folder that receives plots and CSV files
 * @param progress whether to show progress bars on standard error
 */
public record RunSettings(long seed, int samples, int threads, Path out, boolean progress) {

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
    }

    /**
     * @param out the output folder
     * @return quiet settings with the default seed, default samples and all cores
     */
    public static RunSettings defaults(Path out) {
        return new RunSettings(DEFAULT_SEED, 0, Runtime.getRuntime().availableProcessors(), out, false);
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
        return new RunSettings(seed, n, threads, out, progress);
    }

    /**
     * @param fileName a file name
     * @return the file's path in the output folder
     */
    public Path file(String fileName) {
        return out.resolve(fileName);
    }
}
