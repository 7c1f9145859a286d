package org.stochad.lund;

import org.stochad.StochasticTriple;

/**
 * The four differentiable Lund parameters θ = (a, b, σ_pT, ρ) as triples, so their tangents
 * flow through the generator.
 *
 * @param a     Lund a ({@code StringZ:aLund})
 * @param b     Lund b in GeV⁻² ({@code StringZ:bLund})
 * @param sigma pT width σ in GeV ({@code StringPT:sigma})
 * @param rho   s/u suppression ρ ({@code StringFlav:probStoUD})
 */
public record LundParameters(StochasticTriple a, StochasticTriple b, StochasticTriple sigma, StochasticTriple rho) {

    /** Number of parameters, the length of θ. */
    public static final int COUNT = 4;

    /**
     * Checks the ranges: a &ge; 0, b &gt; 0, σ &ge; 0, ρ in [0, 1].
     *
     * @param a Lund a ({@code StringZ:aLund})
     * @param b Lund b in GeV⁻² ({@code StringZ:bLund})
     * @param sigma pT width σ in GeV ({@code StringPT:sigma})
     * @param rho s/u suppression ρ ({@code StringFlav:probStoUD})
     */
    public LundParameters {
        check("a", a, A_MIN, MAX);
        check("b", b, B_MIN, MAX);
        check("sigma", sigma, 0, MAX);
        check("rho", rho, 0, 1);
    }

    private static final double A_MIN = 0;
    private static final double B_MIN = 1e-12;
    private static final double MAX = 1e9;

    /**
     * The constructor's range check on plain values, without building the parameters.
     *
     * @param a     Lund a
     * @param b     Lund b
     * @param sigma pT width σ
     * @param rho   s/u suppression ρ
     * @return whether the constructor would accept these values
     */
    public static boolean inRange(double a, double b, double sigma, double rho) {
        return a >= A_MIN && a <= MAX && b >= B_MIN && b <= MAX && sigma >= 0 && sigma <= MAX && rho >= 0 && rho <= 1;
    }

    private static void check(String name, StochasticTriple t, double lo, double hi) {
        if (t == null || !(t.value() >= lo && t.value() <= hi)) {
            throw new IllegalArgumentException("Lund parameter " + name + " = " + (t == null ? null : t.value())
                    + " is outside [" + lo + ", " + hi + "]");
        }
    }

    /**
     * @param settings settings
     * @return the settings' parameters as constants (ρ = 0 in pions-only mode)
     */
    public static LundParameters of(LundSettings settings) {
        return new LundParameters(StochasticTriple.constant(settings.aLund()),
                StochasticTriple.constant(settings.bLund()), StochasticTriple.constant(settings.sigma()),
                StochasticTriple.constant(settings.effectiveProbStoUD()));
    }

    /**
     * θ with one tangent direction per parameter: direction j is parameter j, scaled by {@code scale}
     * (±1 checks both tangent signs) — the tangents the estimators seed.
     *
     * @param theta    (a, b, σ, ρ)
     * @param scale    the tangent of parameter j along direction j
     * @param settings settings; in pions-only mode ρ is the constant 0
     * @return the parameters
     */
    public static LundParameters withUnitTangents(double[] theta, double scale, LundSettings settings) {
        if (theta == null || theta.length != COUNT) {
            throw new IllegalArgumentException("theta length = " + (theta == null ? null : theta.length)
                    + ", expected 4: (a, b, sigma, rho)");
        }
        StochasticTriple[] t = new StochasticTriple[COUNT];
        for (int j = 0; j < COUNT; j++) {
            double[] d = new double[COUNT];
            d[j] = scale;
            t[j] = StochasticTriple.of(theta[j], d);
        }
        return fromTheta(t, settings);
    }

    /**
     * @param theta    (a, b, σ, ρ) carrying tangents
     * @param settings settings; in pions-only mode ρ is replaced by the constant 0
     * @return the parameters
     */
    public static LundParameters fromTheta(StochasticTriple[] theta, LundSettings settings) {
        if (theta == null || theta.length != COUNT) {
            throw new IllegalArgumentException("theta length = " + (theta == null ? null : theta.length)
                    + ", expected 4: (a, b, sigma, rho)");
        }
        StochasticTriple rho = settings.pionsOnlyMode() ? StochasticTriple.constant(0) : theta[3];
        return new LundParameters(theta[0], theta[1], theta[2], rho);
    }
}
