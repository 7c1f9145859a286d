package org.stochad.cli;

import java.util.List;
import org.stochad.shower.ToyShower;
import picocli.CommandLine.Option;

/** The {@code --config} option of the {@code stochad shower} commands: which toy-shower configuration(s) to run. */
public final class ShowerConfigOption {

    @Option(names = "--config", paramLabel = "CONFIG",
            description = "Configuration: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ShowerConfigChoice config = ShowerConfigChoice.DEFAULT;

    /** @return the chosen showers */
    List<ToyShower> showers() {
        return config.showers();
    }
}
