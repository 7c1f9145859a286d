package org.stochad.shower;

import java.util.function.Consumer;
import org.stochad.Sampler;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;

/**
 * The Kagan–Heinrich toy shower as a {@link StochasticProgram} of one parameter, θ = theta[0],
 * the inner radius of the material: it returns the per-event loss (D − 2)², or the depth D, of
 * one shower.
 *
 * <p>Only the interaction draw depends on θ; every random number is drawn from a substream named
 * by the particle's lineage and the generation, so the program is deterministic given its
 * sampler's streams and an alternative world reuses every number it can. Every particle leaves a
 * flagged end hit, so D is always defined.
 */
public final class ToyShower implements StochasticProgram, java.io.Serializable {

    /** What one run returns. */
    public enum Observable {
        /** The per-event loss ℓ = (D − target)². */
        LOSS,
        /** The shower depth D, the mean radius of the flagged hits. */
        DEPTH
    }

    private final ShowerConfig config;
    private final Observable observable;

    private ToyShower(ShowerConfig config, Observable observable) {
        if (config == null) {
            throw new IllegalArgumentException("config = null");
        }
        if (observable == null) {
            throw new IllegalArgumentException("observable = null");
        }
        this.config = config;
        this.observable = observable;
    }

    /** @return the published shower configuration (every interaction splits), returning the loss */
    public static ToyShower shower() {
        return of(ShowerConfig.shower());
    }

    /** @return the published energy-loss configuration (no splitting), returning the loss */
    public static ToyShower eloss() {
        return of(ShowerConfig.eloss());
    }

    /**
     * @param config the constants
     * @return the shower with those constants, returning the loss
     */
    public static ToyShower of(ShowerConfig config) {
        return new ToyShower(config, Observable.LOSS);
    }

    /**
     * @param what the observable
     * @return this shower returning that observable
     */
    public ToyShower withObservable(Observable what) {
        return new ToyShower(config, what);
    }

    /** @return the constants */
    public ShowerConfig config() {
        return config;
    }

    /** @return what a run returns */
    public Observable observable() {
        return observable;
    }

    /**
     * Runs one shower.
     *
     * @param sampler the randomness
     * @param theta   theta[0] is the inner radius of the material
     * @return the observable as a triple without tangent (positions do not depend on θ)
     */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        Simulation.Outcome o = Simulation.run(config, sampler, radius(theta), null);
        return StochasticTriple.constant(observe(o.depth()));
    }

    /**
     * Both observables of one shower as a {@link VectorProgram}: output 0 is the loss, output 1 the
     * depth, from the same run — one Jacobian estimate gives both means and both derivatives, where
     * two programs with the same seed would simulate every shower twice.
     *
     * @return the program returning {loss, depth}
     */
    public VectorProgram lossAndDepth() {
        return (sampler, theta) -> {
            double depth = Simulation.run(config, sampler, radius(theta), null).depth();
            return new StochasticTriple[] {StochasticTriple.constant(loss(depth)), StochasticTriple.constant(depth)};
        };
    }

    /**
     * Runs one shower and keeps everything it did.
     *
     * @param sampler the randomness
     * @param theta   theta[0] is the inner radius of the material
     * @return the event
     */
    public ShowerEvent event(Sampler sampler, StochasticTriple[] theta) {
        return Simulation.event(config, sampler, Simulation.material(radius(theta)));
    }

    /**
     * A program that runs this shower and hands every run's full event to a sink — for looking at
     * what an estimator did (its primal world and the alternative worlds it replayed). Run it on
     * one thread; the sink sees the runs in the order the estimator made them.
     *
     * @param sink receives each run's event
     * @return the recording program, returning the same observable as this one
     */
    public StochasticProgram recording(Consumer<ShowerEvent> sink) {
        if (sink == null) {
            throw new IllegalArgumentException("sink = null");
        }
        return (sampler, theta) -> {
            ShowerEvent e = event(sampler, theta);
            sink.accept(e);
            return StochasticTriple.constant(observable == Observable.LOSS ? e.loss() : e.depth());
        };
    }

    /**
     * @param depth a shower depth
     * @return the loss (depth − target)²
     */
    public double loss(double depth) {
        return Simulation.loss(config, depth);
    }

    private double observe(double depth) {
        return observable == Observable.LOSS ? loss(depth) : depth;
    }

    private static StochasticTriple radius(StochasticTriple[] theta) {
        if (theta == null || theta.length < 1) {
            throw new IllegalArgumentException("theta must hold the inner radius as theta[0]; got "
                    + (theta == null ? "null" : "length " + theta.length));
        }
        double v = theta[0].value();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("theta[0] = " + v + " is not finite");
        }
        return theta[0];
    }
}
