package org.stochad.shower;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;

/**
 * Finds one shower and the alternative world that stochastic AD replayed for it, for drawing side
 * by side over the material map: the alternative world is the same event with one interaction
 * draw flipped and every other random number reused. Both worlds come from the real estimator (a
 * recording copy of the program sees the primal run and the replay).
 */
public final class EventDisplay {

    /** The inner radius shown when none is given. */
    public static final double DEFAULT_THETA = 1.5;

    private static final int MAX_TRIES = 1000;

    private final ToyShower shower;
    private final double theta;
    private final long seed;

    private EventDisplay(ToyShower shower, double theta, long seed) {
        this.shower = shower;
        this.theta = theta;
        this.seed = seed;
    }

    /**
     * @param shower the shower
     * @param theta  the inner radius, finite and &ge; 0
     * @param seed   the first seed tried; the display uses the first seed from here whose replayed
     *               flip is one of the first two generations' particles, so the two worlds differ visibly
     * @return the display
     */
    public static EventDisplay of(ToyShower shower, double theta, long seed) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        Checks.nonNegative("theta", theta);
        return new EventDisplay(shower.withObservable(ToyShower.Observable.LOSS), theta, seed);
    }

    /**
     * The two worlds of one stochastic-AD sample.
     *
     * @param label       the shower configuration's label
     * @param seed        the seed of the sample shown
     * @param theta       the inner radius
     * @param primal      the primal shower
     * @param alternative the replayed alternative shower
     * @param flipIndex   index in both hit lists of the flipped draw's hit
     * @param sample      this sample's derivative estimate W·(ℓ_alt − ℓ)
     * @param weight      W, the total flip rate of the primal run
     */
    public record Result(String label, long seed, double theta, ShowerEvent primal, ShowerEvent alternative,
                         int flipIndex, double sample, double weight) {

        /** @return the hit whose draw was flipped, as it was in the primal world */
        public ShowerEvent.Hit flippedHit() {
            return primal.hits().get(flipIndex);
        }

        /** @return a one-line description */
        public String summary() {
            ShowerEvent.Hit h = flippedHit();
            return String.format(Locale.ROOT, "seed %d, theta %.3f: primal loss %.4f (D %.3f, %d hits), alternative"
                    + " loss %.4f (D %.3f, %d hits); flipped particle %d at step %d (%s -> %s) at r = %.3f;"
                    + " W = %.4g, sample W*(l_alt - l) = %.4g", seed, theta, primal.loss(), primal.depth(),
                    primal.hits().size(), alternative.loss(), alternative.depth(), alternative.hits().size(),
                    h.lineage(), h.step(), h.kind(), alternative.hits().get(flipIndex).kind(), h.radius(), weight,
                    sample);
        }
    }

    /** @return the two worlds of the first suitable seed, not drawn */
    public Result find() {
        Result any = null;
        for (int i = 0; i < MAX_TRIES; i++) {
            Result r = worlds(seed + i);
            if (r == null) {
                continue;
            }
            if (r.flippedHit().lineage() <= 3 && r.primal().loss() != r.alternative().loss()) {
                return r;
            }
            if (any == null) {
                any = r;
            }
        }
        if (any == null) {
            throw new IllegalStateException("no event with a replayed flip in " + MAX_TRIES + " seeds from " + seed
                    + " at theta = " + theta);
        }
        return any;
    }

    private Result worlds(long s) {
        List<ShowerEvent> runs = new ArrayList<>();
        GradientEstimate g = Estimators.stochasticAd().sampleEstimate(shower.recording(runs::add),
                new double[] {theta}, s, 0);
        if (runs.size() < 2) {
            return null;
        }
        ShowerEvent primal = runs.get(0);
        ShowerEvent alt = runs.get(1);
        int i = 0;
        int n = Math.min(primal.hits().size(), alt.hits().size());
        while (i < n && primal.hits().get(i).equals(alt.hits().get(i))) {
            i++;
        }
        if (i == n) {
            return null;
        }
        double df = alt.loss() - primal.loss();
        double w = df == 0 ? Double.NaN : g.mean(0) / df;
        return new Result(shower.config().label(), s, theta, primal, alt, i, g.mean(0), w);
    }
}
