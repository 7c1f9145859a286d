package org.stochad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stochad.cli.chart.EventDisplayImage;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.shower.EventDisplay;
import org.stochad.shower.ShowerEvent;
import org.stochad.shower.ToyShower;
import org.stochad.study.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad shower display}: one shower and the alternative world stochastic AD replayed for it. */
@Command(name = "display", header = "One shower and its replayed alternative world, drawn as a PNG.",
        mixinStandardHelpOptions = true, usageHelpWidth = Stochad.HELP_WIDTH,
        description = {"Draws one shower over the material map beside its alternative world: the same event with"
                + " one interaction draw flipped and every other random number reused, as the stochastic-AD"
                + " estimator replayed it. Uses the first seed from --seed on whose flip happens early enough to"
                + " show. Writes the figure and a text summary, each named toy-shower-display-CONFIG.", ""})
public final class ShowerDisplayCommand extends ReportCommand {

    @Mixin
    ShowerConfigOption config;

    @Option(names = "--theta", paramLabel = "THETA", description = "Inner radius (default: ${DEFAULT-VALUE}).")
    double theta = EventDisplay.DEFAULT_THETA;

    @Override
    List<Report> reports(RunSettings settings) {
        noSamples("the display shows one shower");
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("--theta = " + theta + " is not a finite number >= 0");
        }
        List<Report> reports = new ArrayList<>();
        for (ToyShower shower : config.showers()) {
            String label = shower.config().label();
            String base = ShowerOutputs.base("display", label);
            EventDisplay.Result r = find(shower, settings.seed());
            Path png = EventDisplayImage.write(r, settings.file(base + ".png"));
            Path txt = OutputFiles.writeString(settings.file(base + ".txt"), r.summary() + System.lineSeparator());
            ShowerEvent.Hit flipped = r.flippedHit();
            Table.Builder t = Table.builder(label + " configuration at θ = " + theta + ", seed " + r.seed(), "world",
                    "loss", "depth", "hits", "flipped draw");
            t.row("primal", r.primal().loss(), r.primal().depth(), r.primal().hits().size(),
                    flipped.kind().toString());
            t.row("alternative", r.alternative().loss(), r.alternative().depth(), r.alternative().hits().size(),
                    r.alternative().hits().get(r.flipIndex()).kind().toString());
            reports.add(new Report("shower display: " + label, List.of(t.build()), List.of(
                    String.format(java.util.Locale.ROOT, "flipped: particle %d at step %d, r = %.3f; weight W = %.4g;"
                            + " this sample's derivative W·(loss_alt − loss) = %.4g", flipped.lineage(),
                            flipped.step(), flipped.radius(), r.weight(), r.sample())),
                    List.of(png, txt)));
        }
        return reports;
    }

    /**
     * Finds the shower to draw; a θ at which no seed flips a draw early enough is the user's choice,
     * so it is reported as a bad --theta, not as an internal error.
     */
    private EventDisplay.Result find(ToyShower shower, long seed) {
        try {
            return EventDisplay.of(shower, theta, seed).find();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--theta = " + theta + " shows nothing: " + e.getMessage(), e);
        }
    }
}
