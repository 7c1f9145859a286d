package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamilyN;
import org.stochad.distribution.FamilyCheck;

/**
 * Families with several parameters: NegativeBinomial(r, p) differentiated in r and p at once, with
 * both tangent signs for each parameter and a mixed direction, under every estimator.
 */
class MultiParameterFamilyTest {

    private static final double R = 3;
    private static final double P = 0.4;
    private static final DiscreteFamilyN NB = DiscreteFamilies.negativeBinomial();

    /** Outputs X, X² and [X = 0] of one draw X ~ NB(r, p). */
    private static StochasticTriple[] outputs(Sampler s, StochasticTriple r, StochasticTriple p) {
        StochasticTriple x = s.draw(NB, r, p);
        return new StochasticTriple[] {x, x.square(), x.min(1).neg().plus(1)};
    }

    /** ∂r and ∂p of E[X], E[X²] and P(X = 0) = p^r, from the closed forms. */
    private static double[][] exact() {
        double m = R * (1 - P) / P;
        return new double[][] {
            {(1 - P) / P, -R / (P * P)},
            {(1 - P) / (P * P) + 2 * m * (1 - P) / P, R * (-2 / (P * P * P) + 1 / (P * P)) - 2 * m * R / (P * P)},
            {Math.pow(P, R) * Math.log(P), R * Math.pow(P, R - 1)},
        };
    }

    private static Estimator[] estimators() {
        return new Estimator[] {
            Estimators.stochasticAd(StochasticAdOptions.propagate()), Estimators.stochasticAd(),
            Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(), Estimators.hybrid(),
            Estimators.finiteDifference(0.02),
        };
    }

    @Test
    void negativeBinomialInBothParametersUnderEveryEstimator() {
        double[][] ex = exact();
        // direct: (r, p) = (θ₀, θ₁), tangents +1; negated: (r, p) = (6 − θ₀, 1 − θ₁), tangents −1
        VectorProgram direct = (s, t) -> outputs(s, t[0], t[1]);
        VectorProgram negated = (s, t) -> outputs(s, t[0].neg().plus(2 * R), t[1].neg().plus(1));
        // mixed: one parameter moving r and p together, r = 3 + t, p = 0.4 + 0.05 t (opposite pulls)
        VectorProgram mixed = (s, t) -> outputs(s, t[0].plus(R), t[0].times(0.05).plus(P));
        for (Estimator e : estimators()) {
            boolean fd = e.name().startsWith("finite");
            int n = e.name().startsWith("score") || fd ? 400_000 : 200_000;
            double slack = fd ? 1e-2 : 1e-12;
            JacobianEstimate d = e.jacobian(direct, new double[] {R, P}, EstimateRequest.samples(n).seed(11));
            JacobianEstimate g = e.jacobian(negated, new double[] {R, 1 - P}, EstimateRequest.samples(n).seed(12));
            JacobianEstimate h = e.jacobian(mixed, new double[] {0}, EstimateRequest.samples(n).seed(13));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    near(d.mean(i, j), d.standardError(i, j), ex[i][j], e.name() + " direct " + i + "," + j, slack);
                    near(g.mean(i, j), g.standardError(i, j), -ex[i][j], e.name() + " negated " + i + "," + j, slack);
                }
                near(h.mean(i, 0), h.standardError(i, 0), ex[i][0] + 0.05 * ex[i][1], e.name() + " mixed " + i, slack);
            }
        }
    }

    /** |mean − exact| &le; 5 se + slack·|exact|: finite differences carry an O(h²) bias (slack 1 %). */
    private static void near(double mean, double se, double exact, String label, double slack) {
        assertThat(se).as("%s: se", label).isLessThan(0.05 * Math.abs(exact));
        assertThat(Math.abs(mean - exact)).as("%s: mean %s, exact %s, se %s", label, mean, exact, se)
                .isLessThanOrEqualTo(5 * se + slack * Math.abs(exact));
    }

    @Test
    void gradientMatchesClosedFormAndSelfCheckPasses() {
        double[] g = new double[2];
        double eps = 1e-6;
        for (int x = 0; x < 20; x++) {
            NB.cdfGradient(x, new double[] {R, P}, g);
            double fr = (NB.cdf(x, new double[] {R + eps, P}) - NB.cdf(x, new double[] {R - eps, P})) / (2 * eps);
            double fp = (NB.cdf(x, new double[] {R, P + eps}) - NB.cdf(x, new double[] {R, P - eps})) / (2 * eps);
            assertThat(g[0]).as("dF/dr at %d", x).isCloseTo(fr, org.assertj.core.data.Offset.offset(1e-7));
            assertThat(g[1]).as("dF/dp at %d", x).isCloseTo(fp, org.assertj.core.data.Offset.offset(1e-7));
        }
        for (double[] theta : new double[][] {{R, P}, {0.7, 0.2}, {12.5, 0.9}}) {
            // one check per parameter: an empty list would pass the loop below unseen
            assertThat(FamilyCheck.of(NB, theta)).hasSize(2);
            for (FamilyCheck c : FamilyCheck.of(NB, theta)) {
                assertThat(c.problems()).as("%s", c).isEmpty();
            }
        }
    }

    @Test
    void badParametersAndTangentsAreRefusedWithTheirValue() {
        assertThatThrownBy(() -> Estimators.stochasticAd().estimate(
                (s, t) -> s.draw(NB, t[0], t[1]), new double[] {3, 1.5}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p = 1.5");
        assertThatThrownBy(() -> Estimators.stochasticAd().estimate(
                (s, t) -> s.draw(NB, t[0]), new double[] {3}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 1");
        // p = 1 is the edge: a tangent pushing p above 1 points out of the domain
        assertThatThrownBy(() -> Estimators.stochasticAd().estimate(
                (s, t) -> s.draw(NB, t[0], t[1]), new double[] {3, 1}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p = 1.0");
    }
}
