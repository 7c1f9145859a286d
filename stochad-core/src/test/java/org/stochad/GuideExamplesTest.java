package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;
import org.stochad.study.OutputFiles;
import org.stochad.study.StudyResult;
import org.stochad.study.VarianceStudy;
import org.junit.jupiter.api.Test;
import org.stochad.distribution.DiscreteFamilyN;
import org.stochad.internal.Perturbed;

/**
 * Every Java fragment of docs/guide.md (and docs/math.md), verbatim between a {@code // --- guide}
 * marker and a {@code // ---} line inside a context that defines the variables it uses (x, y,
 * program, …), so that every example runs as written; {@link DocumentedJavaTest} checks that each
 * fragment of the documents appears here, and compiles and runs the documents' whole programs.
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

    @Test
    void section31ChainRuleHook() {
        StochasticTriple x = Perturbed.triple(2, new double[] {0.5}, 0.7, 1);
        // --- guide 3.1
        StochasticTriple cbrt = x.compose(Math.cbrt(x.value()), 1 / (3 * Math.cbrt(x.value() * x.value())),
                Math.cbrt(x.alternative()));
        StochasticTriple same = x.map(Math::cbrt, v -> 1 / (3 * Math.cbrt(v * v)));   // f as code
        // ---
        StochasticTriple builtIn = x.cbrt();
        for (StochasticTriple t : List.of(cbrt, same)) {
            assertThat(t.value()).isEqualTo(builtIn.value());
            assertThat(t.delta()).isCloseTo(builtIn.delta(), offset(1e-15));
            assertThat(t.alternative()).isCloseTo(builtIn.alternative(), offset(1e-15));
        }
    }

    @Test
    void section42VarianceStudy() throws Exception {
        StochasticProgram program = (s, t) -> s.binomial(20, t[0]).square();
        Path csv = Path.of("my-program.csv");
        try {
            // --- guide 4.2
            StudyResult r = VarianceStudy.of(program,
                    List.of(Estimators.stochasticAd(), Estimators.scoreFunctionWithBaseline()),
                    List.of(new double[] {0.2}, new double[] {0.5}), 20_000, 42)
                .withTitle("my program").run();
            System.out.print(r.toTable());
            OutputFiles.writeString(Path.of("my-program.csv"), r.toCsv());
            // ---
            assertThat(r.rows()).hasSize(4);
            assertThat(Files.readString(csv)).contains("stochastic AD");
            // d/dp E[X²] = 20 + 760p: 172 at 0.2
            assertThat(r.rows().get(0).mean()).isCloseTo(172, offset(5 * r.rows().get(0).standardError()));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void section5AddressedStreams() {
        StochasticProgram program = (s, t) -> {
            StochasticTriple lambda = t[0];
            StochasticTriple r = t[1];
            int orders = 0;
            StochasticTriple total = StochasticTriple.constant(0);
            // --- guide 5
            Sampler demands = s.fork(1);
            Sampler leadTimes = s.fork(2);
            // … then, inside the loop over the days:
            // ---
            for (int day = 0; day < 3; day++) {
                // --- guide 5
                StochasticTriple demand = demands.fork(day).poisson(lambda);        // day d's demand
                StochasticTriple extra = leadTimes.fork(orders++).geometric(r);     // the k-th order's lead time
                // ---
                total = total.plus(demand).plus(extra);
            }
            return total;
        };
        // E = 3λ + 3(1 − r)/r: ∂λ = 3, ∂r = −3/r² = −12 at r = 0.5
        GradientEstimate g = Estimators.stochasticAd().estimate(program, new double[] {2, 0.5}, 100_000, 42);
        assertThat(g.standardError(0)).as("se small enough to see a 3 % error").isLessThan(0.03);
        assertThat(g.standardError(1)).as("se small enough to see a 3 % error").isLessThan(0.12);
        assertThat(g.mean(0)).isCloseTo(3, offset(5 * g.standardError(0)));
        assertThat(g.mean(1)).isCloseTo(-12, offset(5 * g.standardError(1)));
    }

    @Test
    void section7Adam() {
        // E[(X − 30)²] with X ~ Poisson(p) = p + (p − 30)²: minimum at p = 29.5
        StochasticProgram loss = (s, t) -> s.poisson(t[0]).minus(30).square();
        // --- guide 7
        OptimizationResult r = Adam.of(0.5)
                .withBounds(new double[] {0.5}, new double[] {200})
                .minimize(loss, Estimators.stochasticAd(StochasticAdOptions.propagate()),
                          new double[] {5}, 400, 200, 42);   // start, steps, samples per step, seed
        double[] best = r.last();
        // ---
        assertThat(best[0]).isCloseTo(29.5, offset(1.0));
    }

    @Test
    void section8CheckYourFamily() {
        // --- guide 8
        DiscreteFamilies.check(new OnePlusPoisson(), 2.0).requireValid();
        // ---
        assertThat(DiscreteFamilies.check(new OnePlusPoisson(), 2.0).problems()).isEmpty();
    }

    /** The guide's custom family (section 8's CustomFamily program), for its self-check. */
    record OnePlusPoisson() implements DiscreteFamily {
        public String name() {
            return "onePlusPoisson";
        }

        public String parameterName() {
            return "lambda";
        }

        public void checkParameter(double lambda) {
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("onePlusPoisson: lambda = " + lambda + " is not > 0");
            }
        }

        public int lowerBound() {
            return 1;
        }

        public double pmf(int x, double lambda) {
            return x < 1 ? 0 : org.apache.commons.statistics.distribution.PoissonDistribution.of(lambda)
                    .probability(x - 1);
        }

        public double cdf(int x, double lambda) {
            return x < 1 ? 0 : org.apache.commons.statistics.distribution.PoissonDistribution.of(lambda)
                    .cumulativeProbability(x - 1);
        }

        public double cdfDerivative(int x, double lambda) {
            return x < 1 ? 0 : -org.apache.commons.statistics.distribution.PoissonDistribution.of(lambda)
                    .probability(x - 1);
        }
    }
}
