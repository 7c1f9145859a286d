package org.stochad.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.examples.Progress;
import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;
import org.stochad.examples.Table;
import org.stochad.cli.lund.HadronCharts;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.cli.lund.HadronDefaults;
import org.stochad.study.OutputFiles;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.EventTally;
import org.stochad.lund.LundSettings;
import org.stochad.lund.io.HepMC3Writer;
import org.stochad.lund.io.GeneratorHistograms;
import org.stochad.lund.io.GeneratorTally;
import org.stochad.lund.io.HistogramWriters;
import org.stochad.lund.observable.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stochad hadron generate}: fragments strings, prints the summary table and writes histograms. */
@Command(name = "generate", header = "Fragment strings: summary table, histograms (YODA, CSV, PNG), HepMC3.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100, resourceBundle = HadronDefaults.BUNDLE,
        defaultValueProvider = HadronDefaults.GenerateSeed.class,
        description = {"Fragments q-q̄ strings and prints mean multiplicity, charged multiplicity, mean hadron pT²"
                + " and thrust with their standard errors. Writes the multiplicity, charged multiplicity,"
                + " rapidity, x_E, pT and thrust histograms to hadron-histograms.yoda (YODA, per-event"
                + " normalised) and .csv, the summary table to hadron-summary.md, PNG plots hadron-multiplicity.png, hadron-rapidity.png and"
                + " hadron-xE.png, and with --hepmc the events in HepMC3 ASCII. Event i depends only on the"
                + " seed and i: the output is the same for any --threads. The seed is the setting Random:seed"
                + " (default: ${bundle:default.generate.seed}) unless --seed is given.", ""})
public final class HadronGenerateCommand extends ReportCommand {

    @Mixin
    LundSettingsOptions lund;

    @Option(names = {"-n", "--events"}, paramLabel = "N",
            description = "Events (default: the setting Main:numberOfEvents, ${bundle:default.generate.events} unless"
                    + " --cmnd/--set change it;"
                    + " --samples is a synonym).")
    Integer events;

    @Option(names = "--hepmc", paramLabel = "FILE", description = "Also write the events to this HepMC3 ASCII file.")
    Path hepmc;

    @Option(names = "--hepmc-parts", paramLabel = "DIR",
            description = "With --spark: each Spark partition writes its events to DIR/events-PPPPP.hepmc (a"
                    + " contiguous range of events per file; read in partition order, the files hold the events of"
                    + " --hepmc). The events never reach this process. On a real cluster DIR must be a folder every"
                    + " executor can write, e.g. on a shared file system.")
    Path hepmcParts;

    @Override
    List<Report> reports(RunSettings settings) {
        LundSettings s = lund.load();
        int n = events(events, (int) Math.min(Integer.MAX_VALUE, s.events()), 1, LundSettings.EVENTS);
        checkHepMc();
        long seed = seedGiven() ? settings.seed() : s.seed();
        double eCm = s.eCM();
        GeneratorTally.InOrder inOrder = GeneratorTally.inOrder(eCm);
        GeneratorTally[] tally = {null};
        HepMC3Writer writer = openHepMc(s);
        long[] count = {0};
        long[] generationCpu = {-1};
        long start = System.nanoTime();
        SparkRun spark = common.spark();
        List<Path> parts = new ArrayList<>();
        if (hepmcParts != null) {
            tally[0] = LundSettingsOptions.explainingRetries(s, () -> spark.writeHepMc(s, seed, n, hepmcParts,
                    ConsoleProgress.of(settings.progress()), parts));
        } else if (spark != null && writer == null) {
            // only per-block tallies come back: the events stay on the executors
            tally[0] = LundSettingsOptions.explainingRetries(s, () -> spark.tally(s, seed, n,
                    ConsoleProgress.of(settings.progress())));
        } else {
            try (Progress bar = Progress.start(settings, "events", n)) {
                // observables in the worker threads, the sums here in event order, block by block (as the
                // executors of a Spark run count them)
                java.util.function.Consumer<GeneratorHistograms.Observed> sink = o -> {
                    inOrder.accept(o);
                    if (writer != null) {
                        try {
                            writer.write(count[0], o.event());
                        } catch (IOException ex) {
                            throw hepMcProblem(ex);
                        }
                    }
                    count[0]++;
                    bar.step();
                };
                LundSettingsOptions.explainingRetries(s, () -> {
                    if (spark != null) {
                        // the HepMC3 file is written here, in event order: the events travel
                        spark.generate(s, seed, n, e -> sink.accept(GeneratorHistograms.observe(e, eCm)));
                    } else {
                        generationCpu[0] = new EventGenerator(s, false).generate(seed, n, settings.threads(),
                                e -> GeneratorHistograms.observe(e, eCm), sink);
                    }
                    return null;
                });
            } catch (RuntimeException ex) {
                if (writer != null) {
                    writer.abort();
                }
                throw ex;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        GeneratorTally done = tally[0] != null ? tally[0] : inOrder.finish();
        EventTally summary = done.summary();
        GeneratorHistograms histograms = done.histograms();
        List<Histogram> all = histograms.all();
        List<Path> files = new ArrayList<>();
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ex) {
                throw hepMcProblem(ex);
            }
            files.add(hepmc);
        }
        files.addAll(parts);
        Path yoda = settings.file("hadron-histograms.yoda");
        HistogramWriters.writeYoda(yoda, all);
        Path csv = settings.file("hadron-histograms.csv");
        HistogramWriters.writeCsv(csv, all);
        Path pN = settings.file("hadron-multiplicity.png");
        Path pY = settings.file("hadron-rapidity.png");
        Path pX = settings.file("hadron-xE.png");
        HadronCharts.histogram(pN, histograms.multiplicity(), "N (hadrons)", "P(N)", false, true, s);
        HadronCharts.histogram(pY, histograms.rapidity(), "y", "dN/dy per event", false, false, s);
        HadronCharts.histogram(pX, histograms.xE(), "x_E", "dN/dx_E per event", true, false, s);
        Path md = settings.file("hadron-summary.md");
        OutputFiles.writeString(md, summary.toMarkdown() + String.format(Locale.ROOT,
                "%nseed %d, %d events, %s%n", seed, n, where(settings)));
        files.addAll(List.of(pN, pY, pX, yoda, csv, md));
        Table.Builder t = Table.builder(String.format(Locale.ROOT, "%d events, E_CM = %s GeV, seed %d", n,
                fmt(eCm), seed), "quantity", "mean", "std.err");
        t.row("multiplicity ⟨N⟩", summary.multiplicity()[0], summary.multiplicity()[1]);
        t.row("charged multiplicity ⟨N_ch⟩", summary.chargedMultiplicity()[0], summary.chargedMultiplicity()[1]);
        t.row("mean hadron pT² (GeV²)", summary.meanPt2()[0], summary.meanPt2()[1]);
        t.row("thrust ⟨T⟩", summary.thrust()[0], summary.thrust()[1]);
        t.row("restarts per event", summary.restartRate(), Double.NaN);
        if (generationCpu[0] >= 0) { // measured by the local generator's threads, not on Spark executors
            t.row("generation CPU µs/event", generationCpu[0] / 1e3 / n, Double.NaN);
        }
        return List.of(new Report("hadron generate", List.of(t.build()), List.of(
                String.format(Locale.ROOT, "settings: a = %s, b = %s GeV⁻², σ = %s GeV, ρ = %s%s", fmt(s.aLund()),
                        fmt(s.bLund()), fmt(s.sigma()), fmt(s.effectiveProbStoUD()),
                        s.pionsOnlyMode() ? ", pions only" : ""),
                String.format(Locale.ROOT, "%.2f s on %s, %.0f events/s (histogram filling included)%s",
                        seconds, where(settings), n / seconds, generationCpu[0] >= 0 ? "; generation CPU = the"
                                + " threads' CPU time making events (ThreadMXBean), observables excluded" : "")),
                files));
    }

    private String where(RunSettings settings) {
        SparkRun spark = common.spark();
        return spark != null ? "Spark " + spark.master() : settings.threads() + " thread(s)";
    }

    /** Refuses a --hepmc path that names a folder, before any work (a missing folder is created by the writer). */
    private void checkHepMc() {
        if (hepmcParts != null && common.spark == null) {
            throw new IllegalArgumentException("--hepmc-parts " + hepmcParts + " needs --spark (without it, --hepmc FILE"
                    + " writes one file)");
        }
        if (hepmcParts != null && hepmc != null) {
            throw new IllegalArgumentException("--hepmc-parts " + hepmcParts + " and --hepmc " + hepmc
                    + ": give one of them");
        }
        if (hepmcParts != null) {
            CommonOptions.prepare(hepmcParts, "--hepmc-parts");
        }
        if (hepmc == null) {
            return;
        }
        if (java.nio.file.Files.isDirectory(hepmc)) {
            throw new IllegalArgumentException("--hepmc " + hepmc + " is a folder, not a file");
        }
    }

    private HepMC3Writer openHepMc(LundSettings s) {
        if (hepmc == null) {
            return null;
        }
        try {
            return new HepMC3Writer(hepmc, s.idQuark());
        } catch (IOException | RuntimeException ex) {
            throw hepMcProblem(ex);
        }
    }

    private UncheckedIOException hepMcProblem(Exception ex) {
        return new UncheckedIOException("cannot write --hepmc " + hepmc + " (" + IoProblem.describe(ex) + ")",
                ex instanceof IOException io ? io : new IOException(ex));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
