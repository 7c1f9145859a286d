package org.stochad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stochad hadron settings}: prints every generator setting as a .cmnd file. */
@Command(name = "settings", header = "Print every generator setting as a .cmnd file.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Prints every generator setting (the defaults, or after --cmnd and --set) as a Pythia-style"
                + " .cmnd file, ready to edit and pass back with --cmnd.", ""})
public final class HadronSettingsCommand implements Callable<Integer> {

    @Mixin
    LundSettingsOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(settings.load().toCmnd());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
