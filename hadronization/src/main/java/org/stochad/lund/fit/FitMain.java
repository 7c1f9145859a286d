package org.stochad.lund.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stochad.lund.LundSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry of the gradient tools: {@code compare} (the estimator comparison of
 * {@link GradientComparison}) and {@code fit} (the (a, b) fits of {@link LundFit}); the same
 * subcommands are registered in {@link org.stochad.lund.LundMain}.
 */
@Command(name = "lund-gradients", mixinStandardHelpOptions = true,
        subcommands = {FitMain.Compare.class, FitMain.Fit.class},
        description = "gradients of Lund observables and fits of (a, b)")
public final class FitMain implements Callable<Integer> {

    /** @param args command-line arguments */
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
        CommandLine cl = new CommandLine(new FitMain());
        cl.setExecutionExceptionHandler(FitMain::handle);
        return cl.execute(args);
    }

    /**
     * The shared exception handler: bad input → one line on stderr, exit code 2.
     *
     * @param ex     the exception
     * @param cmd    the command
     * @param parsed the parse result
     * @return the exit code
     * @throws Exception when the exception is not a bad-input one
     */
    public static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (ex instanceof IllegalArgumentException || ex instanceof IOException
                || ex instanceof java.io.UncheckedIOException) {
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        }
        throw ex;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /**
     * @param name gauss-newton (or gn) or adam, any case; null for the loss's default
     * @param loss the loss: Gauss–Newton by default for the χ², Adam otherwise
     * @return the update rule
     */
    public static LundFit.Stepper stepper(String name, HistogramLoss loss) {
        if (name == null) {
            return loss == HistogramLoss.CHI2 ? LundFit.Stepper.GAUSS_NEWTON : LundFit.Stepper.ADAM;
        }
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "gauss-newton", "gn" -> LundFit.Stepper.GAUSS_NEWTON;
            case "adam" -> LundFit.Stepper.ADAM;
            default -> throw new IllegalArgumentException("--stepper = " + name + " is not gauss-newton or adam");
        };
    }

    static LundSettings load(Path cmnd, List<String> set) throws IOException {
        LundSettings s = cmnd == null ? LundSettings.defaults() : LundSettings.fromCmnd(cmnd);
        return s.withLines(set);
    }

    /** The estimator comparison. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "unbiasedness and variance of the gradient estimators on the Lund generator")
    public static final class Compare implements Callable<Integer> {
        @Option(names = "--out", description = "directory for tables (default: ${DEFAULT-VALUE})")
        Path out = Path.of("lund-gradients");
        @Option(names = "--figures", description = "directory for PNG figures (default: --out)")
        Path figures;
        @Option(names = "--quick", description = "small statistics (about a minute)")
        boolean quick;
        @Option(names = "--samples", description = "samples per estimator (unbiasedness)") Integer samples;
        @Option(names = "--fd-samples", description = "samples of the finite-difference reference") Integer fdSamples;
        @Option(names = "--study-samples", description = "samples per estimator in the variance study")
        Integer studySamples;
        @Option(names = "--z-samples", description = "samples per estimator for the single z draw") Integer zSamples;
        @Option(names = "--seed", description = "seed") Long seed;
        @Option(names = "--threads", description = "worker threads") Integer threads;
        @Option(names = "--cmnd", description = "Pythia-style settings file for the variance study (default: Monash)")
        Path cmnd;
        @Option(names = {"-s", "--set"}, description = "key=value for the variance study's settings (repeatable)")
        List<String> set = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            GradientComparison.Options o = quick ? GradientComparison.Options.quick() : GradientComparison.Options.docs();
            o = new GradientComparison.Options(samples != null ? samples : o.samples(),
                    fdSamples != null ? fdSamples : o.fdSamples(), o.fdStep(),
                    studySamples != null ? studySamples : o.studySamples(), zSamples != null ? zSamples : o.singleZSamples(),
                    seed != null ? seed : o.seed(), threads != null ? threads : o.threads(), true);
            LundSettings monash = load(cmnd, set);
            LundSettings pions = monash.with(LundSettings.PIONS_ONLY, "on");
            GradientComparison.Result r = GradientComparison.of(pions, monash, o)
                    .runAndWrite(out, figures == null ? out : figures);
            System.out.print(r.toMarkdown());
            return 0;
        }
    }

    /** The (a, b) fits. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "fit the Lund (a, b) to pseudo-data or a histogram file (YODA/CSV)")
    public static final class Fit implements Callable<Integer> {
        @Option(names = "--cmnd", description = "settings file (default: pions-only u-ubar at 100 GeV, Monash)")
        Path cmnd;
        @Option(names = {"-s", "--set"}, description = "key=value (repeatable)") List<String> set = new ArrayList<>();
        @Option(names = "--data", description = "histogram file to fit (.yoda or .csv); default: pseudo-data")
        Path data;
        @Option(names = "--histogram", description = "path (substring) of the histogram in --data; default: the first")
        String histogram;
        @Option(names = "--observable", description = "what --data histograms: multiplicity, rapidity, xE, pT, pT2"
                + " (default: ${DEFAULT-VALUE})")
        String observable = "multiplicity";
        @Option(names = "--pseudo-events", description = "pseudo-data events (default: ${DEFAULT-VALUE})")
        int pseudoEvents = 200_000;
        @Option(names = "--truth", split = ",", description = "(a, b) of the pseudo-data (default: the settings')")
        double[] truth;
        @Option(names = "--loss", description = "chi2 or wasserstein (default: ${DEFAULT-VALUE})")
        String loss = "chi2";
        @Option(names = "--method", description = "rsa, rebased, resim, both (rsa + resim) or all (default: ${DEFAULT-VALUE})")
        String method = "both";
        @Option(names = "--start", split = ",", description = "a,b (repeatable; default 0.72,0.88 and 0.40,1.50)")
        List<Double> starts = new ArrayList<>();
        @Option(names = "--quick", description = "small statistics") boolean quick;
        @Option(names = "--steps", description = "steps") Integer steps;
        @Option(names = "--lr", description = "Adam's learning rate") Double lr;
        @Option(names = "--repeats", description = "fits per method and start") Integer repeats;
        @Option(names = "--base-events", description = "RSA base sample") Integer baseEvents;
        @Option(names = "--hist-events", description = "re-simulation: histogram events per step") Integer histEvents;
        @Option(names = "--grad-samples", description = "re-simulation: estimator samples per step")
        Integer gradSamples;
        @Option(names = "--sad", description = "re-simulation with stochastic AD instead of the hybrid") boolean sad;
        @Option(names = "--stepper", description = "gauss-newton or adam (default: gauss-newton for chi2, adam"
                + " otherwise)")
        String stepper;
        @Option(names = "--seed", description = "seed") Long seed;
        @Option(names = "--threads", description = "worker threads") Integer threads;
        @Option(names = "--out", description = "directory for tables (default: ${DEFAULT-VALUE})")
        Path out = Path.of("lund-fits");
        @Option(names = "--figures", description = "directory for PNG figures (default: --out)") Path figures;

        @Override
        public Integer call() throws IOException {
            LundSettings s = cmnd == null ? LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on")
                    : LundSettings.fromCmnd(cmnd);
            s = s.withLines(set);
            LundFit.Options o = quick ? LundFit.Options.quick() : LundFit.Options.docs();
            HistogramLoss l = switch (loss.toLowerCase(java.util.Locale.ROOT)) {
                case "chi2" -> HistogramLoss.CHI2;
                case "wasserstein", "w1" -> HistogramLoss.WASSERSTEIN;
                default -> throw new IllegalArgumentException("loss = " + loss + " is not chi2 or wasserstein");
            };
            o = new LundFit.Options(baseEvents != null ? baseEvents : o.baseEvents(),
                    histEvents != null ? histEvents : o.histogramEvents(),
                    gradSamples != null ? gradSamples : o.gradientSamples(), steps != null ? steps : o.steps(),
                    lr != null ? lr : o.learningRate(), repeats != null ? repeats : o.repeats(),
                    Math.min(o.averageLast(), steps != null ? Math.max(1, steps / 4) : o.averageLast()), l, !sad,
                    stepper(stepper, l),
                    seed != null ? seed : o.seed(), threads != null ? threads : o.threads(), true);
            List<LundFit.Method> methods = switch (method.toLowerCase(java.util.Locale.ROOT)) {
                case "rsa" -> List.of(LundFit.Method.RSA);
                case "rebased" -> List.of(LundFit.Method.RSA_REBASED);
                case "all" -> List.of(LundFit.Method.RSA, LundFit.Method.RSA_REBASED, LundFit.Method.RESIMULATED);
                case "resim", "sad", "hybrid" -> List.of(LundFit.Method.RESIMULATED);
                case "both" -> List.of(LundFit.Method.RSA, LundFit.Method.RESIMULATED);
                default -> throw new IllegalArgumentException("method = " + method
                        + " is not rsa, rebased, resim, both or all");
            };
            if (starts.size() % 2 != 0) {
                throw new IllegalArgumentException("start = " + starts + " is not a list of a,b pairs");
            }
            List<double[]> st = new ArrayList<>();
            for (int i = 0; i < starts.size(); i += 2) {
                st.add(new double[] {starts.get(i), starts.get(i + 1)});
            }
            if (st.isEmpty()) {
                st = List.of(new double[] {0.72, 0.88}, new double[] {0.40, 1.50});
            }
            List<LundFit.Target> targets;
            double[] t = null;
            if (data == null) {
                t = truth != null ? truth : new double[] {s.aLund(), s.bLund()};
                if (t.length != 2) {
                    throw new IllegalArgumentException("truth = " + java.util.Arrays.toString(t) + " is not a,b");
                }
                double[] th = s.theta();
                th[0] = t[0];
                th[1] = t[1];
                targets = LundFit.pseudoData(s.withTheta(th), LundFit.defaultHistograms(), pseudoEvents,
                        o.seed() ^ 0xDA7AL, o.threads());
            } else {
                targets = List.of(LundFit.target(data, histogram, observable));
            }
            FitReport r = LundFit.of(s, targets, o).runAndWrite(out, figures == null ? out : figures, st, methods, t);
            System.out.print(r.toMarkdown());
            return 0;
        }
    }
}
