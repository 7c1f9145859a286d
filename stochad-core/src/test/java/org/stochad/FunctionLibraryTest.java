package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.stochad.internal.Perturbed;

/**
 * The function library: every function maps the value exactly, the tangent by its closed-form
 * derivative and a perturbation x → x + Δ to the exact jump f(x + Δ) − f(x), for both signs of the
 * tangent and of the jump; the integer-valued ones keep exact alternatives of a count, checked
 * against enumeration of a binomial's pmf derivative.
 */
class FunctionLibraryTest {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    static Stream<Arguments> functions() {
        return Stream.of(
                fn("tan", StochasticTriple::tan, Math::tan, v -> 1 / (Math.cos(v) * Math.cos(v)), 0.3, 0.5),
                fn("asin", StochasticTriple::asin, Math::asin, v -> 1 / Math.sqrt(1 - v * v), 0.2, 0.5),
                fn("acos", StochasticTriple::acos, Math::acos, v -> -1 / Math.sqrt(1 - v * v), 0.2, 0.5),
                fn("atan", StochasticTriple::atan, Math::atan, v -> 1 / (1 + v * v), 2, 3),
                fn("sinh", StochasticTriple::sinh, Math::sinh, Math::cosh, 2, 3),
                fn("cosh", StochasticTriple::cosh, Math::cosh, Math::sinh, 2, 3),
                fn("log1p", StochasticTriple::log1p, v -> Math.log(1 + v), v -> 1 / (1 + v), 2, 3),
                fn("expm1", StochasticTriple::expm1, v -> Math.exp(v) - 1, Math::exp, 2, 3),
                fn("cbrt", StochasticTriple::cbrt, v -> Math.signum(v) * Math.pow(Math.abs(v), 1.0 / 3), v -> Math.pow(v, -2.0 / 3) / 3, 2, 3),
                // erf(1), erf(0.5) and erf(1.5) from tables (Abramowitz & Stegun 7.1)
                fn("erf", StochasticTriple::erf, FunctionLibraryTest::erfTable, v -> 2 / SQRT_PI * Math.exp(-v * v),
                        1, 0.5),
                fn("erfc", StochasticTriple::erfc, v -> 1 - erfTable(v), v -> -2 / SQRT_PI * Math.exp(-v * v), 1, 0.5),
                // ln Γ at integers is ln((n − 1)!), ψ(n) = H_{n−1} − γ
                fn("logGamma", StochasticTriple::logGamma, FunctionLibraryTest::logFactorialMinusOne,
                        v -> harmonic((int) v - 1) - 0.5772156649015329, 4, 3),
                fn("atan2(x, 3)", t -> t.atan2(StochasticTriple.constant(3)), v -> Math.atan(v / 3),
                        v -> 3 / (9 + v * v), 2, 3),
                fn("atan2(−1, x)", t -> StochasticTriple.constant(-1).atan2(t), v -> Math.atan2(-1, v),
                        v -> 1 / (1 + v * v), 2, 3),
                fn("hypot(x, 4)", t -> t.hypot(StochasticTriple.constant(4)), v -> Math.sqrt(v * v + 16),
                        v -> v / Math.sqrt(v * v + 16), 3, 2),
                fn("clamp(x, 1, 4)", t -> t.clamp(1, 4), v -> Math.min(Math.max(v, 1), 4), v -> v > 1 && v < 4 ? 1 : 0,
                        2, 3));
    }

    private static Arguments fn(String name, UnaryOperator<StochasticTriple> op, DoubleUnaryOperator f,
                                DoubleUnaryOperator df, double x, double shift) {
        return Arguments.of(name, op, f, df, x, shift);
    }

    private static double erfTable(double v) {
        if (v == 0.5) {
            return 0.5204998778130465;
        }
        if (v == 1) {
            return 0.8427007929497149;
        }
        if (v == 1.5) {
            return 0.9661051464753108;
        }
        if (v == 0.5 + 1) {
            return 0.9661051464753108;
        }
        throw new IllegalArgumentException("no table value for erf(" + v + ")");
    }

    private static double logFactorialMinusOne(double v) {
        double s = 0;
        for (int i = 2; i < (int) v; i++) {
            s += Math.log(i);
        }
        return s;
    }

    private static double harmonic(int n) {
        double s = 0;
        for (int i = 1; i <= n; i++) {
            s += 1.0 / i;
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void valueTangentAndExactJumpForBothSigns(String name, UnaryOperator<StochasticTriple> op, DoubleUnaryOperator f,
                                              DoubleUnaryOperator df, double x, double shift) {
        for (double tangent : new double[] {0.5, -0.5}) {
            for (double jump : new double[] {shift, -shift}) {
                if (name.equals("logGamma") && jump < 0 || (name.equals("erf") || name.equals("erfc")) && jump < 0) {
                    jump = name.equals("logGamma") ? -2 : 0.5;   // stay on the points tabulated above
                }
                StochasticTriple t = Perturbed.triple(x, new double[] {tangent}, 0.7, jump);
                StochasticTriple y = op.apply(t);
                String label = name + " at " + x + ", tangent " + tangent + ", jump " + jump;
                assertThat(y.value()).as(label).isCloseTo(f.applyAsDouble(x), offset(1e-13));
                assertThat(y.delta()).as(label).isCloseTo(df.applyAsDouble(x) * tangent, offset(1e-13));
                assertThat(y.perturbationShift()).as(label)
                        .isCloseTo(f.applyAsDouble(x + jump) - f.applyAsDouble(x), offset(1e-13));
                assertThat(y.perturbationWeight()).as(label).isEqualTo(0.7);
            }
        }
    }

    // ------------------------------------------------------------ integer-valued functions

    static Stream<Arguments> integerValued() {
        return Stream.of(
                Arguments.of("floor(x/2)", (UnaryOperator<StochasticTriple>) t -> t.div(2).floor(),
                        (DoubleUnaryOperator) v -> Math.floor(v / 2)),
                Arguments.of("ceil(x/3)", (UnaryOperator<StochasticTriple>) t -> t.div(3).ceil(),
                        (DoubleUnaryOperator) v -> Math.ceil(v / 3)),
                Arguments.of("round(0.4x)", (UnaryOperator<StochasticTriple>) t -> t.times(0.4).round(),
                        (DoubleUnaryOperator) v -> Math.round(0.4 * v)),
                Arguments.of("sign(x − 3)", (UnaryOperator<StochasticTriple>) t -> t.minus(3).sign(),
                        (DoubleUnaryOperator) v -> Math.signum(v - 3)),
                Arguments.of("clamp(x, 2, 5)", (UnaryOperator<StochasticTriple>) t -> t.clamp(2, 5),
                        (DoubleUnaryOperator) v -> Math.min(Math.max(v, 2), 5)),
                Arguments.of("min(x, 4)", (UnaryOperator<StochasticTriple>) t -> t.min(4),
                        (DoubleUnaryOperator) v -> Math.min(v, 4)),
                Arguments.of("max(x, 3)", (UnaryOperator<StochasticTriple>) t -> t.max(3),
                        (DoubleUnaryOperator) v -> Math.max(v, 3)),
                Arguments.of("floor(x/2)² (composed)", (UnaryOperator<StochasticTriple>) t -> t.div(2).floor().square(),
                        (DoubleUnaryOperator) v -> Math.pow(Math.floor(v / 2), 2)));
    }

    /**
     * X ~ Binomial(n, p) with the tangent δ = ±1 of p: every outcome x, carried as the triple the
     * inversion coupling gives it (δ &gt; 0: x → x + 1 at rate (n − x)/(1 − p); δ &lt; 0: x → x − 1
     * at rate x/p), and Σ_x pmf(x)·(δ_f + w·Δf) must equal δ·Σ_x f(x)·∂p pmf(x) exactly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("integerValued")
    void integerValuedFunctionsKeepExactAlternativesAgainstEnumeration(String name, UnaryOperator<StochasticTriple> op,
                                                                       DoubleUnaryOperator f) {
        int n = 9;
        double p = 0.37;
        double exact = 0;
        for (int x = 0; x <= n; x++) {
            double pmf = binomialPmf(n, p, x);
            exact += f.applyAsDouble(x) * pmf * (x / p - (n - x) / (1 - p));
        }
        for (double sign : new double[] {1, -1}) {
            double sum = 0;
            for (int x = 0; x <= n; x++) {
                boolean flips = sign > 0 ? x < n : x > 0;
                StochasticTriple t = flips
                        ? Perturbed.triple(x, new double[] {0}, sign > 0 ? (n - x) / (1 - p) : x / p, sign)
                        : StochasticTriple.of(x, 0);
                StochasticTriple y = op.apply(t);
                assertThat(y.value()).as(name + " at " + x).isEqualTo(f.applyAsDouble(x));
                assertThat(y.alternative()).as(name + " alternative of " + x)
                        .isEqualTo(f.applyAsDouble(t.alternative()));
                sum += binomialPmf(n, p, x) * y.derivativeContribution();
            }
            assertThat(sum).as(name + ", tangent " + sign).isCloseTo(sign * exact, offset(1e-12));
        }
    }

    @Test
    void integerValuedFunctionsOfADrawAreUnbiasedUnderEveryStochasticAdStrategy() {
        // E[⌊X/2⌋], X ~ Poisson(λ) at λ = 3.3, by enumeration of ∂λ pmf = pmf·(x/λ − 1)
        double lambda = 3.3;
        double exact = 0;
        double pmf = Math.exp(-lambda);
        for (int x = 0; x < 80; x++) {
            exact += Math.floor(x / 2.0) * pmf * (x / lambda - 1);
            pmf *= lambda / (x + 1);
        }
        StochasticProgram program = (s, th) -> s.poisson(th[0]).div(2).floor();
        for (ChunkedEstimator e : new ChunkedEstimator[] {
            Estimators.stochasticAd(StochasticAdOptions.propagate()), Estimators.stochasticAd()}) {
            Unbiased.assertUnbiased(e.estimate(program, new double[] {lambda}, 90_000, 5), exact,
                    "floor(X/2), " + e.name());
        }
    }

    @Test
    void integerValuedFunctionsRefuseAContinuousArgument() {
        assertThatThrownBy(() -> StochasticTriple.of(2.5, 1).floor())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("floor(2.5)")
                .hasMessageContaining("tangent 1.0");
        assertThatThrownBy(() -> StochasticTriple.constant(1).clamp(2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lo = 2.0");
    }

    @Test
    void logGammaOfACountPlusOneIsTheLogFactorial() {
        // ln(X!) of a perturbed count jumps by ln((x + 1)!) − ln(x!) = ln(x + 1)
        StochasticTriple x = Perturbed.triple(5, new double[] {0}, 0.3, 1);
        StochasticTriple lf = x.plus(1).logGamma();
        assertThat(lf.value()).isCloseTo(Math.log(120), offset(1e-12));
        assertThat(lf.perturbationShift()).isCloseTo(Math.log(6), offset(1e-12));
    }

    private static double binomialPmf(int n, double p, int x) {
        double c = 1;
        for (int i = 0; i < x; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c * Math.pow(p, x) * Math.pow(1 - p, n - x);
    }
}
