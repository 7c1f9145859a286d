package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.GeometricDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * Double-checks every closed form the estimator tests use against an independent route: the
 * expectation by enumeration of the support (Commons Statistics pmfs, or the pmf written out),
 * differentiated by a central difference with a small step. Nothing here touches the core.
 */
class ClosedFormOracleTest {

    private static final double H = 1e-5;

    /** Σ f(x)·pmf(x) over x = 0 … max. */
    private static double enumerate(IntToDoubleFunction pmf, IntToDoubleFunction f, int max) {
        double s = 0;
        for (int x = 0; x <= max; x++) {
            s += f.applyAsDouble(x) * pmf.applyAsDouble(x);
        }
        return s;
    }

    private static double derivative(DoubleUnaryOperator expectation, double at) {
        return (expectation.applyAsDouble(at + H) - expectation.applyAsDouble(at - H)) / (2 * H);
    }

    private static void check(String name, DoubleUnaryOperator expectation, double at, double closedForm) {
        assertThat(derivative(expectation, at)).as(name).isCloseTo(closedForm,
                org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(closedForm))));
    }

    private static double closedForm(String name) {
        return ClosedForms.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().exact();
    }

    @Test
    void bernoulli() {
        double p = ClosedForms.P_BERNOULLI;
        check("7x-3", q -> (1 - q) * -3 + q * 4, p, closedForm("Bernoulli E[7x-3]'"));
        check("(x+1)^2", q -> (1 - q) * 1 + q * 4, p, closedForm("Bernoulli E[(x+1)^2]'"));
        check("sqrt(x+1)", q -> (1 - q) + q * Math.sqrt(2), p, closedForm("Bernoulli E[sqrt(x+1)]'"));
    }

    @Test
    void geometric() {
        // Commons Statistics' geometric counts failures before the first success, as the core does.
        double p = ClosedForms.P_GEOMETRIC;
        check("7x-3", q -> enumerate(GeometricDistribution.of(q)::probability, x -> 7 * x - 3, 2000), p,
                closedForm("Geometric E[7x-3]'"));
        check("(x+1)^2", q -> enumerate(GeometricDistribution.of(q)::probability, x -> (x + 1.0) * (x + 1), 2000), p,
                closedForm("Geometric E[(x+1)^2]'"));
    }

    @Test
    void poisson() {
        double l = ClosedForms.LAMBDA;
        check("7x-3", m -> enumerate(PoissonDistribution.of(m)::probability, x -> 7 * x - 3, 200), l,
                closedForm("Poisson E[7x-3]'"));
        check("(x+1)^2", m -> enumerate(PoissonDistribution.of(m)::probability, x -> (x + 1.0) * (x + 1), 200), l,
                closedForm("Poisson E[(x+1)^2]'"));
    }

    @Test
    void binomial() {
        double p = ClosedForms.P_BINOMIAL;
        for (int n : new int[] {3, 20}) {
            check("binomial " + n, q -> enumerate(BinomialDistribution.of(n, q)::probability, x -> (x + 1.0) * (x + 1), n),
                    p, closedForm("Binomial(" + n + ") E[(x+1)^2]'"));
        }
    }

    @Test
    void categoricalNestedAndSin() {
        check("categorical", q -> q * q * -3 + (1 - q * q) * 4, ClosedForms.P_CATEGORICAL,
                closedForm("Categorical([p^2, 1-p^2]) E[7x-3]'"));
        DoubleUnaryOperator nested = q -> enumerate(BinomialDistribution.of(10, q)::probability,
                n -> enumerate(BinomialDistribution.of(n, q)::probability, x -> x, n), 10);
        check("nested", nested, ClosedForms.P_NESTED, closedForm("Binomial(Binomial(10,p),p) E[x]'"));
        check("sin", x -> x * x + Math.pow(Math.sin(2 * x), 2), ClosedForms.X_SIN,
                closedForm("x^2 + Bernoulli(sin^2(2x))"));
    }

    /** NegativeBinomial(r, p) pmf written out: Γ(x+r)/(Γ(r) x!) p^r (1−p)^x. */
    static double negativeBinomialPmf(int x, double r, double p) {
        return Math.exp(LogGamma.value(x + r) - LogGamma.value(r) - LogGamma.value(x + 1.0)
                + r * Math.log(p) + x * Math.log1p(-p));
    }

    @Test
    void negativeBinomial() {
        for (double r : new double[] {ClosedForms.R_NEGBIN, ClosedForms.R_PASCAL}) {
            check("negbin r=" + r, q -> enumerate(x -> negativeBinomialPmf(x, r, q), x -> (double) x * x, 3000),
                    ClosedForms.P_NEGBIN, ClosedForms.negativeBinomialSquareDerivative(r, ClosedForms.P_NEGBIN));
        }
        assertThat(closedForm("NegativeBinomial(2.5) E[x^2]'"))
                .isEqualTo(ClosedForms.negativeBinomialSquareDerivative(2.5, ClosedForms.P_NEGBIN));
        assertThat(closedForm("NegativeBinomial(3) E[x^2]'"))
                .isEqualTo(ClosedForms.negativeBinomialSquareDerivative(3, ClosedForms.P_NEGBIN));
    }

    @Test
    void userFamily() {
        // X + 1 ~ Binomial(2, t)
        check("pair", t -> enumerate(BinomialDistribution.of(2, t)::probability, y -> (y + 1.0) * (y + 1), 2),
                ClosedForms.T_PAIR, closedForm("user family Binomial(2,t)-1 E[(x+2)^2]'"));
    }
}
