package org.stochad.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stochad.examples.RunSettings;

/**
 * Refuses, before any output, a sample count that would run for more than an hour: a short pilot
 * run with {@link #PILOT_SAMPLES} samples (into a temporary folder, then deleted) is timed and
 * scaled linearly. The fixed costs of the pilot (exact values, plots) make the estimate err on
 * the long side. {@code --force} skips the check.
 *
 * @param limitSeconds the longest run allowed without {@code --force}
 */
record TimeLimit(double limitSeconds) {

    /** The limit of every command that checks it: one hour. */
    static final TimeLimit ONE_HOUR = new TimeLimit(3600);

    /** Samples of the pilot run. */
    static final int PILOT_SAMPLES = 100_000;

    /** Sample counts up to this many run without a pilot (a pilot would cost a tenth of the run or more). */
    static final int UNCHECKED_SAMPLES = 10 * PILOT_SAMPLES;

    /**
     * @param settings the run's settings (their sample count is the one checked)
     * @param force    whether {@code --force} was given
     * @param run      runs the command with the settings it is given, writing only into their folder
     * @throws IllegalArgumentException naming {@code --samples} when the run would exceed the limit
     */
    void check(RunSettings settings, boolean force, Consumer<RunSettings> run) {
        if (force || settings.samples() <= UNCHECKED_SAMPLES) {
            return;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("stochad-pilot-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the --samples pilot run ("
                    + IoProblem.describe(e) + "); give --force to skip the pilot", e);
        }
        double seconds;
        try {
            long start = System.nanoTime();
            run.accept(new RunSettings(settings.seed(), PILOT_SAMPLES, settings.threads(), dir, false));
            seconds = (System.nanoTime() - start) / 1e9;
        } finally {
            delete(dir);
        }
        double estimate = seconds * settings.samples() / PILOT_SAMPLES;
        if (estimate > limitSeconds) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--samples = %d would take about %s"
                    + " (a pilot of %d samples took %.1f s), more than the limit of %s; give fewer --samples or"
                    + " --force", settings.samples(), duration(estimate), PILOT_SAMPLES, seconds,
                    duration(limitSeconds)));
        }
    }

    /**
     * @param seconds a duration
     * @return it in hours, minutes or seconds, e.g. {@code 14 h}
     */
    static String duration(double seconds) {
        if (seconds >= 2 * 86400) {
            return String.format(Locale.ROOT, "%.0f days", seconds / 86400);
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the pilot's files live in the system's temporary folder
        }
    }
}
