package org.stochad.shower;

import java.util.Arrays;
import java.util.Locale;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;

/**
 * What one vector program saves over two scalar ones on the toy shower: the loss scan's means of
 * loss and depth (primal runner) and both derivatives (stochastic AD, replay), each as two
 * estimates on the same seed against one Jacobian estimate of {@link ToyShower#lossAndDepth()} —
 * the same numbers (LossAndDepthTest) — timed interleaved on one thread, median ratio over rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.stochad.shower.LossAndDepthTiming [rounds] [events]}
 */
public final class LossAndDepthTiming {

    private LossAndDepthTiming() {
    }

    /**
     * @param args rounds (default 7), events per estimate (default 2000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        ToyShower shower = ToyShower.shower();
        ToyShower loss = shower.withObservable(ToyShower.Observable.LOSS);
        ToyShower depth = shower.withObservable(ToyShower.Observable.DEPTH);
        double[] theta = {1.5};
        for (Estimator e : new Estimator[] {Estimators.primal().withParallelism(1),
            Estimators.stochasticAd().withParallelism(1)}) {
            double[] ratio = new double[rounds];
            double two = 0;
            double one = 0;
            for (int r = -1; r < rounds; r++) {   // round −1 warms up
                long t0 = System.nanoTime();
                e.estimate(loss, theta, events, r);
                e.estimate(depth, theta, events, r);
                long t1 = System.nanoTime();
                e.jacobian(shower.lossAndDepth(), theta, EstimateRequest.samples(events).seed(r));
                long t2 = System.nanoTime();
                if (r >= 0) {
                    ratio[r] = (t2 - t1) / (double) (t1 - t0);
                    two += (t1 - t0) * 1e-9;
                    one += (t2 - t1) * 1e-9;
                }
            }
            Arrays.sort(ratio);
            System.out.printf(Locale.ROOT, "%s, %d events, θ = 1.5: two scalar estimates %.2f s, one Jacobian %.2f s"
                    + " (totals over %d rounds); median one/two ratio %.3f%n", e.name(), events, two, one, rounds,
                    ratio[rounds / 2]);
        }
    }
}
