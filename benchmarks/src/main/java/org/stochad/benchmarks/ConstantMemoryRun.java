package org.stochad.benchmarks;

import java.util.Locale;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.ProgressListener;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;

/**
 * Runs estimates of README's first program, θ² + Bernoulli(sin²(2θ)) at θ = 0.7, with a sample
 * count far beyond what a row per sample would fit in the heap: the evidence that an estimate's
 * memory does not grow with its samples. {@code tools/constant-memory.sh} runs 2·10⁸ samples
 * under {@code -Xmx64m}; {@code ConstantMemoryTest} runs 10⁶ under {@code -Xmx32m}.
 *
 * <p>Arguments: the sample count (default 200 000 000), then a comma-separated list of
 * estimators among propagate, replay, hybrid, score, score-baseline, fd (default replay),
 * then the number of threads (default all cores). Prints one line per estimate.
 */
public final class ConstantMemoryRun {

    private ConstantMemoryRun() {
    }

    /** README's first program. */
    static final StochasticProgram SIN_BERNOULLI =
            (s, t) -> t[0].square().plus(s.bernoulli(t[0].times(2).sin().square()));

    /**
     * @param args sample count, estimators, threads
     */
    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200_000_000;
        String[] names = (args.length > 1 ? args[1] : "replay").split(",");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        for (String name : names) {
            Estimator e = estimator(name).withParallelism(threads);
            long chunks = (samples + 4095L) / 4096;
            ProgressListener progress = (done, detail) -> {
                if (done % Math.max(1, chunks / 10) == 0) {
                    System.err.printf(Locale.ROOT, "  %s: %d%%%n", name, 100 * done / chunks);
                }
            };
            long start = System.nanoTime();
            GradientEstimate g = e.estimate(SIN_BERNOULLI, new double[] {0.7},
                    EstimateRequest.samples(samples).seed(1).progress(progress));
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%s: %d samples on %d threads in %.1f s, max heap %d MB, used now %d MB: %s%n",
                    e.name(), samples, threads, seconds, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20,
                    g);
        }
    }

    private static Estimator estimator(String name) {
        return switch (name) {
            case "propagate" -> Estimators.stochasticAd(StochasticAdOptions.propagate());
            case "replay" -> Estimators.stochasticAd();
            case "hybrid" -> Estimators.hybrid();
            case "score" -> Estimators.scoreFunction();
            case "score-baseline" -> Estimators.scoreFunctionWithBaseline();
            case "fd" -> Estimators.finiteDifference(0.01);
            default -> throw new IllegalArgumentException("estimator = " + name + " is not one of propagate, replay,"
                    + " hybrid, score, score-baseline, fd");
        };
    }
}
