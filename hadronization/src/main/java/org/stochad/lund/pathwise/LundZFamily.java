package org.stochad.lund.pathwise;

import java.util.function.DoubleSupplier;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.lund.LundZ;

/**
 * The normalised Lund z distribution f(z) ∝ (1 − z)^a/z·exp(−c/z) on (0, 1), c = b·mT², as a
 * core {@link ContinuousFamily} of the parameters (a, c): F, p and ∂(a,c)F from {@link LundZCdf}
 * (the normalisation from {@link LundTotals}),
 * drawn by the generator's own flat-proposal rejection sampler (same uniforms and decisions as
 * {@link LundZ#sample} without envelopes), so the sampler differentiates z by implicit
 * reparameterisation. The score gets ∂a log p = ln(1 − z) − N_a/N and ∂c log p = −1/z + N_c/N.
 * Immutable; a one-entry per-thread cache shares one quadrature between the density and the
 * CDF gradient of the same draw.
 */
public final class LundZFamily implements ContinuousFamily {

    private static final int MAX_TRIES = 100_000;

    private final LundZCdf cdf;
    private final LundTotals norms;
    private final double head;
    private final ThreadLocal<double[]> last = ThreadLocal.withInitial(() -> new double[] {Double.NaN, 0, 0, 0, 0, 0, 0});

    /**
     * @param cdf   the quadrature
     * @param norms the normalisation integrals
     * @param head  the over-sampling factor H of the rejection sampler, &ge; 1
     */
    public LundZFamily(LundZCdf cdf, LundTotals norms, double head) {
        if (cdf == null || norms == null || !(head >= 1)) {
            throw new IllegalArgumentException("cdf = " + cdf + ", norms = " + norms + ", head = " + head);
        }
        this.cdf = cdf;
        this.norms = norms;
        this.head = head;
    }

    @Override
    public String name() {
        return "lundZ";
    }

    @Override
    public int parameterCount() {
        return 2;
    }

    @Override
    public void checkParameters(double[] theta) {
        if (!(theta[0] >= 0) || !(theta[1] > 0) || Double.isInfinite(theta[0]) || Double.isInfinite(theta[1])) {
            throw new IllegalArgumentException("lundZ: a = " + theta[0] + " (>= 0), c = " + theta[1] + " (> 0)");
        }
    }

    @Override
    public double lowerBound(double[] theta) {
        return 0;
    }

    @Override
    public double upperBound(double[] theta) {
        return 1;
    }

    /** F, p, ∂aF, ∂cF, N_a/N, N_c/N at (z, a, c), cached per thread. */
    private double[] at(double z, double[] theta) {
        double[] c = last.get();
        if (c[0] == z && c[5] == theta[0] && c[6] == theta[1]) {
            return c;
        }
        LundZCdf.Totals t = norms.at(theta[0], theta[1]);
        LundZCdf.Point p = cdf.at(z, theta[0], theta[1], t);
        double[] v = {z, p.cdf(), p.density(), p.dCdfDa(), p.dCdfDc(), theta[0], theta[1],
                t.normA() / t.norm(), t.normC() / t.norm()};
        last.set(v);
        return v;
    }

    @Override
    public double density(double z, double[] theta) {
        return z <= 0 || z >= 1 ? 0 : at(z, theta)[2];
    }

    @Override
    public double cdf(double z, double[] theta) {
        return z <= 0 ? 0 : z >= 1 ? 1 : at(z, theta)[1];
    }

    @Override
    public void cdfGradient(double z, double[] theta, double[] gradient) {
        if (z <= 0 || z >= 1) {
            gradient[0] = 0;
            gradient[1] = 0;
            return;
        }
        double[] v = at(z, theta);
        gradient[0] = v[3];
        gradient[1] = v[4];
    }

    @Override
    public void logDensityGradient(double z, double[] theta, double[] gradient) {
        double[] v = at(z, theta);
        gradient[0] = Log1p.of(-z) - v[7];
        gradient[1] = -1 / z + v[8];
    }

    @Override
    public double sample(DoubleSupplier uniforms, double[] theta) {
        double a = theta[0];
        double c = theta[1];
        for (int i = 0; i < MAX_TRIES; i++) {
            double z = uniforms.getAsDouble();
            double alpha = LundZ.normalisedF(z, a, c) / head;
            if (uniforms.getAsDouble() > 1 - alpha) { // the Bernoulli inversion of Sampler.accept
                return z;
            }
        }
        throw new IllegalStateException("lundZ: no z accepted in " + MAX_TRIES + " proposals (a = " + a + ", c = " + c + ")");
    }
}
