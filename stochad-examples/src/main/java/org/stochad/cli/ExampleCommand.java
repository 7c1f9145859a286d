package org.stochad.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stochad.examples.Examples;
import org.stochad.examples.Report;
import org.stochad.examples.WorkedExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stochad example NAME}: runs one worked example. */
@Command(name = "example", header = "Runs a worked example against its exact value (without NAME: lists them).",
        mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Runs a worked example: prints its estimates next to an independent exact value and"
                + " writes its plots to --out. Without NAME, lists the examples and their parameters.", ""},
        footer = {"", "Examples (parameters and their defaults, set with -P NAME=VALUE):",
            "  intro          StochasticAD.jl's intro program (Binomial, Bernoulli, Normal); p=0.6",
            "  sin-bernoulli  x² + Bernoulli(sin²(2x)) and ordinary AD's wrong answer 2x; x=0.7",
            "  random-walk    StochasticAD.jl's random walk vs its exact derivative; variance across n",
            "  game-of-life   stochastic Game of Life by replay vs a CRN difference; p=0.5 theta=0.1",
            "  poisson-fit    Adam on KL(Poisson(p) ‖ NegBin(10, 0.25)); start=5 rate=0.5 steps=400",
            "  inventory      30-day inventory with control flow, replay vs exact; lambda=3 r=0.5"})
public final class ExampleCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Names.class,
            description = "The example: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Set one of the example's parameters (repeatable), e.g. -P p=0.3.")
    Map<String, Double> params = new LinkedHashMap<>();

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** The example names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Examples.names().iterator();
        }
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (name == null) {
            for (WorkedExample e : Examples.all()) {
                out.printf("%-14s %s%n", e.name(), e.summary());
                if (!e.parameters().isEmpty()) {
                    out.printf("%-14s parameters: %s%n", "", new java.util.TreeMap<>(e.parameters()));
                }
            }
            out.flush();
            return 0;
        }
        WorkedExample example = Examples.byName(name);
        Map<String, Double> given = new LinkedHashMap<>(params);
        example.resolve(given);
        Report report = example.run(common.settings(), given);
        ReportPrinter.print(List.of(report), common.format, out, spec.commandLine().getErr());
        return 0;
    }
}
