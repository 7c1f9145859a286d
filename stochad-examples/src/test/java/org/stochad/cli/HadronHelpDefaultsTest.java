package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stochad.cli.Cli.ok;
import static org.stochad.cli.Cli.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stochad.cli.lund.HadronDefaults;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitStudy;
import org.stochad.lund.fit.LundFit;
import org.stochad.lund.fit.PseudoData;
import org.stochad.lund.study.GradientComparison;

/**
 * Every default a {@code stochad hadron} help text shows is the library's own: each option's help
 * (joined over its wrapped lines) names the value of {@link LundFit.Options#docs()},
 * {@link GradientComparison.Options#docs()}, their quick runs, or {@link LundSettings#defaults()}.
 */
class HadronHelpDefaultsTest {

    @Test
    void fitHelpShowsTheFitOptionsDefaults() {
        LundFit.Options d = LundFit.Options.docs();
        LundFit.Options q = LundFit.Options.quick();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("--steps", pair(d.steps(), q.steps()));
        expected.put("--lr", pair(d.learningRate(), q.learningRate()));
        expected.put("--repeats", pair(d.repeats(), q.repeats()));
        expected.put("--base-events", pair(d.baseEvents(), q.baseEvents()));
        expected.put("--hist-events", pair(d.histogramEvents(), q.histogramEvents()));
        expected.put("--grad-samples", pair(d.gradientSamples(), q.gradientSamples()));
        expected.put("--seed", "default: " + d.seed() + ")");
        expected.put("--gradient", "default: " + (LundFit.DEFAULT_GRADIENT == LundFit.Gradient.JACOBIAN ? "jacobian"
                : "scalar") + ")");
        expected.put("--pseudo-events", "default: " + PseudoData.DOCS_EVENTS + ")");
        StringBuilder starts = new StringBuilder();
        for (double[] s : FitStudy.defaultStarts()) {
            starts.append(starts.length() == 0 ? "" : " and ").append(HadronDefaults.text(s[0])).append(',')
                    .append(HadronDefaults.text(s[1]));
        }
        expected.put("--start", "default: " + starts + ")");
        check(help("hadron", "fit", "--help"), expected);
    }

    @Test
    void compareHelpShowsTheComparisonOptionsDefaults() {
        GradientComparison.Options d = GradientComparison.Options.docs();
        GradientComparison.Options q = GradientComparison.Options.quick();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("--fd-samples", pair(d.fdSamples(), q.fdSamples()));
        expected.put("--study-samples", pair(d.studySamples(), q.studySamples()));
        expected.put("--z-samples", pair(d.singleZSamples(), q.singleZSamples()));
        expected.put("--seed", "default: " + d.seed() + ")");
        String help = help("hadron", "compare", "--help");
        check(help, expected);
        assertThat(flat(help)).contains("--samples sets the samples per estimator of (1) (default: "
                + d.samples() + ", --quick " + q.samples() + ")");
    }

    @Test
    void generateHelpShowsTheSettingsDefaults() {
        LundSettings s = LundSettings.defaults();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("--seed", "default: " + s.seed() + ")");
        expected.put("--events", "Main:numberOfEvents, " + s.events() + " unless");
        String help = help("hadron", "generate", "--help");
        check(help, expected);
        assertThat(flat(help)).contains("Random:seed (default: " + s.seed() + ")");
    }

    @Test
    void noHadronHelpShowsALiteralThatDisagrees() {
        // the values the old help texts showed in place of the library's
        assertThat(flat(help("hadron", "fit", "--help"))).doesNotContain("default: 4,");
        assertThat(flat(help("hadron", "compare", "--help"))).doesNotContain("100000").doesNotContain("20000,");
        assertThat(flat(help("hadron", "generate", "--help"))).doesNotContain("default: 42");
    }

    private static String pair(double docs, double quick) {
        return "default: " + HadronDefaults.text(docs) + ", --quick " + HadronDefaults.text(quick) + ")";
    }

    private static String help(String... args) {
        return ok(run(args)).out();
    }

    /** The help with its wrapped lines joined. */
    private static String flat(String help) {
        return help.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Checks that each option's entry (from its name to the next option) contains the expected default. */
    private static void check(String help, Map<String, String> expected) {
        String[] lines = help.split("\\R");
        expected.forEach((option, text) -> {
            StringBuilder entry = new StringBuilder();
            boolean in = false;
            for (String line : lines) {
                String t = line.strip();
                boolean starts = t.startsWith("-");
                if (starts) {
                    in = Arrays.stream(t.split("[ ,=]")).anyMatch(w -> w.equals(option));
                }
                if (in) {
                    entry.append(' ').append(t);
                }
            }
            assertThat(entry.toString()).as("help of %s", option).isNotBlank().contains(text);
        });
    }
}
