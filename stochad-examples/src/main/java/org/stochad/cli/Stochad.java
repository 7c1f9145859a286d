package org.stochad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
            refuseSparkWhereUnsupported(parsed);
            List<Path> fresh = missingFolders(parsed);
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (RuntimeException e) {
                removeEmpty(fresh);
                throw e;
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
    /** The options that name output folders, which a command creates when they are missing. */
    private static final List<String> FOLDERS = List.of("--out", "--figures");

    /** The options that name output files, whose folders a command creates when they are missing. */
    private static final List<String> FILES = List.of("--hepmc");

    /**
     * @param top the parsed command line
     * @return the output folders (and their ancestors) that do not exist yet, deepest first
     */
    private static List<Path> missingFolders(CommandLine.ParseResult top) {
        List<Path> missing = new ArrayList<>();
        for (CommandLine.ParseResult level = top; level != null; level = level.subcommand()) {
            for (String name : concat(FOLDERS, FILES)) {
                CommandLine.Model.OptionSpec option = level.commandSpec().findOption(name);
                if (option != null && option.getValue() instanceof Path given) {
                    Path dir = FILES.contains(name) ? given.toAbsolutePath().getParent() : given;
                    if (dir == null) {
                        continue;
                    }
                    for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
                        if (!missing.contains(p)) {
                            missing.add(p);
                        }
                    }
                }
            }
        }
        missing.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return missing;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * After a failed command, removes the folders it created that are still empty, so a mistake
     * leaves the file system as it was.
     */
    private static void removeEmpty(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | SecurityException e) {
                // not empty or not ours to remove: leave it
            }
        }
    }

    /** The commands that run on Spark when --spark is given; every other command refuses the option. */
    static final java.util.Set<Class<?>> SPARK_COMMANDS = java.util.Set.of(Stochad.class, DemoCommand.class,
            ExampleCommand.class, ShowerScanCommand.class, ShowerCompareCommand.class, ShowerOptimizeCommand.class,
            ShowerDesignCommand.class, HadronGenerateCommand.class, HadronGradientCommand.class,
            HadronCompareCommand.class, HadronFitCommand.class);

    /** Why a command refuses --spark: it measures time in this process or estimates nothing. */
    private static final Map<Class<?>, String> NOT_ON_SPARK = Map.of(
            ShowerCostCommand.class, "it times the estimators on one thread of this process",
            ShowerDesignCostCommand.class, "it times the estimators on one thread of this process",
            ShowerDisplayCommand.class, "it draws one shower, there is nothing to distribute");

    /** A command that would silently run in-process with --spark given refuses it, as a parameter error. */
    private static void refuseSparkWhereUnsupported(CommandLine.ParseResult top) {
        CommandLine.ParseResult leaf = top;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        CommandLine.Model.OptionSpec spark = leaf.commandSpec().findOption("--spark");
        if (spark == null || spark.getValue() == null
                || SPARK_COMMANDS.contains(leaf.commandSpec().userObject().getClass())) {
            return;
        }
        String why = NOT_ON_SPARK.getOrDefault(leaf.commandSpec().userObject().getClass(), "not yet");
        throw new CommandLine.ParameterException(leaf.commandSpec().commandLine(), "--spark = " + spark.getValue()
                + ": 'stochad "
                + leaf.commandSpec().qualifiedName(" ").replaceFirst("^stochad ", "")
                + "' does not run on Spark (" + why + "; these do: demo, example, shower scan|compare|optimize|design,"
                + " hadron generate|gradient|compare|fit)");
    }

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

    /**
     * The single place where a failed command becomes an exit code: a user's mistake (a bad value,
     * an unreadable or unwritable file) is one line on standard error and exit code 2; anything else
     * is an internal error, reported by picocli with its stack trace and exit code 1.
     */
    private static int executionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        Exception cause = unwrap(e);
        String message = userMessage(cause);
        if (message == null) {
            throw cause;
        }
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + message);
        err.flush();
        return USAGE_ERROR;
    }

    /**
     * @param e an exception that ended a command
     * @return its one-line message when it is a user's mistake, or null for an internal error
     */
    static String userMessage(Exception e) {
        if (e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException) {
            return firstLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException u) {
            return u.getMessage() == null ? IoProblem.describe(u.getCause()) : firstLine(u.getMessage());
        }
        if (e instanceof java.io.IOException io) {
            return firstLine(IoProblem.describe(io));
        }
        return null;
    }

    /** Strips the wrappers that worker threads and reflection put around the exception that matters. */
    private static Exception unwrap(Exception e) {
        Exception x = e;
        while ((x instanceof java.util.concurrent.CompletionException
                || x instanceof java.util.concurrent.ExecutionException
                || x instanceof java.lang.reflect.UndeclaredThrowableException
                || x instanceof java.lang.reflect.InvocationTargetException)
                && x.getCause() instanceof Exception c) {
            x = c;
        }
        return x;
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
