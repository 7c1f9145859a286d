package org.stochad.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code stochad} command that runs with the common options and prints its reports as a table,
 * CSV or JSON.
 */
abstract class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /**
     * @param settings the checked common options (the output folder exists and is writable)
     * @return the reports to print
     */
    abstract List<Report> reports(RunSettings settings);

    @Override
    public Integer call() {
        RunSettings settings = common.settings();
        List<Report> reports = reports(settings);
        ReportPrinter.print(reports, common.format, spec.commandLine().getOut(), spec.commandLine().getErr());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The sample budget of a command whose own name for it is {@code --events}: {@code --events}
     * or, as a synonym, {@code --samples}; when neither is given, the default of {@code --events}.
     *
     * @param events  the value of {@code --events} (its default when not given)
     * @param minimum the smallest allowed value
     * @return the budget
     * @throws IllegalArgumentException when both are given with different values, or the value is too small
     */
    int events(int events, int minimum) {
        boolean given = matched("--events");
        Integer samples = common.samples;
        if (given && samples != null && events != samples) {
            throw new IllegalArgumentException("--events = " + events + " and --samples = " + samples
                    + " disagree (they mean the same here; give one)");
        }
        String name = given || samples == null ? "--events" : "--samples";
        int n = given || samples == null ? events : samples;
        if (n < minimum) {
            throw new IllegalArgumentException(name + " = " + n + " is less than " + minimum);
        }
        return n;
    }

    /**
     * The sample budget of a command whose own name for it is {@code --events} and whose default
     * is not an option's initial value: {@code --events} or, as a synonym, {@code --samples}.
     *
     * @param events   the value of {@code --events}, or null
     * @param fallback the command's default
     * @param minimum  the smallest allowed value
     * @param fallbackName where the default comes from, for the error message (e.g. a settings key)
     * @return the budget
     * @throws IllegalArgumentException when both are given with different values, or the value is too small
     */
    int events(Integer events, int fallback, int minimum, String fallbackName) {
        Integer samples = common.samples;
        if (events != null && samples != null && !events.equals(samples)) {
            throw new IllegalArgumentException("--events = " + events + " and --samples = " + samples
                    + " disagree (they mean the same here; give one)");
        }
        String name = events != null ? "--events" : samples != null ? "--samples" : fallbackName;
        int n = events != null ? events : samples != null ? samples : fallback;
        if (n < minimum) {
            throw new IllegalArgumentException(name + " = " + n + " is less than " + minimum);
        }
        return n;
    }

    /**
     * @param option an option's name
     * @return whether it was given on this command's line
     */
    boolean matched(String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Rejects {@code --samples} for a command whose budget is fixed by other options.
     *
     * @param why what sets the budget instead
     */
    void noSamples(String why) {
        if (common.samples != null) {
            throw new IllegalArgumentException("--samples does not apply here: " + why);
        }
    }

    /** @return whether {@code --seed} was given on this command's line */
    boolean seedGiven() {
        return matched("--seed");
    }
}
