package org.stochad.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stochad demo}: a short tour that compares the estimators and writes plots. */
@Command(name = "demo", header = "A short tour: every estimator on a textbook example and the toy shower, with plots.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        description = {
            "A short tour (well under a minute): every estimator on f(x) = x² + Bernoulli(sin²(2x)) at five"
                    + " points, next to the exact derivative and the ordinary-AD answer 2x, then on the toy particle"
                    + " shower at one design point (--samples/10 showers). Writes a variance-study plot, a derivative"
                    + " plot and CSV files to --out and prints their paths.", ""})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(common, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** @return the demo's sections, in order */
    static List<DemoSection> sections() {
        List<DemoSection> sections = new ArrayList<>();
        sections.add(new SinBernoulliTour());
        sections.add(new ShowerTour());
        return sections;
    }

    static int run(CommonOptions options, PrintWriter out, PrintWriter err) {
        RunSettings settings = options.settings();
        List<Report> reports = new ArrayList<>();
        long start = System.nanoTime();
        for (DemoSection s : sections()) {
            reports.add(s.run(settings));
        }
        ReportPrinter.print(reports, options.format, out, err);
        if (options.format == OutputFormat.TABLE) {
            out.printf(java.util.Locale.ROOT, "demo finished in %.1f s; more: stochad example --help%n",
                    (System.nanoTime() - start) / 1e9);
            out.flush();
        }
        return 0;
    }
}
