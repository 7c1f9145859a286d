package org.stochad.cli;

import java.util.List;
import org.stochad.shower.ToyShower;
import picocli.CommandLine.Option;

/** The {@code --config} option of the {@code stochad shower} commands: which toy-shower configuration(s) to run. */
public final class ShowerConfigOption {

    @Option(names = "--config", paramLabel = "CONFIG", defaultValue = "shower",
            description = "Configuration: shower, eloss or both (default: ${DEFAULT-VALUE}).")
    ShowerConfigChoice config;

    /** @return the chosen showers */
    List<ToyShower> showers() {
        return config.showers();
    }
}
