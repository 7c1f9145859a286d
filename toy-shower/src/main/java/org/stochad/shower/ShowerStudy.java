package org.stochad.shower;

import java.util.List;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.ProgressListener;
import org.stochad.StochasticAdOptions;
import org.stochad.study.StudyResult;
import org.stochad.study.VarianceStudy;

/**
 * The published gradient-estimator comparison for one shower configuration: stochastic AD
 * (replay, one and several alternatives), score function with and without baseline, and central
 * finite differences with common random numbers, at θ ∈ {0.2, 1.0, 2.5, 4.0} with one budget,
 * through the core's {@link VarianceStudy}.
 */
public final class ShowerStudy {

    /** The points of the published comparison. */
    public static final List<Double> DEFAULT_POINTS = List.of(0.2, 1.0, 2.5, 4.0);
    /** The finite-difference step of the comparison. */
    public static final double FD_STEP = 0.05;
    /** Events per estimator and point when none are given. */
    public static final int DEFAULT_SAMPLES = 4000;

    private final ToyShower shower;
    private final List<Double> points;
    private final List<Estimator> estimators;
    private final int samples;
    private final long seed;
    private final ProgressListener progress;

    private ShowerStudy(ToyShower shower, List<Double> points, List<Estimator> estimators, int samples, long seed,
                        ProgressListener progress) {
        this.shower = shower;
        this.points = List.copyOf(points);
        this.estimators = List.copyOf(estimators);
        this.samples = samples;
        this.seed = seed;
        this.progress = progress;
    }

    /**
     * @param shower  the shower (its loss is differentiated)
     * @param samples events per estimator and point, &ge; 2
     * @param seed    the seed shared by all estimators
     * @return the study at the default points with the default estimators
     */
    public static ShowerStudy of(ToyShower shower, int samples, long seed) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        Checks.atLeast("samples", samples, 2);
        return new ShowerStudy(shower.withObservable(ToyShower.Observable.LOSS), DEFAULT_POINTS,
                defaultEstimators(), samples, seed, ProgressListener.none());
    }

    /** @return stochastic AD with m = 1 and m = 4, score function ± baseline, finite differences */
    public static List<Estimator> defaultEstimators() {
        return List.of(Estimators.stochasticAd(),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)),
                Estimators.hybrid(),
                Estimators.scoreFunction(),
                Estimators.scoreFunctionWithBaseline(),
                Estimators.finiteDifference(FD_STEP));
    }

    /**
     * @param thetas the inner radii to study (non-empty)
     * @return this study at those points
     */
    public ShowerStudy withPoints(List<Double> thetas) {
        if (thetas == null || thetas.isEmpty()) {
            throw new IllegalArgumentException("points is empty");
        }
        return new ShowerStudy(shower, thetas, estimators, samples, seed, progress);
    }

    /**
     * @param list the estimators to compare (non-empty)
     * @return this study with those estimators
     */
    public ShowerStudy withEstimators(List<Estimator> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("estimators is empty");
        }
        return new ShowerStudy(shower, points, list, samples, seed, progress);
    }

    /**
     * @param listener receives the study's progress
     * @return this study reporting to that listener
     */
    public ShowerStudy withProgress(ProgressListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener = null");
        }
        return new ShowerStudy(shower, points, estimators, samples, seed, listener);
    }

    /**
     * The outcome.
     *
     * @param study the core study's result
     */
    public record Result(StudyResult study) {
    }

    /** @return the study's result */
    public Result run() {
        List<double[]> thetas = points.stream().map(t -> new double[] {t}).toList();
        StudyResult r = VarianceStudy.of(shower, estimators, thetas, samples, seed)
                .withTitle(shower.config().label() + " configuration, dE[ℓ]/dθ")
                .withProgress(progress).run();
        return new Result(r);
    }
}
