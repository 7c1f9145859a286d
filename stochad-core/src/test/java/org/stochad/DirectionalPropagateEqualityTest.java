package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stochad.internal.Perturbed;

/** Directional derivatives, black-box code in propagation mode, and the equality of triples. */
class DirectionalPropagateEqualityTest {

    /** f = X² + N·B, X ~ Binomial(5, p), B ~ Bernoulli(p), N ~ Poisson(λ): ∇E[f] = (17 + λ, p) at p = 0.3. */
    private static final StochasticProgram PROGRAM = (s, th) -> {
        StochasticTriple x = s.binomial(5, th[0]);
        StochasticTriple b = s.bernoulli(th[0]);
        return x.square().plus(s.poisson(th[1]).times(b));
    };

    @Test
    void aDirectionalDerivativeIsTheGradientAlongUAndCostsOneParameter() {
        double[] theta = {0.3, 2.0};
        double[] u = {1, -2};
        double exact = (17 + 2.0) - 2 * 0.3;
        EstimateRequest r = EstimateRequest.samples(60_000).seed(8);
        for (Estimator e : new Estimator[] {Estimators.stochasticAd(StochasticAdOptions.propagate()),
            Estimators.stochasticAd(), Estimators.hybrid()}) {
            GradientEstimate g = e.directional(PROGRAM, theta, u, r);
            assertThat(g.mean()).hasSize(1);
            Unbiased.assertUnbiased(g, exact, "directional, " + e.name());
        }
        GradientEstimate fd = Estimators.finiteDifference(0.01).directional(PROGRAM, theta, u, r);
        assertThat(fd.mean(0)).isCloseTo(exact, offset(5 * fd.standardError(0)));
        // propagation runs the program once per sample along u, k times for the gradient
        AtomicLong runs = new AtomicLong();
        StochasticProgram counted = (s, th) -> {
            runs.incrementAndGet();
            return PROGRAM.run(s, th);
        };
        Estimator propagate = Estimators.stochasticAd(StochasticAdOptions.propagate()).withParallelism(1);
        propagate.directional(counted, theta, u, EstimateRequest.samples(100));
        assertThat(runs.get()).isEqualTo(100);
        runs.set(0);
        propagate.estimate(counted, theta, EstimateRequest.samples(100));
        assertThat(runs.get()).isEqualTo(200);
    }

    @Test
    void aDirectionMustMatchTheParameters() {
        assertThatThrownBy(() -> Estimators.stochasticAd().directional(PROGRAM, new double[] {0.3, 2}, new double[] {1},
                EstimateRequest.samples(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u has 1 components, theta 2");
    }

    @Test
    void propagateEvaluatesAMapLookupOnTheValueAndTheAlternative() {
        Map<Integer, Double> prize = new HashMap<>();
        for (int i = 0; i <= 40; i++) {
            prize.put(i, 1.0 * i * i);
        }
        StochasticTriple x = Perturbed.triple(2, new double[] {0}, 0.4, 1);
        StochasticTriple y = x.propagateInt(prize::get);
        assertThat(y.value()).isEqualTo(4.0);
        assertThat(y.alternative()).isEqualTo(9.0);
        assertThat(y.perturbationWeight()).isEqualTo(0.4);
        assertThat(StochasticTriple.constant(4).propagateInt(prize::get).hasPerturbation()).isFalse();
        // E[prize(N)], N ~ Poisson(λ): exact derivative Σ prize(n)·pmf(n)·(n/λ − 1)
        double lambda = 2.5;
        double exact = 0;
        double pmf = Math.exp(-lambda);
        for (int n = 0; n < 60; n++) {
            exact += (n <= 40 ? prize.get(n) : 0) * pmf * (n / lambda - 1);
            pmf *= lambda / (n + 1);
        }
        StochasticProgram program = (s, th) -> s.poisson(th[0]).propagateInt(prize::get);
        Unbiased.assertUnbiased(Estimators.stochasticAd(StochasticAdOptions.propagate())
                .estimate(program, new double[] {lambda}, 200_000, 3), exact, "map lookup under PROPAGATE");
    }

    @Test
    void propagateRefusesATangentAndANonInteger() {
        assertThatThrownBy(() -> StochasticTriple.of(1, 0.5).propagate(v -> v))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("map(f, f′)");
        assertThatThrownBy(() -> StochasticTriple.constant(1.5).propagateInt(i -> i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5 is not an integer");
    }

    @Test
    void unperturbedTriplesAreEqualByValueAndTangent() {
        assertThat(StochasticTriple.of(2, 1, 0)).isEqualTo(StochasticTriple.of(2, 1));
        assertThat(StochasticTriple.of(2, 1, 0).hashCode()).isEqualTo(StochasticTriple.of(2, 1).hashCode());
        assertThat(StochasticTriple.of(2, 1)).isNotEqualTo(StochasticTriple.of(2, 0.5));
        assertThat(StochasticTriple.constant(2)).isNotEqualTo(2.0);
        Map<StochasticTriple, String> m = new HashMap<>();
        m.put(StochasticTriple.constant(3), "three");
        assertThat(m.get(StochasticTriple.of(3, 0))).isEqualTo("three");
    }

    @Test
    void aPerturbedTripleIsRefusedAsAMapKey() {
        StochasticTriple x = Perturbed.triple(2, new double[] {0}, 0.4, 1);
        Map<StochasticTriple, String> m = new HashMap<>();
        assertThatThrownBy(() -> m.put(x, "two"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lose its perturbation")
                .hasMessageContaining("propagate");
        assertThatThrownBy(() -> StochasticTriple.constant(2).equals(x)).isInstanceOf(IllegalStateException.class);
        assertThat(x.equals(x)).isTrue();
    }
}
