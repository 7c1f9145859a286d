package org.stochad.lund.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.Seeds;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.StringFragmenter;
import org.stochad.lund.io.BinnedData;
import org.stochad.lund.io.HistogramReaders;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.study.OutputFiles;

/**
 * Fits of the Lund (a, b) to binned data on a histogram loss ({@link HistogramLoss}), σ_pT
 * and ρ held at the settings' values, with gradients either (i) by RSA reweighting of one fixed
 * base sample generated at the start — deterministic, no events per step, valid while the
 * effective sample size lasts — or (ii) re-simulated at the current (a, b) every step: the loss
 * gradient Σ_k ∂L/∂h_k·dh_k/dθ with ∂L/∂h_k from an independent histogram batch (the histogram
 * from one half, the simulated variance in the χ² from the other) and dh_k/dθ by
 * stochastic AD or the hybrid estimator on the program Σ_entries c_bin(entry).
 *
 * <p>The steps are stochastic Gauss–Newton ({@link Stepper#GAUSS_NEWTON}, the default) or Adam. The
 * loss of binned densities is not an expectation over events, so the core's optimisers (which
 * minimise E[program]) do not apply directly; the Adam update here is their rule (β = 0.9, 0.999,
 * bias-corrected, box bounds) with the learning rate decaying linearly to 10 % over the run. A
 * fit's statistical uncertainty combines the spread of repeated fits with the data's share from
 * the loss curvature ({@link LossCurvature}, {@link FitSummary#uncertainty()}).
 */
public final class LundFit {

    /** How the gradient of each step is obtained. */
    public enum Method {
        /** RSA reweighting of a fixed base sample. */
        RSA,
        /**
         * RSA reweighting, with a new base sample generated at the current (a, b) whenever the
         * effective sample size falls below {@link #REBASE_FRACTION} of the sample.
         */
        RSA_REBASED,
        /** Re-simulation each step with stochastic AD or the hybrid estimator. */
        RESIMULATED
    }

    /**
     * A histogram and the data it is fitted to.
     *
     * @param spec the histogram to fill
     * @param data the data on the same bins
     */
    public record Target(HistogramSpec spec, BinnedData data) {

        /**
         * Checks that the bins agree.
         *
         * @param spec the histogram to fill
         * @param data the data on the same bins
         */
        public Target {
            double[] e = spec.edges();
            double[] d = data.edges();
            if (e.length != d.length) {
                throw new IllegalArgumentException("target " + spec.name() + ": " + (e.length - 1) + " bins, data "
                        + data.path() + " has " + (d.length - 1));
            }
            for (int i = 0; i < e.length; i++) {
                if (Math.abs(e[i] - d[i]) > 1e-9 * (1 + Math.abs(d[i]))) {
                    throw new IllegalArgumentException("target " + spec.name() + ": edge " + i + " = " + e[i]
                            + ", data " + data.path() + " has " + d[i]);
                }
            }
        }
    }

    /**
     * Fit settings.
     *
     * @param baseEvents      RSA base-sample size
     * @param histogramEvents re-simulation: events per step for the histogram (∂L/∂h)
     * @param gradientSamples re-simulation: estimator samples per step
     * @param steps           Adam steps
     * @param learningRate    Adam step size
     * @param repeats         fits per (method, start) with different seeds
     * @param averageLast     the fitted value is the mean of the last this many path points
     * @param loss            the loss
     * @param hybrid          re-simulation uses the hybrid estimator (else stochastic AD, replay)
     * @param stepper         the update rule
     * @param seed            the seed
     * @param threads         worker threads
     * @param progress        progress lines on stderr
     */
    public record Options(int baseEvents, int histogramEvents, int gradientSamples, int steps, double learningRate,
                          int repeats, int averageLast, HistogramLoss loss, boolean hybrid, Stepper stepper,
                          long seed, int threads, boolean progress) {

        /**
         * Checks the values.
         *
         * @param baseEvents RSA base-sample size
         * @param histogramEvents re-simulation: events per step for the histogram (∂L/∂h)
         * @param gradientSamples re-simulation: estimator samples per step
         * @param steps Adam steps
         * @param learningRate Adam step size
         * @param repeats fits per (method, start) with different seeds
         * @param averageLast the fitted value is the mean of the last this many path points
         * @param loss the loss
         * @param hybrid re-simulation uses the hybrid estimator (else stochastic AD, replay)
         * @param stepper the update rule
         * @param seed the seed
         * @param threads worker threads
         * @param progress progress lines on stderr
         */
        public Options {
            if (baseEvents < 10 || histogramEvents < 10 || gradientSamples < 2 || steps < 1 || repeats < 1
                    || averageLast < 1 || threads < 1) {
                throw new IllegalArgumentException("fit options: baseEvents = " + baseEvents + ", histogramEvents = "
                        + histogramEvents + ", gradientSamples = " + gradientSamples + ", steps = " + steps
                        + ", repeats = " + repeats + ", averageLast = " + averageLast + ", threads = " + threads);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate = " + learningRate + " is not > 0");
            }
            if (loss == null || stepper == null) {
                throw new IllegalArgumentException("loss = " + loss + ", stepper = " + stepper);
            }
            if (stepper == Stepper.GAUSS_NEWTON && loss != HistogramLoss.CHI2) {
                throw new IllegalArgumentException("stepper = GAUSS_NEWTON needs loss = CHI2 (its metric is the χ²'s),"
                        + " not " + loss + "; use ADAM");
            }
        }

        /** @return the statistics of docs/hadronization-gradients.md */
        public static Options docs() {
            return new Options(20_000, 5_000, 2_000, 200, 0.02, 3, 40, HistogramLoss.CHI2, true, Stepper.GAUSS_NEWTON,
                    20261122L, 2, true);
        }

        /** @return a quick run */
        public static Options quick() {
            return new Options(4_000, 1_000, 300, 60, 0.03, 2, 15, HistogramLoss.CHI2, true, Stepper.GAUSS_NEWTON,
                    20261122L, 2, false);
        }

        /**
         * @param u the update rule
         * @return these options with that rule
         */
        public Options withStepper(Stepper u) {
            return new Options(baseEvents, histogramEvents, gradientSamples, steps, learningRate, repeats, averageLast,
                    loss, hybrid, u, seed, threads, progress);
        }

        /**
         * @param l the loss
         * @return these options with that loss, and Adam steps unless it is the χ²
         */
        public Options withLoss(HistogramLoss l) {
            return new Options(baseEvents, histogramEvents, gradientSamples, steps, learningRate, repeats, averageLast,
                    l, hybrid, l == HistogramLoss.CHI2 ? stepper : Stepper.ADAM, seed, threads, progress);
        }
    }

    /**
     * The update rule of a fit step.
     */
    public enum Stepper {
        /**
         * Adam in (a, b) (β = 0.9, 0.999, bias-corrected), the learning rate decaying linearly to
         * 10 % over the run.
         */
        ADAM,
        /**
         * Damped stochastic Gauss–Newton: θ ← θ − η·Ā⁻¹·∇L/2, Ā the running mean (over the previous
         * steps, so independent of this step's gradient) of the χ² loss's Gauss–Newton metric
         * Σ_k W_k J_k J_kᵀ, J_k = ∂h_k/∂θ by the score of the step's histogram events
         * ({@link LossCurvature}); η = {@link #GAUSS_NEWTON_GAIN} for the first quarter of the steps,
         * then falling as 1/t (Robbins–Monro: the later iterates average the noisy steps), each step
         * capped at {@link #MAX_STEP} per parameter. The metric rescales each direction of the
         * (a, b) valley by its own curvature, so the shallow direction along the valley is travelled
         * as fast as the steep one across it; the learning rate is not used. χ² loss only.
         */
        GAUSS_NEWTON
    }

    /**
     * The initial gain η of {@link Stepper#GAUSS_NEWTON}: at constant η the iterates fluctuate by
     * √(η/(2 − η)) of one full step's noise.
     */
    public static final double GAUSS_NEWTON_GAIN = 0.5;

    /** The largest change of a or b in one {@link Stepper#GAUSS_NEWTON} step (a trust region far from the minimum). */
    public static final double MAX_STEP = 0.1;

    /** Weight of the newest metric in the running mean Ā of {@link Stepper#GAUSS_NEWTON}. */
    static final double METRIC_MEMORY = 0.2;

    /** N_eff/N below which {@link Method#RSA_REBASED} draws a new base sample. */
    public static final double REBASE_FRACTION = 0.5;

    /** Lower bounds of (a, b) during a fit. */
    static final double[] LOWER = {0.05, 0.2};
    /** Upper bounds of (a, b) during a fit. */
    static final double[] UPPER = {2.0, 3.0};

    private final LundSettings settings;
    private final List<Target> targets;
    private final Options options;

    private LundFit(LundSettings settings, List<Target> targets, Options options) {
        this.settings = settings;
        this.targets = List.copyOf(targets);
        this.options = options;
    }

    /**
     * @param settings everything but (a, b) (σ_pT, ρ, E_CM, pions-only …)
     * @param targets  histograms and data
     * @param options  fit settings
     * @return the fit
     */
    public static LundFit of(LundSettings settings, List<Target> targets, Options options) {
        if (settings == null || targets == null || targets.isEmpty() || options == null) {
            throw new IllegalArgumentException("settings, targets (non-empty) and options are required");
        }
        return new LundFit(settings, targets, options);
    }

    /** @return the default histograms: multiplicity 2…40 and x_E in 25 bins */
    public static List<HistogramSpec> defaultHistograms() {
        return List.of(HistogramSpec.multiplicity(2, 40), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 25));
    }

    /**
     * Pseudo-data: the generator's own histograms at the given settings.
     *
     * @param truth   settings of the pseudo-data
     * @param specs   the histograms
     * @param events  events
     * @param seed    seed
     * @param threads worker threads
     * @return one target per histogram
     */
    public static List<Target> pseudoData(LundSettings truth, List<HistogramSpec> specs, int events, long seed,
                                          int threads) {
        Filled f = fill(truth, specs, events, seed, threads);
        List<Target> out = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            double[] err = new double[f.mean[t].length];
            for (int k = 0; k < err.length; k++) {
                err[k] = Math.sqrt(f.var[t][k]);
            }
            out.add(new Target(specs.get(t), new BinnedData("/pseudo/" + specs.get(t).name(), specs.get(t).edges(),
                    f.mean[t], err)));
        }
        return out;
    }

    /**
     * A target read from a histogram file.
     *
     * @param file       a YODA (.yoda) or CSV file
     * @param path       a substring of the wanted histogram's path, or null for the first
     * @param observable what it histograms: multiplicity or a hadron quantity (rapidity, xE, pT, pT2)
     * @return the target, on the file's bins
     */
    public static Target target(Path file, String path, String observable) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<BinnedData> all = name.endsWith(".csv") ? HistogramReaders.readCsv(file) : HistogramReaders.readYoda(file);
        for (BinnedData d : all) {
            if (path == null || d.path().contains(path)) {
                return new Target(HistogramSpec.of(observable, d.edges()), d);
            }
        }
        throw new IllegalArgumentException("data = " + file + " has no histogram" + (path == null ? "" : " matching "
                + path));
    }

    /** @return the targets */
    public List<Target> targets() {
        return targets;
    }

    /**
     * One RSA fit: a base sample at the start, reweighted at every step.
     *
     * @param start (a, b)
     * @param seed  the base sample's seed
     * @return the trajectory
     */
    public FitResult fitRsa(double[] start, long seed) {
        return reweighted(start, seed, false);
    }

    /**
     * One RSA fit that draws a new base sample at the current (a, b) whenever N_eff/N falls below
     * {@link #REBASE_FRACTION}.
     *
     * @param start (a, b)
     * @param seed  the seed of the first base sample (later ones are derived from it)
     * @return the trajectory; events counts every base sample
     */
    public FitResult fitRsaRebased(double[] start, long seed) {
        return reweighted(start, seed, true);
    }

    private FitResult reweighted(double[] start, long seed, boolean rebase) {
        long t0 = System.nanoTime();
        int n = options.baseEvents();
        ReweightedSample[] sample = {ReweightedSample.generate(at(start), targets, n, seed, options.threads())};
        long[] samples = {1};
        double[] neff = new double[options.steps() + 1];
        Step step = theta -> {
            ReweightedSample.Evaluation e = sample[0].evaluate(theta[0], theta[1], options.loss());
            if (rebase && e.effectiveSampleSize() < REBASE_FRACTION * n) {
                sample[0] = ReweightedSample.generate(at(theta), targets, n, Seeds.mix(seed + samples[0]),
                        options.threads());
                samples[0]++;
                e = sample[0].evaluate(theta[0], theta[1], options.loss());
            }
            return new StepValue(e.loss(), e.gradient(), e.effectiveSampleSize(),
                    LossCurvature.of(e, targets, n, n).metric());
        };
        double[][] out = optimise(start, step, neff);
        return new FitResult(rebase ? Method.RSA_REBASED : Method.RSA, start.clone(), seed, path(out), losses(out),
                neff, samples[0] * n, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * One re-simulated fit.
     *
     * @param start (a, b)
     * @param seed  the fit's seed
     * @return the trajectory
     */
    public FitResult fitResimulated(double[] start, long seed) {
        long t0 = System.nanoTime();
        StochasticAdOptions replay = StochasticAdOptions.replay().parallelism(options.threads());
        Estimator estimator = options.hybrid() ? Estimators.hybrid(replay) : Estimators.stochasticAd(replay);
        long[] stepIndex = {0};
        Step step = theta -> {
            long t = stepIndex[0]++;
            LundSettings here = at(theta);
            List<HistogramSpec> specs = targets.stream().map(Target::spec).toList();
            // the histogram from one half of the batch, its variance from the other: ∂L/∂h =
            // 2(ĥ − d)/(v + σ²_d) with ĥ and v from the same events would be biased (v grows with ĥ),
            // which drags the fit along the shallow (a, b) valley
            int half = Math.max(2, options.histogramEvents() / 2);
            // the first half as an (unweighted) RSA sample also gives dh/dθ by the score, for the metric
            ReweightedSample.Evaluation f = ReweightedSample.generate(here, targets, half,
                    Seeds.mix(seed + 31 * t + 1), options.threads()).evaluate(theta[0], theta[1],
                    options.loss());
            Filled g2 = fill(here, specs, half, Seeds.mix(seed + 31 * t + 3), options.threads());
            double loss = 0;
            double[][] c = new double[targets.size()][];
            for (int k = 0; k < targets.size(); k++) {
                c[k] = new double[specs.get(k).bins()];
                loss += options.loss().value(f.histograms().get(k), g2.var[k], targets.get(k).data(), c[k]);
                for (int b = 0; b < c[k].length; b++) {
                    c[k][b] /= specs.get(k).width(b);
                }
            }
            var g = estimator.estimate(linearised(c), theta, options.gradientSamples(),
                    Seeds.mix(seed + 31 * t + 2));
            return new StepValue(loss, new double[] {g.mean(0), g.mean(1)}, Double.NaN,
                    LossCurvature.of(f, targets, half, half).metric());
        };
        double[][] out = optimise(start, step, null);
        long events = (long) options.steps() * (options.histogramEvents() + options.gradientSamples());
        return new FitResult(Method.RESIMULATED, start.clone(), seed, path(out), losses(out), new double[0], events,
                (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Repeated fits with seeds derived from the options' seed.
     *
     * @param method the method
     * @param start  the start
     * @return the summary
     */
    public FitSummary repeat(Method method, double[] start) {
        List<FitResult> fits = new ArrayList<>();
        for (int r = 0; r < options.repeats(); r++) {
            long seed = Seeds.mix(options.seed() + 1009L * r + method.ordinal() * 7L
                    + Double.hashCode(start[0]) * 31L + Double.hashCode(start[1]));
            if (options.progress()) {
                System.err.printf(Locale.ROOT, "[fit] %s from (%.3f, %.3f), repeat %d/%d%n", method, start[0], start[1],
                        r + 1, options.repeats());
            }
            fits.add(switch (method) {
                case RSA -> fitRsa(start, seed);
                case RSA_REBASED -> fitRsaRebased(start, seed);
                case RESIMULATED -> fitResimulated(start, seed);
            });
        }
        double[] mean = new double[2];
        double[] sd = new double[2];
        double events = 0;
        double seconds = 0;
        double minNeff = Double.NaN;
        for (FitResult f : fits) {
            double[] e = f.estimate(options.averageLast());
            mean[0] += e[0] / fits.size();
            mean[1] += e[1] / fits.size();
            events += (double) f.events() / fits.size();
            seconds += f.seconds() / fits.size();
            for (double v : f.neff()) {
                minNeff = Double.isNaN(minNeff) ? v : Math.min(minNeff, v);
            }
        }
        for (FitResult f : fits) {
            double[] e = f.estimate(options.averageLast());
            sd[0] += (e[0] - mean[0]) * (e[0] - mean[0]);
            sd[1] += (e[1] - mean[1]) * (e[1] - mean[1]);
        }
        for (int j = 0; j < 2; j++) {
            sd[j] = fits.size() > 1 ? Math.sqrt(sd[j] / (fits.size() - 1)) : Double.NaN;
        }
        return new FitSummary(method, start.clone(), mean, sd, dataSd(method, mean), events, seconds, minNeff, fits);
    }

    /**
     * The data's share of the uncertainty of a χ² fit at the fitted point (NaN for other losses):
     * the sandwich covariance of {@link LossCurvature}, from a fresh sample of
     * {@link Options#baseEvents()} events there.
     */
    private double[] dataSd(Method method, double[] fitted) {
        if (options.loss() != HistogramLoss.CHI2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int n = options.baseEvents();
        ReweightedSample.Evaluation e = ReweightedSample.generate(at(fitted), targets, n,
                Seeds.mix(options.seed() ^ 0xC0FFEEL), options.threads()).evaluate(fitted[0], fitted[1],
                options.loss());
        // the simulated histogram the χ² compares: the re-simulated batch's half, or the RSA base sample
        double simulated = method == Method.RESIMULATED ? Math.max(2, options.histogramEvents() / 2) : n;
        return LossCurvature.of(e, targets, simulated, n).dataSd();
    }

    /**
     * The fit study: each method from each start, repeated.
     *
     * @param starts  the starting points
     * @param methods the methods
     * @param truth   the true (a, b) of pseudo-data, or null for real data
     * @return the report
     */
    public FitReport run(List<double[]> starts, List<Method> methods, double[] truth) {
        List<FitSummary> out = new ArrayList<>();
        for (Method m : methods) {
            for (double[] s : starts) {
                out.add(repeat(m, s));
            }
        }
        return new FitReport(truth == null ? null : truth.clone(), options, targets, out);
    }

    /**
     * Runs {@link #run} and writes {@code fits.md}, {@code fits-trajectories.csv} and the figures
     * {@code hadronization-gradients-fit-paths.png}, {@code -fit-loss.png}, {@code -fit-neff.png}.
     *
     * @param dir     directory for the tables
     * @param figures directory for the figures
     * @param starts  starting points
     * @param methods methods
     * @param truth   the true (a, b) or null
     * @return the report
     */
    public FitReport runAndWrite(Path dir, Path figures, List<double[]> starts, List<Method> methods, double[] truth) {
        FitReport r = run(starts, methods, truth);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(figures);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OutputFiles.writeString(dir.resolve("fits.md"), r.toMarkdown());
        OutputFiles.writeString(dir.resolve("fits-trajectories.csv"), r.toCsv());
        r.writePlots(figures.resolve("hadronization-gradients-fit-paths.png"),
                figures.resolve("hadronization-gradients-fit-loss.png"),
                figures.resolve("hadronization-gradients-fit-neff.png"));
        return r;
    }

    /** One step's evaluation: loss, ∂(a, b), N_eff (RSA, else NaN) and the Gauss–Newton metric. */
    private record StepValue(double loss, double[] gradient, double neff, double[][] metric) {
    }

    /** The evaluation at a point. */
    private interface Step {
        StepValue at(double[] theta);
    }

    /** @return rows {loss, a, b} per step and the final (a, b) in the last row */
    private double[][] optimise(double[] start, Step step, double[] neff) {
        double[] theta = {clamp(start[0], 0), clamp(start[1], 1)};
        Update update = options.stepper() == Stepper.ADAM ? adam() : gaussNewton();
        double[][] rows = new double[options.steps() + 1][];
        for (int t = 0; t < options.steps(); t++) {
            StepValue r = step.at(theta.clone());
            rows[t] = new double[] {r.loss(), theta[0], theta[1]};
            if (neff != null) {
                neff[t] = r.neff();
            }
            if (options.progress() && (t % 20 == 0 || t == options.steps() - 1)) {
                System.err.printf(Locale.ROOT, "[fit]   step %d: a = %.4f, b = %.4f, loss = %.4g%s%n", t, theta[0],
                        theta[1], r.loss(), neff != null ? String.format(Locale.ROOT, ", N_eff = %.0f", r.neff()) : "");
            }
            double[] d = update.delta(r, t);
            for (int j = 0; j < 2; j++) {
                theta[j] = clamp(theta[j] + d[j], j);
            }
        }
        StepValue last = step.at(theta.clone());
        if (neff != null) {
            neff[options.steps()] = last.neff();
        }
        rows[options.steps()] = new double[] {last.loss(), theta[0], theta[1]};
        return rows;
    }

    /** One rule's change of (a, b) from a step's evaluation. */
    private interface Update {
        double[] delta(StepValue r, int t);
    }

    private Update adam() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] m = new double[2];
        double[] v = new double[2];
        return (r, t) -> {
            // linear decay to 10 % of the rate over the run: the noisy (re-simulated) paths settle
            double lr = options.learningRate() * (1 - 0.9 * t / Math.max(1.0, options.steps() - 1));
            double[] d = new double[2];
            for (int j = 0; j < 2; j++) {
                double gj = r.gradient()[j];
                m[j] = b1 * m[j] + (1 - b1) * gj;
                v[j] = b2 * v[j] + (1 - b2) * gj * gj;
                double mh = m[j] / (1 - Math.pow(b1, t + 1));
                double vh = v[j] / (1 - Math.pow(b2, t + 1));
                d[j] = -lr * mh / (Math.sqrt(vh) + eps);
            }
            return d;
        };
    }

    private Update gaussNewton() {
        double[][] mean = new double[2][2];
        return (r, t) -> {
            double[][] now = r.metric();
            double[][] use = t == 0 ? now : mean;
            double det = use[0][0] * use[1][1] - use[0][1] * use[1][0];
            double[] g = r.gradient();
            double[] d = new double[2];
            double gain = GAUSS_NEWTON_GAIN / Math.max(1, t / (0.25 * options.steps()));
            if (det > 0 && use[0][0] > 0) {
                d[0] = -gain * 0.5 * (use[1][1] * g[0] - use[0][1] * g[1]) / det;
                d[1] = -gain * 0.5 * (-use[1][0] * g[0] + use[0][0] * g[1]) / det;
            }
            double largest = Math.max(Math.abs(d[0]), Math.abs(d[1]));
            if (largest > MAX_STEP) {
                d[0] *= MAX_STEP / largest;
                d[1] *= MAX_STEP / largest;
            }
            double w = t == 0 ? 1 : METRIC_MEMORY;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    mean[i][j] = (1 - w) * mean[i][j] + w * now[i][j];
                }
            }
            return d;
        };
    }

    private static double[][] path(double[][] rows) {
        double[][] p = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            p[i] = new double[] {rows[i][1], rows[i][2]};
        }
        return p;
    }

    private static double[] losses(double[][] rows) {
        double[] l = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = rows[i][0];
        }
        return l;
    }

    private static double clamp(double x, int j) {
        return Math.max(LOWER[j], Math.min(UPPER[j], x));
    }

    private LundSettings at(double[] ab) {
        double[] th = settings.theta();
        th[0] = ab[0];
        th[1] = ab[1];
        return settings.withTheta(th);
    }

    /** The program θ = (a, b) ↦ Σ_targets Σ_entries c[bin] of one event, σ and ρ fixed. */
    private StochasticProgram linearised(double[][] c) {
        StringFragmenter fragmenter = new StringFragmenter(settings);
        StochasticTriple sigma = StochasticTriple.constant(settings.sigma());
        StochasticTriple rho = StochasticTriple.constant(settings.effectiveProbStoUD());
        return (sampler, theta) -> {
            Event e = fragmenter.fragment(sampler, new LundParameters(theta[0], theta[1], sigma, rho));
            double v = 0;
            for (int t = 0; t < targets.size(); t++) {
                for (int k : targets.get(t).spec().entries(e)) {
                    v += c[t][k];
                }
            }
            return StochasticTriple.constant(v);
        };
    }

    /** Per-event densities of a run: mean and variance of the mean per bin. */
    private record Filled(double[][] mean, double[][] var) {
    }

    private static Filled fill(LundSettings s, List<HistogramSpec> specs, int events, long seed, int threads) {
        double[][] sum = new double[specs.size()][];
        double[][] sum2 = new double[specs.size()][];
        for (int t = 0; t < specs.size(); t++) {
            sum[t] = new double[specs.get(t).bins()];
            sum2[t] = new double[specs.get(t).bins()];
        }
        new EventGenerator(s).generate(seed, events, threads, e -> {
            for (int t = 0; t < specs.size(); t++) {
                HistogramSpec spec = specs.get(t);
                int[] en = spec.entries(e);
                java.util.Arrays.sort(en);
                int i = 0;
                while (i < en.length) {
                    int j = i;
                    while (j < en.length && en[j] == en[i]) {
                        j++;
                    }
                    double x = (j - i) / spec.width(en[i]);
                    sum[t][en[i]] += x;
                    sum2[t][en[i]] += x * x;
                    i = j;
                }
            }
        });
        double[][] mean = new double[specs.size()][];
        double[][] var = new double[specs.size()][];
        for (int t = 0; t < specs.size(); t++) {
            int bins = specs.get(t).bins();
            mean[t] = new double[bins];
            var[t] = new double[bins];
            for (int k = 0; k < bins; k++) {
                mean[t][k] = sum[t][k] / events;
                // floored at the variance one entry would give, so that empty bins keep a finite χ² weight
                double w = specs.get(t).width(k);
                var[t][k] = Math.max(Math.max(0, sum2[t][k] / events - mean[t][k] * mean[t][k]) / events,
                        1 / (w * w * (double) events * events));
            }
        }
        return new Filled(mean, var);
    }

    static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }

    static void save(XYChart c, Path target) {
        OutputFiles.writeAtomically(target, p -> BitmapEncoder.saveBitmap(c, p.toString(),
                BitmapEncoder.BitmapFormat.PNG));
    }

    static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}
