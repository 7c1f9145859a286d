package org.stochad;

import java.util.function.Function;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The source of all randomness of a {@link StochasticProgram}: discrete draws that know how
 * to be differentiated, reparameterised continuous draws, and addressed substreams.
 *
 * <p>Every draw inverts one uniform number of the sampler's own stream (normal numbers come from
 * the stream by an exact ziggurat instead, see {@link UniformStream#standardNormal()}), so two runs
 * with the same seed see the same numbers. Depending on the estimator running the program, a discrete
 * draw creates a perturbation (propagation), registers a candidate flip (replay) or adds to the
 * score Σ ∂θ log pmf (score function) — the program does not change.
 */
public interface Sampler {

    /**
     * @param p success probability in [0, 1]
     * @return 1 with probability p, else 0
     */
    StochasticTriple bernoulli(StochasticTriple p);

    /**
     * @param n trials, n &ge; 0
     * @param p success probability
     * @return the number of successes
     */
    StochasticTriple binomial(int n, StochasticTriple p);

    /**
     * Binomial with a discrete, possibly perturbed, number of trials.
     *
     * @param n trials (an integer-valued triple)
     * @param p success probability
     * @return the number of successes
     */
    StochasticTriple binomial(StochasticTriple n, StochasticTriple p);

    /**
     * @param p success probability in (0, 1]
     * @return failures before the first success
     */
    StochasticTriple geometric(StochasticTriple p);

    /**
     * @param lambda the mean, &ge; 0
     * @return a Poisson count
     */
    StochasticTriple poisson(StochasticTriple lambda);

    /**
     * @param probabilities category probabilities, summing to 1 (within 1e-9)
     * @return the 0-based index of the chosen category; categories of probability 0 are never
     *         chosen, and become alternatives only when their probability grows (a tangent may
     *         not make a probability of 0 shrink or one of 1 grow)
     */
    StochasticTriple categorical(StochasticTriple... probabilities);

    /**
     * A draw from a user-supplied discrete family.
     *
     * @param family    the family
     * @param parameter its parameter
     * @return the outcome
     */
    StochasticTriple draw(DiscreteFamily family, StochasticTriple parameter);

    /**
     * A draw from a user-supplied discrete family with several parameters, differentiated in all
     * of them at once: along a tangent direction the flips' weights come from the directional CDF
     * derivative Σᵢ ∂θᵢF·δθᵢ — w = |Σᵢ ∂θᵢF(x or x−1; θ)·δθᵢ| / pmf(x) — and the score modes add
     * Σᵢ δθᵢ ∂θᵢ log pmf(x). The estimators' samplers implement it; this default refuses.
     *
     * @param family     the family
     * @param parameters its parameters, as many as {@link DiscreteFamilyN#parameterCount()}
     * @return the outcome
     * @throws UnsupportedOperationException when this sampler does not draw multi-parameter families
     */
    default StochasticTriple draw(DiscreteFamilyN family, StochasticTriple... parameters) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not draw multi-parameter"
                + " discrete families (" + family.name() + ")");
    }

    /**
     * A draw from a user-supplied continuous family, by its own sampler (inversion by default),
     * differentiated by implicit reparameterisation: the value's tangent is
     * dz = −Σᵢ ∂θᵢF(z; θ)·δθᵢ / p(z; θ). The score-function estimators add ∂θ log p(z; θ)·δθ
     * to the score instead, and the value carries no tangent there.
     *
     * @param family     the family
     * @param parameters its parameters, as many as {@link ContinuousFamily#parameterCount()}
     * @return the draw
     */
    StochasticTriple draw(ContinuousFamily family, StochasticTriple... parameters);

    /**
     * A comparison with an independent random threshold, the threshold integrated out
     * (conditional Monte Carlo): "x &lt; T" with T drawn from {@code threshold}, returned as a
     * Bernoulli draw of probability 1 − F_T(x; θ). Its distribution is that of the comparison, but
     * its probability is smooth in x, so x's tangent (and the threshold parameters') flows into
     * a flippable decision instead of being lost at a hard step. T itself is not drawn.
     *
     * @param x          the compared value
     * @param threshold  the threshold's distribution
     * @param parameters its parameters
     * @return 1 when x &lt; T, else 0
     */
    StochasticTriple below(StochasticTriple x, ContinuousFamily threshold, StochasticTriple... parameters);

    /**
     * A continuous draw split at boundaries b₀ &le; b₁ &le; … : first the region it falls in
     * (region r is (b_{r−1}, b_r], with b₋₁ and b_m the support's ends), a categorical draw of
     * probabilities F(b_r) − F(b_{r−1}) whose tangent comes from θ and from the boundaries'
     * tangents; then the value by inversion of one uniform number v inside the region,
     * z = F⁻¹(F(b_{r−1}) + v·(F(b_r) − F(b_{r−1}))), differentiated pathwise with v fixed. The
     * value's distribution is the family's; a discontinuity of the program at a boundary becomes
     * a flip of the region. The value is pathwise under every estimator; the region is a flip or
     * a score term like any categorical.
     *
     * @param family     the family
     * @param parameters its parameters
     * @param boundaries the boundaries, non-decreasing
     * @return the region and the value
     */
    RegionDraw split(ContinuousFamily family, StochasticTriple[] parameters, StochasticTriple... boundaries);

    /**
     * @param mean the mean
     * @param sd the standard deviation, &ge; 0
     * @return mean + sd·ξ
     */
    StochasticTriple normal(StochasticTriple mean, StochasticTriple sd);

    /**
     * @param rate the rate, &gt; 0
     * @return −ln(u)/rate
     */
    StochasticTriple exponential(StochasticTriple rate);

    /**
     * @param lo lower end
     * @param hi upper end, &ge; lo
     * @return lo + (hi − lo)·u
     */
    StochasticTriple uniform(StochasticTriple lo, StochasticTriple hi);

    /**
     * One accept/reject decision of a rejection sampler: a Bernoulli draw with its own
     * identity, so stochastic AD can flip it and the score function counts it.
     *
     * @param probability the acceptance probability in [0, 1]
     * @return true when accepted
     */
    boolean accept(StochasticTriple probability);

    /**
     * An accept/reject decision whose probability carries no tangent and no perturbation: the same
     * draw, with the same result and the same bookkeeping, as {@code accept(StochasticTriple.constant(probability))}
     * (a sampler may take it without building triples, as the primal run does).
     *
     * @param probability the acceptance probability in [0, 1]
     * @return true when accepted
     */
    default boolean accept(double probability) {
        return accept(StochasticTriple.constant(probability));
    }

    /**
     * Reports the program's own score-function estimate of this run's per-sample Jacobian, for the
     * hybrid estimator ({@link Estimators#hybrid()}): it then mixes stochastic AD with this estimate
     * instead of with the score it records draw by draw. Worth it when the program knows a better
     * behaved score than its draws' — typically that of the same law in another parameterisation,
     * where draws it conditions or differentiates pathwise are plain densities (the Lund
     * generator's pathwise mode: the z densities instead of its smoothed stop decisions).
     *
     * <p>The estimate must be unbiased for the same Jacobian and computed from this run (a
     * baseline that does not depend on the run is allowed); a program that reports must report
     * once in every run with tangents. Entry (i, j) — output i, parameter j — is at i·k + j. Every
     * other estimator, and every run without tangents, ignores it.
     *
     * @param jacobian the estimate, length (outputs)·(parameters)
     */
    default void reportScoreEstimate(double... jacobian) {
    }

    /**
     * An addressed, independent substream: the same key path from the same seed always gives
     * the same numbers, whatever else was drawn before.
     *
     * @param key the substream's name within this one
     * @return the substream's sampler
     */
    Sampler fork(long key);

    /** @return a parameter-free uniform number in (0, 1) */
    double uniform();

    /** @return a parameter-free standard normal number */
    double standardNormal();

    /** @return a parameter-free standard exponential number */
    double exponential();

    /**
     * @param p a constant probability
     * @return a Bernoulli draw
     */
    default StochasticTriple bernoulli(double p) {
        return bernoulli(StochasticTriple.constant(p));
    }

    /**
     * @param n trials, n &ge; 0
     * @param p a constant success probability
     * @return a binomial draw
     */
    default StochasticTriple binomial(int n, double p) {
        return binomial(n, StochasticTriple.constant(p));
    }

    /**
     * @param p a constant success probability in (0, 1]
     * @return failures before the first success
     */
    default StochasticTriple geometric(double p) {
        return geometric(StochasticTriple.constant(p));
    }

    /**
     * @param family    the family
     * @param parameter a constant parameter
     * @return a draw from the family
     */
    default StochasticTriple draw(DiscreteFamily family, double parameter) {
        return draw(family, StochasticTriple.constant(parameter));
    }

    /**
     * @param lambda a constant mean
     * @return a Poisson draw
     */
    default StochasticTriple poisson(double lambda) {
        return poisson(StochasticTriple.constant(lambda));
    }

    /**
     * @param probabilities constant probabilities
     * @return a categorical draw
     */
    default StochasticTriple categorical(double... probabilities) {
        StochasticTriple[] p = new StochasticTriple[probabilities.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = StochasticTriple.constant(probabilities[i]);
        }
        return categorical(p);
    }

    /**
     * Rejection sampling from a parameter-free proposal: propose, accept with a
     * parameter-dependent probability, repeat. Each decision goes through {@link #accept}, so
     * the accepted value's dependence on the parameters — including that of the normalisation —
     * is differentiated correctly by every estimator.
     *
     * @param <T>        the proposal's type
     * @param proposal   draws one proposal from the given sampler
     * @param acceptance the acceptance probability of a proposal
     * @param maxTries   how many proposals before giving up
     * @return the first accepted proposal
     * @throws IllegalStateException when no proposal was accepted in {@code maxTries}
     */
    default <T> T rejection(Function<Sampler, T> proposal, Function<T, StochasticTriple> acceptance, int maxTries) {
        if (maxTries < 1) {
            throw new IllegalArgumentException("rejection: maxTries = " + maxTries + " is less than 1");
        }
        for (int i = 0; i < maxTries; i++) {
            T candidate = proposal.apply(this);
            if (accept(acceptance.apply(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("rejection: no proposal accepted in " + maxTries + " tries");
    }
}
