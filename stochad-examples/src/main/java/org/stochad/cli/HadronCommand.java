package org.stochad.cli;

import picocli.CommandLine.Command;

/** {@code stochad hadron}: the Lund string-fragmentation generator of a q-q̄ string. */
@Command(name = "hadron", header = "Lund string fragmentation: generate, compare gradient estimators, fit (a, b).",
        mixinStandardHelpOptions = true, usageHelpWidth = 100,
        subcommands = {HadronGenerateCommand.class, HadronGradientCommand.class, HadronCompareCommand.class, HadronFitCommand.class,
            HadronSettingsCommand.class},
        description = {
            "Lund string fragmentation of a q-q̄ string along z in its rest frame (Pythia 8's algorithm),"
                    + " with every parameter-dependent choice drawn through the StochAD sampler. Settings use"
                    + " Pythia's names (StringZ:aLund, StringZ:bLund, StringPT:sigma, StringFlav:probStoUD, ...),"
                    + " read from --cmnd FILE and --set KEY=VALUE.", ""})
public final class HadronCommand {
}
