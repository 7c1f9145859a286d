package org.stochad.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stochad.examples.Examples;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.WorkedExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stochad example NAME}: runs one worked example. */
@Command(name = "example", header = "Runs a worked example against its exact value (without NAME: lists them).",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH, modelTransformer = ExampleCommand.Footer.class,
        description = {"Runs a worked example: prints its estimates next to an independent exact value and"
                + " writes its plots to --out. Without NAME, lists the examples and their parameters. A --samples above"
                + " 1000000 is first timed by a pilot of 100000 samples and refused when the run would take more"
                + " than an hour (--force runs it anyway).", ""})
public final class ExampleCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Names.class,
            description = "The example: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Set one of the example's parameters (repeatable), e.g. -P p=0.3.")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--force", description = "Run even when a pilot run estimates more than an hour for --samples.")
    boolean force;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** What each example shows, in a few words, for the help's footer. */
    static final Map<String, String> HEADLINES = Map.of(
            "intro", "StochasticAD.jl's intro program (Binomial, Bernoulli, Normal)",
            "sin-bernoulli", "x² + Bernoulli(sin²(2x)) and ordinary AD's wrong answer 2x",
            "random-walk", "StochasticAD.jl's random walk vs its exact derivative; variance across n",
            "game-of-life", "stochastic Game of Life by replay vs a CRN difference",
            "poisson-fit", "Adam on KL(Poisson(p) ‖ NegBin(10, 0.25))",
            "inventory", "30-day inventory with control flow, replay vs exact",
            "biased", "smoothed and straight-through (biased): bias and variance vs exact, toy shower too");

    /** Writes the footer from the examples themselves: each one's name, headline and parameter defaults. */
    static final class Footer implements picocli.CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            java.util.List<String> lines = new java.util.ArrayList<>(List.of("",
                    "Examples (parameters and their defaults, set with -P NAME=VALUE):"));
            for (WorkedExample e : Examples.all()) {
                String headline = HEADLINES.get(e.name());
                if (headline == null) {
                    throw new IllegalStateException("example " + e.name() + " has no headline");
                }
                StringBuilder line = new StringBuilder(String.format("  %-14s %s", e.name(), headline));
                String sep = "; ";
                for (Map.Entry<String, Double> p : new java.util.TreeMap<>(e.parameters()).entrySet()) {
                    line.append(sep).append(p.getKey()).append('=').append(number(p.getValue()));
                    sep = " ";
                }
                lines.add(line.toString());
            }
            spec.usageMessage().footer(lines.toArray(new String[0]));
            return spec;
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** The example names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Examples.names().iterator();
        }
    }

    /**
     * @param e     an example's refusal
     * @param given the -P values given
     * @return the refusal, prefixed with the -P values when it does not name them itself (e.g. an
     *         estimator that cannot work at a parameter's edge)
     */
    static IllegalArgumentException naming(IllegalArgumentException e, Map<String, Double> given) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (given.isEmpty() || message.startsWith("--") || given.keySet().stream()
                .anyMatch(k -> message.startsWith(k + " = "))) {
            return e;
        }
        StringBuilder at = new StringBuilder("at");
        given.forEach((k, v) -> at.append(" -P ").append(k).append('=').append(v));
        return new IllegalArgumentException(at + ": " + message, e);
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
        RunSettings settings = common.settings();
        Report report;
        try {
            TimeLimit.ONE_HOUR.check(settings, force, pilot -> example.run(pilot, given));
            report = example.run(settings, given);
        } catch (IllegalArgumentException e) {
            throw naming(e, given);
        }
        ReportPrinter.print(List.of(report), common.format, out, spec.commandLine().getErr());
        return 0;
    }
}
