package org.stochad.internal;

import org.stochad.StochasticTriple;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * What a discrete draw does besides inverting its uniform number: the derivative bookkeeping of
 * one mode of a run. There is one rule per mode — {@link PrimalRule} (nothing),
 * {@link PropagateRule} (perturbations), {@link ScoreRule} (the score),
 * {@link RecordRule} (the score and candidate flips) and {@link ForcedRule} (one flip forced) —
 * as StochasticAD.jl keeps one file per backend. The sampler validates the parameters and draws
 * the outcome; the rule turns the outcome into a triple.
 */
interface DrawRule {

    /**
     * A draw from a continuous family. By default it is differentiated pathwise, by implicit
     * reparameterisation (nothing to do when no tangent or perturbation is carried); the score
     * mode adds ∂θ log p instead.
     *
     * @param family the family
     * @param params the parameters
     * @param theta  their values (checked)
     * @param z      the draw
     * @return the draw as a triple
     */
    default StochasticTriple continuous(ContinuousFamily family, StochasticTriple[] params, double[] theta, double z) {
        return ContinuousDraws.pathwise(family, params, theta, z);
    }

    /**
     * The program's own score-function estimate of the run's Jacobian
     * ({@link org.stochad.Sampler#reportScoreEstimate}); only the recording run keeps it.
     *
     * @param jacobian the estimate
     */
    default void reportScoreEstimate(double[] jacobian) {
    }

    /**
     * Couples the perturbations of a categorical draw's probabilities before the draw; only
     * propagation carries perturbations.
     *
     * @param probabilities the probabilities
     * @return the alternative they are coupled to, or null
     */
    default Alternative couple(StochasticTriple[] probabilities) {
        return null;
    }

    /**
     * A draw from a one-parameter family.
     *
     * @param stream    the stream the uniform number came from
     * @param family    the family
     * @param param     the parameter
     * @param theta     its value (checked)
     * @param u         the uniform number
     * @param x         the outcome F⁻¹(u)
     * @param carried   the alternative the parameter carries, or null
     * @param altFamily the family in that alternative world
     * @param altTheta  the parameter in that alternative world
     * @return the outcome as a triple
     */
    StochasticTriple family(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta,
                            double u, int x, Alternative carried, DiscreteFamily altFamily, double altTheta);

    /**
     * A draw from a multi-parameter family; see {@link FamilyNDraws} for the directional CDF
     * derivatives that stand where a one-parameter family has δθ·∂θF.
     *
     * @param stream   the stream the uniform number came from
     * @param family   the family
     * @param params   the parameters
     * @param theta    their values (checked)
     * @param u        the uniform number
     * @param x        the outcome F⁻¹(u)
     * @param carried  the alternative the parameters carry (coupled), or null
     * @param altTheta the parameters in that alternative world, or null
     * @return the outcome as a triple
     */
    StochasticTriple familyN(AddressedStream stream, DiscreteFamilyN family, StochasticTriple[] params,
                             double[] theta, double u, int x, Alternative carried, double[] altTheta);

    /**
     * A categorical draw.
     *
     * @param stream        the stream the uniform number came from
     * @param probabilities the probabilities as triples
     * @param p             their values (checked)
     * @param sum           their sum
     * @param u             the uniform number
     * @param x             the outcome
     * @param coupled       the alternative of {@link #couple}, or null
     * @return the outcome as a triple
     */
    StochasticTriple categorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p, double sum,
                                 double u, int x, Alternative coupled);
}
