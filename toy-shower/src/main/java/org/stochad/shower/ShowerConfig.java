package org.stochad.shower;

/**
 * The constants of the Kagan–Heinrich toy shower (arXiv 2308.16680): energies, lengths and the
 * probability that an interaction splits the particle in two.
 *
 * @param initialEnergy    energy of the primary particle, E₀ &gt; 0
 * @param energyThreshold  a particle with E below this ends, &ge; 0
 * @param escapeRadius     a particle whose next position lies beyond this radius ends, &gt; 0
 * @param stepLength       distance travelled per generation, &gt; 0
 * @param energyLoss       energy lost per interaction when it does not split, &ge; 0
 * @param directionBump    size of each component of the direction kick at an interaction, &ge; 0
 * @param splitProbability probability that an interaction splits the particle, in [0, 1]
 * @param targetDepth      the depth the design aims for; the loss is (D − targetDepth)²
 */
public record ShowerConfig(double initialEnergy, double energyThreshold, double escapeRadius, double stepLength,
                           double energyLoss, double directionBump, double splitProbability, double targetDepth)
        implements java.io.Serializable {

    /**
     * Checks every constant.
     *
     * @param initialEnergy energy of the primary particle, E₀ &gt; 0
     * @param energyThreshold a particle with E below this ends, &ge; 0
     * @param escapeRadius a particle whose next position lies beyond this radius ends, &gt; 0
     * @param stepLength distance travelled per generation, &gt; 0
     * @param energyLoss energy lost per interaction when it does not split, &ge; 0
     * @param directionBump size of each component of the direction kick at an interaction, &ge; 0
     * @param splitProbability probability that an interaction splits the particle, in [0, 1]
     * @param targetDepth the depth the design aims for; the loss is (D − targetDepth)²
     */
    public ShowerConfig {
        Checks.positive("initialEnergy", initialEnergy);
        Checks.nonNegative("energyThreshold", energyThreshold);
        Checks.positive("escapeRadius", escapeRadius);
        Checks.positive("stepLength", stepLength);
        Checks.nonNegative("energyLoss", energyLoss);
        Checks.nonNegative("directionBump", directionBump);
        if (!(splitProbability >= 0 && splitProbability <= 1)) {
            throw new IllegalArgumentException("splitProbability = " + splitProbability + " is not in [0, 1]");
        }
        if (!Double.isFinite(targetDepth)) {
            throw new IllegalArgumentException("targetDepth = " + targetDepth + " is not finite");
        }
        if (directionBump >= 1 / Math.sqrt(2)) {
            throw new IllegalArgumentException("directionBump = " + directionBump
                    + " could cancel a unit direction; it must be below 1/√2");
        }
        if (splitProbability > 0 && energyThreshold == 0) {
            throw new IllegalArgumentException("energyThreshold = 0 with splitProbability = " + splitProbability
                    + " would let a shower split without end");
        }
    }

    /** @return the published "shower" configuration: every interaction splits the particle */
    public static ShowerConfig shower() {
        return new ShowerConfig(25, 0.5, 20, 0.02, 2.0, 0.05, 1.0, 2.0);
    }

    /** @return the published "eloss" configuration: interactions only cost energy and kick the direction */
    public static ShowerConfig eloss() {
        return new ShowerConfig(25, 0.5, 20, 0.02, 2.0, 0.05, 0.0, 2.0);
    }

    /**
     * @param e the primary energy
     * @return this configuration with that primary energy
     */
    public ShowerConfig withInitialEnergy(double e) {
        return new ShowerConfig(e, energyThreshold, escapeRadius, stepLength, energyLoss, directionBump,
                splitProbability, targetDepth);
    }

    /**
     * @param r the escape radius
     * @return this configuration with that escape radius
     */
    public ShowerConfig withEscapeRadius(double r) {
        return new ShowerConfig(initialEnergy, energyThreshold, r, stepLength, energyLoss, directionBump,
                splitProbability, targetDepth);
    }

    /**
     * @param s the step length
     * @return this configuration with that step length
     */
    public ShowerConfig withStepLength(double s) {
        return new ShowerConfig(initialEnergy, energyThreshold, escapeRadius, s, energyLoss, directionBump,
                splitProbability, targetDepth);
    }

    /**
     * @param d the target depth
     * @return this configuration with that target depth
     */
    public ShowerConfig withTargetDepth(double d) {
        return new ShowerConfig(initialEnergy, energyThreshold, escapeRadius, stepLength, energyLoss, directionBump,
                splitProbability, d);
    }

    /** @return "shower", "eloss" or "split=p" after the split probability */
    public String label() {
        if (splitProbability == 1) {
            return "shower";
        }
        return splitProbability == 0 ? "eloss" : "split=" + splitProbability;
    }
}
