package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.function.IntToDoubleFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stochad.ClosedForms.Kind;

/**
 * Pruning is unbiased: S = Σ_{i=1..50} Bernoulli(p·i/50) through nonlinear code, against the
 * exact derivative from dynamic programming over the distribution of S and its p-derivative.
 */
class PruningTest {

    private static final int N = 50;

    /**
     * Exact d/dθ E[f(S)] when draw i has probability q_i = t·i/N, with t = θ (direct, dt/dθ = 1)
     * or t = 1 − θ (mirror, dt/dθ = −1). The DP carries P(S = k) and its derivative through the
     * draws one at a time.
     */
    static double dpDerivative(double t, double dtdTheta, IntToDoubleFunction f) {
        double[] prob = new double[N + 1];
        double[] dprob = new double[N + 1];
        prob[0] = 1;
        for (int i = 1; i <= N; i++) {
            double q = t * i / N;
            double dq = dtdTheta * i / N;
            for (int k = i; k >= 0; k--) {
                double below = k > 0 ? prob[k - 1] : 0;
                double dbelow = k > 0 ? dprob[k - 1] : 0;
                dprob[k] = dprob[k] * (1 - q) + dbelow * q + (below - prob[k]) * dq;
                prob[k] = prob[k] * (1 - q) + below * q;
            }
        }
        double d = 0;
        double total = 0;
        for (int k = 0; k <= N; k++) {
            d += f.applyAsDouble(k) * dprob[k];
            total += prob[k];
        }
        assertThat(total).isCloseTo(1, offset(1e-12));
        return d;
    }

    /** E[f(S)] by the same DP without derivatives, for the finite-difference cross-check. */
    static double dpExpectation(double t, IntToDoubleFunction f) {
        double[] prob = new double[N + 1];
        prob[0] = 1;
        for (int i = 1; i <= N; i++) {
            double q = t * i / N;
            for (int k = i; k >= 0; k--) {
                prob[k] = prob[k] * (1 - q) + (k > 0 ? prob[k - 1] : 0) * q;
            }
        }
        double e = 0;
        for (int k = 0; k <= N; k++) {
            e += f.applyAsDouble(k) * prob[k];
        }
        return e;
    }

    private static StochasticProgram sumThrough(boolean mirrored, UnaryOperator<StochasticTriple> f) {
        return (s, th) -> {
            StochasticTriple t = mirrored ? th[0].neg().plus(1) : th[0];
            StochasticTriple sum = StochasticTriple.constant(0);
            for (int i = 1; i <= N; i++) {
                sum = sum.plus(s.bernoulli(t.times((double) i / N)));
            }
            return f.apply(sum);
        };
    }

    @Test
    void dynamicProgrammingAgreesWithClosedFormAndDifferences() {
        double p = 0.6;
        // E[S²] = Σ q(1−q) + (Σ q)², q_i = p·i/N
        double sumC = 0;
        double sumC2 = 0;
        for (int i = 1; i <= N; i++) {
            sumC += (double) i / N;
            sumC2 += Math.pow((double) i / N, 2);
        }
        double closed = sumC - 2 * p * sumC2 + 2 * p * sumC * sumC;
        assertThat(dpDerivative(p, 1, k -> (double) k * k)).isCloseTo(closed, offset(1e-9));
        double h = 1e-5;
        IntToDoubleFunction sqrt = k -> Math.sqrt(k + 1.0);
        assertThat(dpDerivative(p, 1, sqrt)).isCloseTo(
                (dpExpectation(p + h, sqrt) - dpExpectation(p - h, sqrt)) / (2 * h), offset(1e-8));
    }

    /**
     * Every estimator that scales to 50 draws: the plain score function needs ~700 000 samples for
     * a 0.4 % standard error here, so it is left to the closed-form tests.
     */
    @ParameterizedTest(name = "{0} mirrored={1}")
    @CsvSource({"PROPAGATE,false,20000", "PROPAGATE,true,20000", "REPLAY,false,20000", "REPLAY,true,20000",
            "SCORE_BASELINE,false,190000", "SCORE_BASELINE,true,190000"})
    void squaredSumByEveryEstimator(Kind kind, boolean mirrored, int samples) {
        double p = 0.6;
        double exact = dpDerivative(p, mirrored ? -1 : 1, k -> (double) k * k);
        GradientEstimate g = kind.estimator().estimate(sumThrough(mirrored, StochasticTriple::square),
                new double[] {mirrored ? 1 - p : p}, samples, 21 + kind.ordinal() + (mirrored ? 100 : 0));
        Unbiased.assertUnbiased(g, exact, "(Σ)² by " + kind + (mirrored ? " mirror" : ""));
    }

    @ParameterizedTest(name = "{0} mirrored={1}")
    @CsvSource({"PROPAGATE,false,20000", "PROPAGATE,true,20000", "REPLAY,false,20000", "REPLAY,true,20000"})
    void sqrtOfSumByStochasticAd(Kind kind, boolean mirrored, int samples) {
        double p = 0.6;
        double exact = dpDerivative(p, mirrored ? -1 : 1, k -> Math.sqrt(k + 1.0));
        GradientEstimate g = kind.estimator().estimate(sumThrough(mirrored, x -> x.plus(1).sqrt()),
                new double[] {mirrored ? 1 - p : p}, samples, 31 + kind.ordinal() + (mirrored ? 100 : 0));
        Unbiased.assertUnbiased(g, exact, "√(Σ+1) by " + kind + (mirrored ? " mirror" : ""));
    }
}
