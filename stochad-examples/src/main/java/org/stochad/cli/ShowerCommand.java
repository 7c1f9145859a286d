package org.stochad.cli;

import picocli.CommandLine.Command;

/** {@code stochad shower}: the Kagan–Heinrich toy particle shower and its detector-design problem. */
@Command(name = "shower", header = "The toy particle shower: scan, compare, optimize, cost, display, design.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        subcommands = {ShowerScanCommand.class, ShowerCompareCommand.class, ShowerOptimizeCommand.class,
            ShowerCostCommand.class, ShowerDisplayCommand.class,
            ShowerDesignCommand.class, ShowerDesignCostCommand.class},
        description = {
            "The toy particle shower of Kagan & Heinrich (arXiv 2308.16680): a particle crosses a material"
                    + " annulus whose inner radius θ is the design parameter; the loss is (D − 2)², D the mean"
                    + " radius of the interaction hits. Configurations: 'shower' (every interaction splits) and"
                    + " 'eloss' (interactions only cost energy).", ""},
        footer = {"", "Each subcommand writes its PNG/CSV/text files to --out and prints their paths."})
public final class ShowerCommand {
}
