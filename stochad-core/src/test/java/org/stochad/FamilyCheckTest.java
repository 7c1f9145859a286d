package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.distribution.FamilyCheck;

/** The self-check of a user's DiscreteFamily finds each kind of mistake and passes the built-in families. */
class FamilyCheckTest {

    /** Bernoulli written by hand, with one mistake chosen by the flags. */
    private record Coin(boolean signError, boolean cdfOff, boolean gap) implements DiscreteFamily {
        public String name() {
            return "coin";
        }

        public String parameterName() {
            return "p";
        }

        public void checkParameter(double p) {
            DiscreteFamily.checkProbability("coin", "p", p);
        }

        public double pmf(int x, double p) {
            int hi = gap ? 2 : 1;
            return x == 0 ? 1 - p : x == hi ? p : 0;
        }

        public double cdf(int x, double p) {
            int hi = gap ? 2 : 1;
            return x < 0 ? 0 : x < hi ? 1 - p + (cdfOff ? 0.01 : 0) : 1;
        }

        public double cdfDerivative(int x, double p) {
            int hi = gap ? 2 : 1;
            return x >= 0 && x < hi ? (signError ? 1 : -1) : 0;
        }
    }

    @Test
    void theBuiltInFamiliesPass() {
        for (double p : new double[] {0.01, 0.3, 0.5, 0.97}) {
            assertThat(DiscreteFamilies.check(DiscreteFamilies.bernoulli(), p).ok()).isTrue();
            assertThat(DiscreteFamilies.check(DiscreteFamilies.binomial(7), p).problems()).isEmpty();
            assertThat(DiscreteFamilies.check(DiscreteFamilies.geometric(), p).problems()).isEmpty();
            assertThat(DiscreteFamilies.check(DiscreteFamilies.negativeBinomial(2.5), p).problems()).isEmpty();
        }
        for (double lambda : new double[] {0, 0.2, 3, 40}) {
            assertThat(DiscreteFamilies.check(DiscreteFamilies.poisson(), lambda).problems()).isEmpty();
        }
        // at the edges the derivative is compared with a one-sided difference
        assertThat(DiscreteFamilies.check(DiscreteFamilies.bernoulli(), 0).problems()).isEmpty();
        assertThat(DiscreteFamilies.check(DiscreteFamilies.geometric(), 1).problems()).isEmpty();
        assertThat(new Coin(false, false, false).toString()).doesNotContain("ok");
        assertThat(DiscreteFamilies.check(new Coin(false, false, false), 0.3).toString()).endsWith("ok");
    }

    @Test
    void aSignErrorInTheCdfDerivativeIsNamed() {
        // the family: every estimator but finite differences agreed on −1 where the truth is +1
        FamilyCheck check = FamilyCheck.of(new Coin(true, false, false), 0.3);
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString()
                .contains("cdfDerivative(0, 0.3) = 1.00000", "finite difference of the cdf gives -1.00000", "sign error");
        assertThatThrownBy(check::requireValid).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("coin at p = 0.3 fails its self-check", "cdfDerivative(0, 0.3)");
    }

    @Test
    void aCdfThatIsNotTheRunningSumOfThePmfIsNamed() {
        assertThat(FamilyCheck.of(new Coin(false, true, false), 0.3).problems())
                .anySatisfy(p -> assertThat(p).contains("cdf(0, 0.3) = 0.71", "the pmf sums to 0.7"));
    }

    @Test
    void aGapInTheSupportIsNamed() {
        assertThat(FamilyCheck.of(new Coin(false, false, true), 0.3).problems())
                .anySatisfy(p -> assertThat(p).contains("not consecutive", "pmf(1, 0.3) = 0"));
    }

    @Test
    void aRejectedParameterIsNamed() {
        assertThat(FamilyCheck.of(DiscreteFamilies.bernoulli(), 1.5).problems()).singleElement().asString()
                .contains("checkParameter(1.5) rejects it", "bernoulli: p = 1.5");
    }
}
