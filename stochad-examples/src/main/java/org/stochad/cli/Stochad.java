package org.stochad.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code stochad} command-line program: a demo tour (the default) and the worked examples,
 * with shared options for seed, samples, threads, output folder and format. User mistakes end
 * with one line on standard error and exit code 2.
 */
@Command(name = "stochad", mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH, version = "stochad 0.1.0",
        subcommands = {DemoCommand.class, ExampleCommand.class, ShowerCommand.class, HadronCommand.class},
        description = {
            "Automatic differentiation of programs with discrete randomness: stochastic AD (propagation and"
                    + " replay), score-function and finite-difference gradient estimators, side by side.",
            "",
            "Without a command, runs 'demo' (the common options below then apply to it).", ""},
        footer = {"", "Exit codes: 0 success, 2 user mistake (bad option, value or output folder), 1 internal error."})
public final class Stochad implements Callable<Integer> {

    /** Width of every help text, characters; descriptions wrap between words within it. */
    public static final int HELP_WIDTH = 100;

    /** Exit code for user mistakes. */
    public static final int USAGE_ERROR = 2;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Runs the demo when no subcommand is given. */
    @Override
    public Integer call() {
        return DemoCommand.run(common, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * @return a command line with the program's error handling: one readable line and exit code 2
     *         for user mistakes
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Stochad());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Stochad::parameterError);
        cl.setExecutionExceptionHandler(Stochad::executionError);
        cl.setExecutionStrategy(parsed -> {
            inheritSharedOptions(parsed);
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
                    for (CommandLine.Model.CommandSpec mixin : level.commandSpec().mixins().values()) {
                        if (mixin.userObject() instanceof CommonOptions common) {
                            common.close();
                        }
                    }
                }
            }
        });
        return cl;
    }

    /** The options of {@link CommonOptions}, which every command accepts. */
    private static final List<String> SHARED = List.of("--seed", "--samples", "--threads", "--out", "--format",
            "--progress", "--spark", "--spark-ui");

    /**
     * Hands the shared options given before a subcommand ({@code stochad --out DIR shower scan}) down to
     * the subcommand that runs, unless it was given its own value.
     */
    private static void inheritSharedOptions(CommandLine.ParseResult top) {
        Map<String, Object> given = new HashMap<>();
        for (CommandLine.ParseResult level = top; level != null; level = level.subcommand()) {
            for (String name : SHARED) {
                CommandLine.Model.OptionSpec option = level.commandSpec().findOption(name);
                if (option == null) {
                    continue;
                }
                if (level.hasMatchedOption(name)) {
                    given.put(name, option.getValue());
                } else if (given.containsKey(name)) {
                    option.setValue(given.get(name));
                }
            }
        }
    }

    private static int parameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = firstLine(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && cl.getCommandSpec().subcommands().isEmpty() == false && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", cl.getSubcommands().keySet()) + ")";
        }
        err.println(cl.getCommandSpec().qualifiedName() + ": " + message + " (see --help)");
        err.flush();
        return USAGE_ERROR;
    }

    private static int executionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            PrintWriter err = cl.getErr();
            err.println(cl.getCommandSpec().qualifiedName() + ": " + firstLine(e.getMessage()));
            err.flush();
            return USAGE_ERROR;
        }
        throw e;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        if (SparkRun.wanted(args) && !SparkRun.onClassPath()) {
            System.exit(SparkRun.relaunch(args, System.err));
        }
        System.exit(commandLine().execute(args));
    }
}
