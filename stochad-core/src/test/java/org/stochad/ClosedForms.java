package org.stochad;

import java.util.List;
import java.util.function.UnaryOperator;
import org.stochad.distribution.DiscreteFamilies;

/**
 * The acceptance programs of the core with their exact derivatives, from closed forms (checked
 * against enumeration in {@link ClosedFormOracleTest}); exported to other modules' tests by the
 * core's test-jar. Each is written as a body of the
 * distribution's parameter; the mirror runs the same body on 1 − θ at θ = 1 − point, so the same
 * distribution is drawn with a negative tangent and the exact derivative changes sign.
 */
public final class ClosedForms {

    private ClosedForms() {
    }

    /** A program of the distribution parameter. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param s         the sampler
         * @param parameter the distribution parameter
         * @return the program's output
         */
        StochasticTriple run(Sampler s, StochasticTriple parameter);
    }

    /** The estimators the acceptance criteria name. */
    public enum Kind {
        /** Stochastic AD by propagation. */
        PROPAGATE,
        /** Stochastic AD by replay. */
        REPLAY,
        /** The score function. */
        SCORE,
        /** The score function with baseline. */
        SCORE_BASELINE;


        /** @return the estimator of this kind */
        public Estimator estimator() {
            switch (this) {
                case PROPAGATE: return Estimators.stochasticAd(StochasticAdOptions.propagate());
                case REPLAY: return Estimators.stochasticAd();
                case SCORE: return Estimators.scoreFunction();
                default: return Estimators.scoreFunctionWithBaseline();
            }
        }
    }

    /**
     * One closed form.
     *
     * @param name    what it is
     * @param point   the parameter value of the direct program
     * @param exact   d/dθ E[f] at the point
     * @param body    the program of the distribution parameter
     * @param samples samples per estimator kind (PROPAGATE, REPLAY, SCORE, SCORE_BASELINE)
     */
    public record Case(String name, double point, double exact, Body body, int[] samples) {

        /** @return the program at the parameter */
        public StochasticProgram direct() {
            return (s, th) -> body.run(s, th[0]);
        }

        /** @return the program at 1 − parameter */
        public StochasticProgram mirror() {
            return (s, th) -> body.run(s, th[0].neg().plus(1));
        }

        /** The program with the sampler wrapped to record tangents. */
        StochasticProgram recorded(boolean mirrored, RecordingSampler.Tangents t) {
            StochasticProgram p = mirrored ? mirror() : direct();
            return (s, th) -> p.run(new RecordingSampler(s, t), th);
        }

        /**
         * @param mirrored the mirrored program
         * @return the parameter point
         */
        public double theta(boolean mirrored) {
            return mirrored ? 1 - point : point;
        }

        /**
         * @param mirrored the mirrored program
         * @return the exact derivative there
         */
        public double exact(boolean mirrored) {
            return mirrored ? -exact : exact;
        }

        /**
         * @param k an estimator kind
         * @return the samples that kind needs for the test's standard error
         */
        public int samples(Kind k) {
            return samples[k.ordinal()];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static int[] n(int propagate, int replay, int score, int baseline) {
        return new int[] {propagate, replay, score, baseline};
    }

    private static Body bernoulli(UnaryOperator<StochasticTriple> f) {
        return (s, p) -> f.apply(s.bernoulli(p));
    }

    /** A parameter point of the closed forms. */
    public static final double P_BERNOULLI = 0.3;
    /** A parameter point of the closed forms. */
    public static final double P_GEOMETRIC = 0.4;
    /** A parameter point of the closed forms. */
    public static final double LAMBDA = 2.5;
    /** A parameter point of the closed forms. */
    public static final double P_BINOMIAL = 0.35;
    /** A parameter point of the closed forms. */
    public static final double P_CATEGORICAL = 0.6;
    /** A parameter point of the closed forms. */
    public static final double P_NESTED = 0.45;
    /** A parameter point of the closed forms. */
    public static final double X_SIN = 0.7;
    /** A parameter point of the closed forms. */
    public static final double P_NEGBIN = 0.5;
    /** A parameter point of the closed forms. */
    public static final double R_NEGBIN = 2.5;
    /** A parameter point of the closed forms. */
    public static final double R_PASCAL = 3;
    /** A parameter point of the closed forms. */
    public static final double T_PAIR = 0.3;

    /**
     * d/dp E[X²] for X ~ NegativeBinomial(r, p), failures before the r-th success.
     *
     * @param r successes
     * @param p success probability
     * @return the derivative
     */
    public static double negativeBinomialSquareDerivative(double r, double p) {
        return -(r * (2 - p) + 2 * r * r * (1 - p)) / (p * p * p);
    }

    /** @return every closed form */
    public static List<Case> all() {
        double p = P_BERNOULLI;
        double g = P_GEOMETRIC;
        double b = P_BINOMIAL;
        double x = X_SIN;
        return List.of(
                new Case("Bernoulli E[7x-3]'", p, 7, bernoulli(v -> v.times(7).minus(3)), n(205_000, 205_000, 32_000, 68_000)),
                new Case("Bernoulli E[(x+1)^2]'", p, 3, bernoulli(v -> v.plus(1).square()), n(205_000, 205_000, 450_000, 68_000)),
                new Case("Bernoulli E[sqrt(x+1)]'", p, Math.sqrt(2) - 1, bernoulli(v -> v.plus(1).sqrt()), n(205_000, 205_000, 4_000_000, 68_000)),
                new Case("Geometric E[7x-3]'", g, -7 / (g * g), (s, q) -> s.geometric(q).times(7).minus(3), n(150_000, 152_000, 900_000, 800_000)),
                new Case("Geometric E[(x+1)^2]'", g, (g - 4) / (g * g * g), (s, q) -> s.geometric(q).plus(1).square(), n(525_000, 545_000, 2_500_000, 1_900_000)),
                new Case("Poisson E[7x-3]'", LAMBDA, 7, (s, l) -> s.poisson(l).times(7).minus(3), n(36_000, 36_000, 520_000, 225_000)),
                new Case("Poisson E[(x+1)^2]'", LAMBDA, 2 * LAMBDA + 3, (s, l) -> s.poisson(l).plus(1).square(), n(105_000, 105_000, 735_000, 420_000)),
                new Case("Binomial(3) E[(x+1)^2]'", b, 3 * 3 + 2 * 3 * 2 * b, (s, q) -> s.binomial(3, q).plus(1).square(), n(104_000, 107_000, 520_000, 190_000)),
                new Case("Binomial(20) E[(x+1)^2]'", b, 3 * 20 + 2 * 20 * 19 * b, (s, q) -> s.binomial(20, q).plus(1).square(), n(30_000, 30_000, 710_000, 205_000)),
                new Case("Categorical([p^2, 1-p^2]) E[7x-3]'", P_CATEGORICAL, -14 * P_CATEGORICAL,
                        (s, q) -> s.categorical(q.square(), q.square().neg().plus(1)).times(7).minus(3), n(156_000, 156_000, 28_000, 30_000)),
                new Case("Binomial(Binomial(10,p),p) E[x]'", P_NESTED, 20 * P_NESTED,
                        (s, q) -> s.binomial(s.binomial(10, q), q), n(60_000, 82_000, 576_000, 183_000)),
                new Case("x^2 + Bernoulli(sin^2(2x))", x, 2 * x + 4 * Math.sin(2 * x) * Math.cos(2 * x),
                        (s, v) -> v.square().plus(s.bernoulli(v.times(2).sin().square())), n(305_000, 305_000, 90_000, 290_000)),
                new Case("NegativeBinomial(2.5) E[x^2]'", P_NEGBIN, negativeBinomialSquareDerivative(R_NEGBIN, P_NEGBIN),
                        (s, q) -> s.draw(DiscreteFamilies.negativeBinomial(R_NEGBIN), q).square(), n(315_000, 330_000, 1_950_000, 1_560_000)),
                new Case("NegativeBinomial(3) E[x^2]'", P_NEGBIN, negativeBinomialSquareDerivative(R_PASCAL, P_NEGBIN),
                        (s, q) -> s.draw(DiscreteFamilies.negativeBinomial(R_PASCAL), q).square(), n(250_000, 256_000, 1_430_000, 1_120_000)),
                new Case("user family Binomial(2,t)-1 E[(x+2)^2]'", T_PAIR, 4 * T_PAIR + 6,
                        (s, t) -> s.draw(new CenteredPair(), t).plus(2).square(), n(151_000, 153_000, 526_000, 188_000)));
    }
}
