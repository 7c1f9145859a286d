package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamilyN;
import org.stochad.internal.Perturbed;

/**
 * The Java snippets of docs/guide.md sections 3.1, 4.5, 4.6 and 8.0, verbatim inside a context that
 * defines the variables they use (x, y, program), so that every example runs as written.
 */
class GuideExamplesTest {

    @Test
    void section31TwoArgumentHookAndBlackBoxLookup() {
        StochasticTriple x = Perturbed.triple(2, new double[] {0.5}, 0.7, 1);
        StochasticTriple y = StochasticTriple.of(1.5, 0.25);
        // --- guide 3.1
        StochasticTriple angle = y.map2(x, Math::atan2, x.value() / (x.value() * x.value() + y.value() * y.value()),
                -y.value() / (x.value() * x.value() + y.value() * y.value()));   // what y.atan2(x) does
        // ---
        StochasticTriple builtIn = y.atan2(x);
        assertThat(angle.value()).isEqualTo(builtIn.value());
        assertThat(angle.delta()).isEqualTo(builtIn.delta());
        assertThat(angle.perturbationShift()).isEqualTo(builtIn.perturbationShift());
        // --- guide 3.1
        Map<Integer, Double> prize = Map.of(0, 0.0, 1, 5.0, 2, 7.0, 3, 8.0);
        StochasticProgram lookup = (s, theta) -> s.binomial(3, theta[0]).propagateInt(prize::get);
        // ---
        // E = 3p(1−p)²·5 + 3p²(1−p)·7 + p³·8, derivative at p = 0.4 by enumeration of ∂p pmf
        double p = 0.4;
        double exact = 5 * 3 * ((1 - p) * (1 - p) - 2 * p * (1 - p)) + 7 * 3 * (2 * p * (1 - p) - p * p)
                + 8 * 3 * p * p;
        Unbiased.assertUnbiased(Estimators.stochasticAd(StochasticAdOptions.propagate())
                .estimate(lookup, new double[] {p}, 100_000, 42), exact, "guide lookup");
    }

    @Test
    void section45JacobianOfThreeOutputs() {
        // --- guide 4.5
        VectorProgram three = (s, theta) -> {
            StochasticTriple x = s.binomial(5, theta[0]);
            StochasticTriple b = s.bernoulli(theta[0]);
            StochasticTriple n = s.poisson(theta[1]);
            return new StochasticTriple[] {x.square(), n.times(b), n.min(3)};
        };
        JacobianEstimate j = Estimators.stochasticAd().jacobian(three, new double[] {0.3, 2.0},
                EstimateRequest.samples(100_000).seed(42));
        System.out.println(j);              // one line per output: E[fᵢ] and its row of ∂ with ± se
        double dXsquaredDp = j.mean(0, 0);  // exact 5 + 40p = 17
        // ---
        assertThat(dXsquaredDp).isCloseTo(17, offset(5 * j.standardError(0, 0)));
        assertThat(j.output(1).mean(1)).isCloseTo(0.3, offset(5 * j.standardError(1, 1)));
    }

    @Test
    void section46DirectionalDerivative() {
        StochasticProgram program = (s, th) -> s.binomial(5, th[0]).square().plus(s.poisson(th[1]));
        // --- guide 4.6
        GradientEstimate along = Estimators.stochasticAd().directional(program, new double[] {0.3, 2.0},
                new double[] {1, -2}, EstimateRequest.samples(100_000).seed(42));
        // ---
        assertThat(along.mean(0)).isCloseTo(17 - 2, offset(5 * along.standardError(0)));
    }

    @Test
    void section80MultiParameterFamily() {
        // --- guide 8.0
        DiscreteFamilyN nb = DiscreteFamilies.negativeBinomial();          // θ = (r, p)
        StochasticProgram failures = (s, t) -> s.draw(nb, t[0], t[1]);
        GradientEstimate g = Estimators.stochasticAd().estimate(failures, new double[] {3, 0.4}, 100_000, 42);
        // E[X] = r(1 − p)/p: ∂r = (1 − p)/p = 1.5, ∂p = −r/p² = −18.75
        // ---
        assertThat(g.mean(0)).isCloseTo(1.5, offset(5 * g.standardError(0)));
        assertThat(g.mean(1)).isCloseTo(-18.75, offset(5 * g.standardError(1)));
    }
}
