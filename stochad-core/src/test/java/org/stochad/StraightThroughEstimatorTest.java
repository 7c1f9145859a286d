package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.DiscreteFamilyN;

/**
 * The straight-through estimator passes d/dθ E[X] on as each draw's tangent: its bias is exactly
 * computable, and checked here against closed forms for both tangent signs; where f is affine in
 * every outcome it is exact. Its name says "(biased)".
 */
class StraightThroughEstimatorTest {

    private static final Estimator ST = Estimators.straightThrough();

    @Test
    void nameSaysBiased() {
        assertThat(ST.name()).contains("(biased)");
    }

    @Test
    void knownBiasOfTheSquareOfABinomialForBothTangentSigns() {
        // X ~ Binomial(n, p), f = X². E[f] = np(1 − p) + n²p², d/dp = n(1 − 2p) + 2n²p = 64 at
        // (10, 0.3). Straight-through: tangent n for every draw, estimate 2X·n, mean 2n²p = 60,
        // bias −n(1 − 2p) = −4; per-sample variance 4n²·np(1 − p) = 840.
        int n = 10;
        double p = 0.3;
        double exact = n * (1 - 2 * p) + 2.0 * n * n * p;
        double straight = 2.0 * n * n * p;
        StochasticProgram square = (s, t) -> s.binomial(n, t[0]).square();
        for (double sign : new double[] {1, -1}) {
            GradientEstimate g = ST.directional(square, new double[] {p}, new double[] {sign},
                    EstimateRequest.samples(200_000).seed(7));
            assertThat(g.standardError(0)).as("se small enough to see the bias of 4").isLessThan(0.1);
            assertThat(g.mean(0)).as("sign %s", sign).isCloseTo(sign * straight, offset(5 * g.standardError(0)));
            assertThat(g.mean(0) - sign * exact).as("bias, sign %s", sign)
                    .isCloseTo(-sign * n * (1 - 2 * p), offset(5 * g.standardError(0)));
            // the sample variance of 2n·X has sd √((μ₄ − σ⁴)/N) ≈ 2.6, μ₄ = (2n)⁴·npq(1 + 3(n − 2)pq)
            double var = 4.0 * n * n * n * p * (1 - p);
            double mu4 = Math.pow(2.0 * n, 4) * n * p * (1 - p) * (1 + 3 * (n - 2) * p * (1 - p));
            assertThat(g.variance(0)).isCloseTo(var, offset(5 * Math.sqrt((mu4 - var * var) / 200_000)));
            GradientEstimate unbiased = Estimators.stochasticAd().directional(square, new double[] {p},
                    new double[] {sign}, EstimateRequest.samples(200_000).seed(7));
            Unbiased.assertUnbiased(unbiased, sign * exact, "replay on the same program, sign " + sign);
        }
    }

    @Test
    void aBranchOnADrawDropsItsTangent() {
        // f = B·(5 + N), B ~ Bernoulli(p), N ~ Poisson(10p) drawn only when B = 1 (guide §3's game):
        // E[f] = p(5 + 10p), d/dp = 5 + 20p = 11 at 0.3. The branch drops B's tangent, so the
        // estimate is 10·B with mean 10p = 3: bias −(5 + 10p) = −8.
        double p = 0.3;
        StochasticProgram game = (s, t) -> s.bernoulli(t[0]).eq(1)
                ? s.poisson(t[0].times(10)).plus(5) : StochasticTriple.constant(0);
        GradientEstimate g = ST.estimate(game, new double[] {p}, 100_000, 11);
        assertThat(g.standardError(0)).isLessThan(0.05);
        assertThat(g.mean(0)).isCloseTo(10 * p, offset(5 * g.standardError(0)));
        assertThat(g.mean(0) - (5 + 20 * p)).isCloseTo(-(5 + 10 * p), offset(5 * g.standardError(0)));
    }

    @Test
    void exactWhenAffineInEveryOutcomeInAllFamilies() {
        // f = 3·Binomial(10, p) + Poisson(λ) − Geometric(q) + NegBin(r, s): each draw's tangent is the
        // constant ∂E[X], so every sample's estimate is the exact gradient (no spread at all)
        double p = 0.3;
        double lambda = 2;
        double q = 0.4;
        double r = 3;
        double s = 0.4;
        StochasticProgram affine = (sampler, t) -> sampler.binomial(10, t[0]).times(3)
                .plus(sampler.fork(1).poisson(t[1])).minus(sampler.fork(2).geometric(t[2]))
                .plus(sampler.fork(3).draw(DiscreteFamilies.negativeBinomial(), t[3], t[4]));
        GradientEstimate g = ST.estimate(affine, new double[] {p, lambda, q, r, s}, 1_000, 5);
        double[] exact = {30, 1, 1 / (q * q), (1 - s) / s, -r / (s * s)};
        for (int j = 0; j < exact.length; j++) {
            assertThat(g.mean(j)).as("component %d", j).isCloseTo(exact[j], offset(1e-9 * Math.abs(exact[j])));
            assertThat(g.variance(j)).as("component %d", j).isLessThan(1e-18);
        }
        // mixed tangent signs along a direction: ∇·u
        double[] u = {1, -2, 0.5, -1, 1};
        GradientEstimate d = ST.directional(affine, new double[] {p, lambda, q, r, s}, u,
                EstimateRequest.samples(1_000).seed(5));
        double dot = 0;
        for (int j = 0; j < u.length; j++) {
            dot += exact[j] * u[j];
        }
        assertThat(d.mean(0)).isCloseTo(dot, offset(1e-9 * Math.abs(dot)));
    }

    @Test
    void categoricalIndexTangentIsTheDerivativeOfItsMean() {
        // probabilities (p, 0.5, 0.5 − p): E[index] = 0.5 + 2(0.5 − p), d/dp = −2 for every sample
        StochasticProgram index = (s, t) -> s.categorical(t[0], StochasticTriple.constant(0.5),
                StochasticTriple.constant(0.5).minus(t[0]));
        GradientEstimate g = ST.estimate(index, new double[] {0.2}, 1_000, 3);
        assertThat(g.mean(0)).isCloseTo(-2, offset(1e-12));
    }

    @Test
    void defaultMeanDerivativesMatchTheClosedForms() {
        DiscreteFamily[] families = {DiscreteFamilies.bernoulli(), DiscreteFamilies.binomial(10),
            DiscreteFamilies.geometric(), DiscreteFamilies.poisson(), DiscreteFamilies.negativeBinomial(2.5)};
        double[] theta = {0.3, 0.3, 0.4, 3, 0.4};
        double[] exact = {1, 10, -1 / 0.16, 1, -2.5 / 0.16};
        for (int i = 0; i < families.length; i++) {
            DiscreteFamily f = families[i];
            DiscreteFamily generic = new DiscreteFamily() {   // no override: the default sum
                public String name() {
                    return f.name();
                }

                public String parameterName() {
                    return f.parameterName();
                }

                public void checkParameter(double t) {
                    f.checkParameter(t);
                }

                public double pmf(int x, double t) {
                    return f.pmf(x, t);
                }

                public double cdf(int x, double t) {
                    return f.cdf(x, t);
                }

                public double cdfDerivative(int x, double t) {
                    return f.cdfDerivative(x, t);
                }
            };
            assertThat(f.meanDerivative(theta[i])).as(f.name()).isCloseTo(exact[i], offset(1e-12));
            assertThat(generic.meanDerivative(theta[i])).as(f.name() + " default").isCloseTo(exact[i], offset(1e-9));
        }
        DiscreteFamilyN nb = DiscreteFamilies.negativeBinomial();
        DiscreteFamilyN genericN = new DiscreteFamilyN() {
            public String name() {
                return nb.name();
            }

            public int parameterCount() {
                return 2;
            }

            public String parameterName(int i) {
                return nb.parameterName(i);
            }

            public void checkParameters(double[] t) {
                nb.checkParameters(t);
            }

            public double pmf(int x, double[] t) {
                return nb.pmf(x, t);
            }

            public double cdf(int x, double[] t) {
                return nb.cdf(x, t);
            }

            public void cdfGradient(int x, double[] t, double[] gradient) {
                nb.cdfGradient(x, t, gradient);
            }
        };
        double[] g = new double[2];
        genericN.meanGradient(new double[] {3, 0.4}, g);
        assertThat(g[0]).isCloseTo(1.5, offset(1e-9));
        assertThat(g[1]).isCloseTo(-18.75, offset(1e-9));
    }
}
