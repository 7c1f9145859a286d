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
            try {
                s = LundSettings.fromCmnd(cmnd);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --cmnd " + cmnd + " (" + IoProblem.describe(e) + ")", e);
            }
        }
        return s.withLines(set);
    }
}
