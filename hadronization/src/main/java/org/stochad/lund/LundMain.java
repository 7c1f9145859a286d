package org.stochad.lund;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.stochad.lund.io.AtomicFiles;
import org.stochad.lund.io.HepMC3Writer;
import org.stochad.lund.io.GeneratorHistograms;
import org.stochad.lund.io.HistogramWriters;
import org.stochad.lund.observable.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry of the Lund generator: {@code LundMain generate [options]} fragments
 * strings and writes the summary table, histograms (CSV, YODA, PNG) and optionally HepMC3
 * events; {@code LundMain settings} prints every setting with its default; {@code compare} and
 * {@code fit} are the gradient comparison and the (a, b) fits of {@link org.stochad.lund.fit.FitMain}.
 */
@Command(name = "lund", mixinStandardHelpOptions = true, subcommands = {LundMain.Generate.class,
        LundMain.Settings.class, org.stochad.lund.fit.FitMain.Compare.class, org.stochad.lund.fit.FitMain.Fit.class}, description = "Lund string fragmentation of a q-qbar string (Pythia 8 algorithm)")
public final class LundMain implements Callable<Integer> {

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting; bad input gives one line on stderr and code 2.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new LundMain());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof IOException
                    || ex instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Prints the settings with defaults as a .cmnd file. */
    @Command(name = "settings", description = "print all settings (defaults, or after --cmnd/--set) as a .cmnd file")
    static final class Settings implements Callable<Integer> {
        @Option(names = "--cmnd", description = "Pythia-style settings file") Path cmnd;
        @Option(names = {"-s", "--set"}, description = "key=value (repeatable)") List<String> set = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            System.out.print(load(cmnd, set).toCmnd());
            return 0;
        }
    }

    static LundSettings load(Path cmnd, List<String> set) throws IOException {
        LundSettings s = cmnd == null ? LundSettings.defaults() : LundSettings.fromCmnd(cmnd);
        return s.withLines(set);
    }

    /** Generates events and writes the outputs. */
    @Command(name = "generate", description = "fragment strings; print the summary table; write histograms/events")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--cmnd", description = "Pythia-style settings file") Path cmnd;
        @Option(names = {"-s", "--set"}, description = "key=value (repeatable), after --cmnd")
        List<String> set = new ArrayList<>();
        @Option(names = {"-n", "--events"}, description = "events (default: Main:numberOfEvents)") Long events;
        @Option(names = "--seed", description = "seed (default: Random:seed)") Long seed;
        @Option(names = {"-t", "--threads"}, defaultValue = "1", description = "worker threads") int threads;
        @Option(names = "--hepmc", description = "write events to this HepMC3 Asciiv3 file") Path hepmc;
        @Option(names = "--yoda", description = "write histograms to this YODA file") Path yoda;
        @Option(names = "--csv", description = "write histograms to this CSV file") Path csv;
        @Option(names = "--plots", description = "write multiplicity/rapidity/xE PNG plots with this path prefix")
        String plots;
        @Option(names = "--summary", description = "write the summary table (Markdown) to this file") Path summary;
        @Option(names = "--progress", description = "show a progress bar") boolean progress;

        @Override
        public Integer call() throws IOException {
            LundSettings s = load(cmnd, set);
            long n = events != null ? events : s.events();
            long sd = seed != null ? seed : s.seed();
            EventGenerator gen = new EventGenerator(s);
            GeneratorHistograms histograms = new GeneratorHistograms(s.eCM());
            EventSummary sum = new EventSummary();
            HepMC3Writer writer = hepmc == null ? null : new HepMC3Writer(hepmc, s.idQuark());
            long start = System.nanoTime();
            ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("events").setInitialMax(n)
                    .setStyle(ProgressBarStyle.ASCII).build() : null;
            long[] counter = {0};
            try {
                gen.generate(sd, n, threads, e -> {
                    sum.accept(e);
                    histograms.fill(e);
                    if (writer != null) {
                        try {
                            writer.write(counter[0], e);
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    }
                    counter[0]++;
                    if (bar != null) {
                        bar.step();
                    }
                });
            } catch (RuntimeException ex) {
                if (writer != null) {
                    writer.abort();
                }
                throw ex;
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            if (writer != null) {
                writer.close();
            }
            double secs = (System.nanoTime() - start) * 1e-9;
            List<Histogram> all = histograms.all();
            if (yoda != null) {
                HistogramWriters.writeYoda(yoda, all);
            }
            if (csv != null) {
                HistogramWriters.writeCsv(csv, all);
            }
            if (plots != null) {
                histograms.writePlots(Path.of(plots + "multiplicity.png"), Path.of(plots + "rapidity.png"),
                        Path.of(plots + "xE.png"));
            }
            String table = sum.toMarkdown() + String.format(Locale.ROOT,
                    "%nseed %d, %d events, %d thread(s), %.2f s, %.0f events/s%n", sd, n, threads, secs, n / secs);
            PrintWriter out = new PrintWriter(System.out, true);
            out.print(table);
            out.flush();
            if (summary != null) {
                AtomicFiles.write(summary, w -> w.write(table));
            }
            return 0;
        }
    }
}
