package org.stochad.lund;

import java.util.function.DoubleUnaryOperator;
import org.stochad.lund.pathwise.LundZCdf;

/**
 * The Lund symmetric fragmentation function f(z) = (1 − z)^a / z · exp(−b·mT²/z) at one (a, b, mT²),
 * with its maximum, its normalisation N = ∫₀¹ f and the derivatives of N, of the normalised CDF and
 * of ⟨z⟩ in (a, b), all by the fixed-node Gauss–Legendre rule of {@link LundZCdf}.
 *
 * <p>This is the mathematical function: the generator's sampler ({@link LundZ}) drops the
 * (1 − z)^a factor below a = 0.02, so callers that mimic the generator pass a = 0 there. Immutable
 * and thread-safe; the full-range integrals are computed once, on construction.
 */
public final class LundFunction {

    private static final LundZCdf RULE = LundZCdf.standard();

    private final double a;
    private final double b;
    private final double mT2;
    private final double c;
    private final LundZCdf.Totals totals;

    private LundFunction(double a, double b, double mT2) {
        if (!(a >= 0 && a < 1e6)) {
            throw new IllegalArgumentException("a = " + a + " is outside [0, 1e6)");
        }
        if (!(b > 0 && Double.isFinite(b))) {
            throw new IllegalArgumentException("b = " + b + " is not positive and finite");
        }
        if (!(mT2 > 0 && Double.isFinite(mT2))) {
            throw new IllegalArgumentException("mT2 = " + mT2 + " is not positive and finite");
        }
        this.a = a;
        this.b = b;
        this.mT2 = mT2;
        this.c = b * mT2;
        if (!(c < 1e6)) {
            throw new IllegalArgumentException("b·mT2 = " + c + " is not below 1e6");
        }
        this.totals = RULE.totals(a, c);
    }

    /**
     * @param a   Lund a &ge; 0
     * @param b   Lund b &gt; 0 (GeV⁻²)
     * @param mT2 the transverse mass squared mT² &gt; 0 (GeV²)
     * @return the function at that point
     */
    public static LundFunction of(double a, double b, double mT2) {
        return new LundFunction(a, b, mT2);
    }

    /** @return Lund a */
    public double a() {
        return a;
    }

    /** @return Lund b */
    public double b() {
        return b;
    }

    /** @return mT² */
    public double mT2() {
        return mT2;
    }

    /** @return c = b·mT² */
    public double c() {
        return c;
    }

    /**
     * @param z the fraction
     * @return the unnormalised f(z) = (1 − z)^a / z · exp(−b·mT²/z), 0 outside (0, 1)
     */
    public double f(double z) {
        return z <= 0 || z >= 1 ? 0 : Math.exp(a * Math.log1p(-z) - c / z) / z;
    }

    /** @return the position of the maximum of f on (0, 1], as the generator computes it ({@link LundZ#zMax(double, double)}) */
    public double zMax() {
        return LundZ.zMax(a, c);
    }

    /** @return N = ∫₀¹ f(z) dz */
    public double normalisation() {
        return totals.norm();
    }

    /** @return ∂N/∂a = ∫₀¹ ln(1 − z)·f(z) dz */
    public double normalisationDa() {
        return totals.normA();
    }

    /** @return ∂N/∂b = −mT²·∫₀¹ f(z)/z dz */
    public double normalisationDb() {
        return -mT2 * totals.normC();
    }

    /**
     * @param z the point in (0, 1)
     * @return F(z), p(z) and ∂F/∂a, ∂F/∂c (c = b·mT²) at fixed z
     */
    public LundZCdf.Point at(double z) {
        return RULE.at(z, a, c, totals);
    }

    /**
     * @param z the point, any real (not NaN)
     * @return the normalised CDF F(z) = ∫₀^z f / N: 0 for z &le; 0, 1 for z &ge; 1
     */
    public double cdf(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z = " + z + " is not a number");
        }
        return z <= 0 ? 0 : z >= 1 ? 1 : at(z).cdf();
    }

    /**
     * @param z the point in (0, 1)
     * @return the normalised density p(z) = f(z)/N
     */
    public double density(double z) {
        return at(z).density();
    }

    /**
     * The implicit reparameterisation of a draw z ~ p: dz/dθ = −∂θF(z)/p(z) at fixed F.
     *
     * @param z the point in (0, 1)
     * @return {dz/da, dz/db}
     */
    public double[] quantileDerivative(double z) {
        LundZCdf.Point p = at(z);
        return new double[] {p.dzDa(), p.dzDc() * mT2};
    }

    /**
     * @param h a function smooth on (0, 1), growing at most like a power or a logarithm at the ends
     * @return ⟨h⟩ = ∫₀¹ h·f / N
     */
    public double expectation(DoubleUnaryOperator h) {
        return RULE.integral(h, a, c) / totals.norm();
    }

    /** @return ⟨z⟩ under the normalised f */
    public double meanZ() {
        return expectation(z -> z);
    }

    /** @return d⟨z⟩/da = Cov(z, ln(1 − z)) */
    public double meanZDa() {
        return expectation(z -> z * Math.log1p(-z)) - meanZ() * expectation(z -> Math.log1p(-z));
    }

    /** @return d⟨z⟩/db = −mT²·Cov(z, 1/z) = −mT²·(1 − ⟨z⟩·⟨1/z⟩) */
    public double meanZDb() {
        return -mT2 * (1 - meanZ() * expectation(z -> 1 / z));
    }
}
