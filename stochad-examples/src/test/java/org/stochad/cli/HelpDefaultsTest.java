package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stochad.examples.Examples;
import org.stochad.examples.RunSettings;
import org.stochad.examples.WorkedExample;
import org.stochad.shower.CostMeasurement;
import org.stochad.shower.EventDisplay;
import org.stochad.shower.LossScan;
import org.stochad.shower.ShowerOptimization;
import org.stochad.shower.ShowerStudy;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Renders the help of every demo, example and shower command and checks each default it shows
 * against the libraries' own options objects, and that the help wraps between words only.
 */
class HelpDefaultsTest {

    private static final Pattern DEFAULT = Pattern.compile("\\(default: ([^;)]*)");

    /** @return the command at a path of subcommand names below {@code stochad} */
    private static CommandLine command(String path) {
        CommandLine cl = Stochad.commandLine();
        for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
            cl = cl.getSubcommands().get(name);
        }
        return cl;
    }

    /** The defaults every command shares, from the example settings. */
    private static Map<String, String> common() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("--seed", Long.toString(RunSettings.DEFAULT_SEED));
        m.put("--out", "./" + RunSettings.DEFAULT_OUT);
        m.put("--format", OutputFormat.TABLE.name().toLowerCase(java.util.Locale.ROOT));
        m.put("--samples", "each command's own, chosen to finish quickly");
        m.put("--threads", "all processors");
        m.put("--progress", "on");
        return m;
    }

    private static String keys(List<org.stochad.Estimator> estimators) {
        return String.join(", ", estimators.stream().map(EstimatorChoice::keyOf).toList());
    }

    /** @return per command, the default each option's help must show */
    private static Map<String, String> expected(String path) {
        Map<String, String> m = common();
        switch (path) {
            case "", "demo", "example", "shower" -> { }
            case "shower scan" -> {
                LossScan.Options d = LossScan.Options.defaults();
                m.put("--config", ShowerConfigChoice.DEFAULT.toString());
                m.put("--from", Double.toString(d.from()));
                m.put("--to", Double.toString(d.to()));
                m.put("--points", Integer.toString(d.points()));
                m.put("--events", Integer.toString(d.events()));
            }
            case "shower compare" -> {
                m.put("--config", ShowerConfigChoice.DEFAULT.toString());
                m.put("--theta", String.join(",", ShowerStudy.DEFAULT_POINTS.stream().map(String::valueOf).toList()));
                m.put("--events", Integer.toString(ShowerStudy.DEFAULT_SAMPLES));
                m.put("--estimators", keys(ShowerStudy.defaultEstimators()));
            }
            case "shower cost" -> {
                CostMeasurement.Options d = CostMeasurement.Options.defaults();
                m.put("--config", ShowerConfigChoice.DEFAULT.toString());
                m.put("--theta", Double.toString(d.theta()));
                m.put("--events", Integer.toString(d.events()));
                m.put("--runs", Integer.toString(d.rounds()));
                m.put("--estimators", keys(ShowerStudy.defaultEstimators()));
            }
            case "shower optimize" -> {
                ShowerOptimization.Protocol d = ShowerOptimization.Protocol.published();
                m.put("--config", ShowerConfigChoice.DEFAULT.toString());
                m.put("--steps", Integer.toString(d.steps()));
                m.put("--runs", Integer.toString(d.runs()));
                m.put("--estimators", keys(ShowerOptimization.defaultEstimators()));
            }
            case "shower display" -> {
                m.put("--config", ShowerConfigChoice.DEFAULT.toString());
                m.put("--theta", Double.toString(EventDisplay.DEFAULT_THETA));
            }
            default -> throw new IllegalArgumentException(path);
        }
        return m;
    }

    private static final String[] COMMANDS = {"", "demo", "example", "shower", "shower scan", "shower compare",
        "shower cost", "shower optimize", "shower display"};

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "example", "shower", "shower scan", "shower compare", "shower cost",
        "shower optimize", "shower display"})
    void everyShownDefaultIsTheLibrarysOwn(String path) {
        CommandSpec spec = command(path).getCommandSpec();
        Map<String, String> expected = expected(path);
        for (OptionSpec o : spec.options()) {
            String description = String.join(" ", o.description());
            Matcher m = DEFAULT.matcher(description);
            if (!m.find()) {
                continue;
            }
            String name = o.longestName().replace("--[no-]", "--");
            assertThat(expected).as("%s %s shows a default no options object backs: %s", path, name, description)
                    .containsKey(name);
            assertThat(m.group(1).strip()).as("%s %s", path, name).isEqualTo(expected.get(name));
            assertThat(m.find()).as("%s %s shows two defaults", path, name).isFalse();
        }
        String help = command(path).getUsageMessage();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (spec.findOption(e.getKey()) != null) {
                assertThat(normalise(help)).as("%s %s", path, e.getKey()).contains("default: " + e.getValue());
            }
        }
    }

    @Test
    void theOptimisationProtocolInTheHelpIsThePublishedOne() {
        ShowerOptimization.Protocol p = ShowerOptimization.Protocol.published();
        String help = normalise(command("shower optimize").getUsageMessage());
        assertThat(help).contains("learning rate " + p.learningRate(), "start θ = " + p.start(),
                p.eventsPerStep() + " showers per step");
    }

    @Test
    void theExampleFooterShowsEachExamplesOwnParameterDefaults() {
        String footer = String.join("\n", command("example").getCommandSpec().usageMessage().footer());
        for (WorkedExample e : Examples.all()) {
            String line = footer.lines().filter(l -> l.startsWith("  " + e.name() + " ")).findFirst().orElseThrow();
            Map<String, Double> shown = new TreeMap<>();
            Matcher m = Pattern.compile("(\\w+)=([-0-9.eE]+)").matcher(line);
            while (m.find()) {
                shown.put(m.group(1), Double.parseDouble(m.group(2)));
            }
            assertThat(shown).as(e.name()).isEqualTo(new TreeMap<>(e.parameters()));
        }
    }

    @Test
    void helpWrapsBetweenWordsOnly() {
        for (String path : COMMANDS) {
            CommandLine cl = command(path);
            CommandSpec spec = cl.getCommandSpec();
            String help = normalise(cl.getUsageMessage());
            for (String d : spec.usageMessage().description()) {
                assertThat(help).as("%s: description", path).contains(normalise(interpolated(cl, d)));
            }
            for (OptionSpec o : spec.options()) {
                assertThat(help).as("%s %s", path, o.longestName())
                        .contains(normalise(String.join(" ", o.description())));
            }
        }
    }

    /** The text with its {@code ${bundle:KEY}} variables replaced from {@link HelpValues} and %% as %. */
    private static String interpolated(CommandLine cl, String text) {
        java.util.ResourceBundle bundle = new HelpValues();
        Matcher m = Pattern.compile("\\$\\{bundle:([^}]+)}").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(bundle.getString(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString().replace("%%", "%");
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
