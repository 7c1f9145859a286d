package org.stochad.study;

import java.util.ArrayList;
import java.util.List;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;

/**
 * Runs several estimators on one program at several parameter points with the same sample
 * budget and seed, and reports each one's mean, standard error, per-sample spread, cost relative
 * to a primal run and work-normalised variance: the tool for choosing an estimator.
 */
public final class VarianceStudy {

    private final String title;
    private final StochasticProgram program;
    private final List<Estimator> estimators;
    private final List<double[]> points;
    private final int samples;
    private final long seed;
    private final ProgressListener progress;
    private final int threads;

    private VarianceStudy(String title, StochasticProgram program, List<Estimator> estimators, List<double[]> points,
                          int samples, long seed, ProgressListener progress, int threads) {
        this.title = title;
        this.program = program;
        this.estimators = List.copyOf(estimators);
        this.points = points.stream().map(double[]::clone).toList();
        this.samples = samples;
        this.seed = seed;
        this.progress = progress;
        this.threads = threads;
    }

    /**
     * @param program    the program
     * @param estimators the estimators to compare
     * @param points     the parameter points
     * @param samples    samples per estimator and point
     * @param seed       the seed shared by all estimators
     * @return the study, reporting no progress, on all cores
     */
    public static VarianceStudy of(StochasticProgram program, List<Estimator> estimators, List<double[]> points,
                                   int samples, long seed) {
        if (estimators.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points is empty");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples = " + samples + " is less than 2");
        }
        return new VarianceStudy("variance study", program, estimators, points, samples, seed,
                ProgressListener.none(), StochasticAdOptions.defaultParallelism());
    }

    /**
     * @param listener receives progress in samples: the total is the samples of every estimator
     *                 and point plus those of the primal reference (counted once per point), and
     *                 each estimate advances it per finished chunk of samples
     * @return the study reporting to that listener
     */
    public VarianceStudy withProgress(ProgressListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener = null");
        }
        return new VarianceStudy(title, program, estimators, points, samples, seed, listener, threads);
    }

    /**
     * @param name the study's title, used in tables and plots
     * @return the study with that title
     */
    public VarianceStudy withTitle(String name) {
        return new VarianceStudy(name, program, estimators, points, samples, seed, progress, threads);
    }

    /**
     * @param n worker threads for every estimator and the primal reference
     * @return the study with that setting
     */
    public VarianceStudy withParallelism(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallelism = " + n + " is less than 1");
        }
        return new VarianceStudy(title, program, estimators, points, samples, seed, progress, n);
    }

    /** @return the study's result: one row per estimator, point and gradient component */
    public StudyResult run() {
        List<StudyRow> rows = new ArrayList<>();
        int warmup = Math.min(samples, 2000);
        Estimator primal = Estimators.primal().withParallelism(threads);
        List<Estimator> runners = estimators.stream().map(e -> e.withParallelism(threads)).toList();
        long done = 0;
        progress.start(title, (long) points.size() * (runners.size() + 1) * samples);
        try {
            for (double[] theta : points) {
                primal.estimate(program, theta, warmup, seed ^ 0x5DEECE66DL);
                double primalNanos = primalNanosPerSample(primal, theta);
                done += samples;
                progress.advance(done, "primal");
                for (Estimator e : runners) {
                    e.estimate(program, theta, warmup, seed ^ 0x5DEECE66DL);
                    long base = done;
                    GradientEstimate g = e.estimate(program, theta,
                            EstimateRequest.samples(samples).seed(seed).progress(new Share(base, e.name())));
                    double nanos = (double) g.nanos() / samples;
                    double relative = nanos / primalNanos;
                    for (int j = 0; j < theta.length; j++) {
                        rows.add(new StudyRow(e.name(), theta, j, g.mean(j), g.standardError(j),
                                Math.sqrt(g.variance(j)), nanos, relative, g.variance(j) * relative));
                    }
                    done = base + samples;
                }
            }
        } finally {
            progress.finish();
        }
        return new StudyResult(title, samples, rows);
    }

    /**
     * Forwards one estimate's progress, in whatever units it reports (chunks, or one unit for the
     * whole estimate), to the study's listener as samples done after {@code base}.
     */
    private final class Share implements ProgressListener {

        private final long base;
        private final String name;
        private long units = 1;

        Share(long base, String name) {
            this.base = base;
            this.name = name;
        }

        @Override
        public void start(String task, long total) {
            units = Math.max(1, total);
        }

        @Override
        public void advance(long done, String detail) {
            long part = Math.min(samples, Math.round((double) samples * done / units));
            progress.advance(base + part, name);
        }
    }

    /** The fastest of three timed primal runs: the least disturbed measure of the reference cost. */
    private double primalNanosPerSample(Estimator primal, double[] theta) {
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            best = Math.min(best, primal.estimate(program, theta, samples, seed).nanos());
        }
        return (double) best / samples;
    }
}
