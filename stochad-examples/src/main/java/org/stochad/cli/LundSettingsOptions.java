package org.stochad.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stochad.lund.LundSettings;
import picocli.CommandLine.Option;

/** The generator settings of a {@code stochad hadron} command: a Pythia-style file and key=value overrides. */
public final class LundSettingsOptions {

    @Option(names = "--cmnd", paramLabel = "FILE",
            description = "Pythia-style settings file (key = value lines; ! and # start comments).")
    Path cmnd;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "One setting, applied after --cmnd (repeatable), e.g. --set StringZ:aLund=0.72."
                    + " 'stochad hadron settings' lists every key.")
    List<String> set = new ArrayList<>();

    /**
     * @return the defaults, then the file, then the overrides
     * @throws IllegalArgumentException on an unknown key or a bad value
     * @throws UncheckedIOException     when the file cannot be read
     */
    LundSettings load() {
        return load(LundSettings.defaults());
    }

    /**
     * @param base the settings to start from when no --cmnd file is given
     * @return the base or the file, then the overrides
     * @throws IllegalArgumentException on an unknown key or a bad value
     * @throws UncheckedIOException     when the file cannot be read
     */
    LundSettings load(LundSettings base) {
        LundSettings s;
        if (cmnd == null) {
            s = base;
        } else {
            if (java.nio.file.Files.isDirectory(cmnd)) {
                throw new IllegalArgumentException("--cmnd " + cmnd + " is a folder, not a settings file");
            }
            try {
                s = LundSettings.fromCmnd(cmnd);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --cmnd " + cmnd + " (" + IoProblem.describe(e) + ")", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cmnd " + cmnd + ": " + e.getMessage(), e);
            }
        }
        for (String line : set) {
            try {
                s = s.withLines(List.of(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set " + line + ": " + e.getMessage(), e);
            }
        }
        return s;
    }

    /**
     * Runs a generator task and turns its "fragmentation failed {@code Lund:maxRetries} times"
     * state error, which the settings cause, into a user error naming the setting and its value.
     *
     * @param <T>      the task's result
     * @param settings the settings the task runs with
     * @param task     the task
     * @return the task's result
     * @throws IllegalArgumentException when fragmentation gave up after the allowed retries
     */
    static <T> T explainingRetries(LundSettings settings, java.util.function.Supplier<T> task) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof IllegalStateException && t.getMessage() != null
                        && t.getMessage().contains(LundSettings.MAX_RETRIES)) {
                    throw new IllegalArgumentException(LundSettings.MAX_RETRIES + " = " + settings.maxRetries()
                            + " is too small for these settings: " + t.getMessage(), e);
                }
            }
            throw e;
        }
    }
}
