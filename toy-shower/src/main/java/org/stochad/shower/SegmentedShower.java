package org.stochad.shower;

import org.stochad.Sampler;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * The toy shower in a segmented detector as a {@link StochasticProgram} of K parameters, the
 * inner radii θ_0 … θ_{K−1} of the {@link SegmentedMaterial}'s sectors: one run returns the
 * {@link DesignObjective}, the event's depth loss plus the material budget.
 *
 * <p>The shower itself is {@link ToyShower}'s, with the same random-number layout; only the
 * material differs. With K = 1 and {@link DesignObjective#depthOnly()} a run is a
 * {@link ToyShower} run, bit for bit, so estimates and optimisations are identical.
 */
public final class SegmentedShower implements StochasticProgram, java.io.Serializable {

    private final ShowerConfig config;
    private final SegmentedMaterial material;
    private final DesignObjective objective;

    private SegmentedShower(ShowerConfig config, SegmentedMaterial material, DesignObjective objective) {
        if (config == null) {
            throw new IllegalArgumentException("config = null");
        }
        if (material == null) {
            throw new IllegalArgumentException("material = null");
        }
        if (objective == null) {
            throw new IllegalArgumentException("objective = null");
        }
        this.config = config;
        this.material = material;
        this.objective = objective;
    }

    /**
     * @param config    the shower's constants
     * @param segments  the number of sectors K, 1 … 64
     * @param objective the objective
     * @return the segmented shower
     */
    public static SegmentedShower of(ShowerConfig config, int segments, DesignObjective objective) {
        return new SegmentedShower(config, SegmentedMaterial.of(segments), objective);
    }

    /** @return the constants */
    public ShowerConfig config() {
        return config;
    }

    /** @return the sectored material */
    public SegmentedMaterial material() {
        return material;
    }

    /** @return the objective */
    public DesignObjective objective() {
        return objective;
    }

    /** @return the number of parameters K */
    public int segments() {
        return material.segments();
    }

    /**
     * @param theta every sector's inner radius θ_k
     * @return a uniform point: K copies of theta
     */
    public double[] uniform(double theta) {
        double[] t = new double[segments()];
        java.util.Arrays.fill(t, theta);
        return t;
    }

    /**
     * Runs one shower.
     *
     * @param sampler the randomness
     * @param theta   the K inner radii
     * @return (D − target)² + λ·B(θ), whose tangent is the budget's exact derivative
     */
    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        Simulation.Outcome o = Simulation.run(config, sampler, material.material(theta), null);
        return objective(Simulation.loss(config, o.depth()), theta);
    }

    /**
     * Runs one shower and keeps everything it did.
     *
     * @param sampler the randomness
     * @param theta   the K inner radii
     * @return the event; its loss is the depth loss alone, without the budget
     */
    public ShowerEvent event(Sampler sampler, StochasticTriple[] theta) {
        return Simulation.event(config, sampler, material.material(theta));
    }

    private StochasticTriple objective(double loss, StochasticTriple[] theta) {
        if (objective.budgetWeight() == 0) {
            return StochasticTriple.constant(loss);
        }
        int n = segments();
        double[] radii = new double[n];
        for (int k = 0; k < n; k++) {
            radii[k] = theta[k].value();
        }
        double value = loss + objective.budget(material, radii);
        int directions = theta[0].directions();
        if (directions == 0) {
            return StochasticTriple.constant(value);
        }
        double[] db = new double[n];
        for (int k = 0; k < n; k++) {
            db[k] = objective.budgetDerivative(material, k);
        }
        // Σ_k ∂B/∂θ_k · δθ_k, in time of the tangents' non-zero components (one per θ_k), not K²
        return StochasticTriple.linearCombination(value, db, theta, directions);
    }

    @Override
    public String toString() {
        return config.label() + " in " + material + ", " + objective;
    }
}
