package org.stochad.lund.reweight;

import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.lund.LundFunction;
import org.stochad.lund.LundZ;

/**
 * Implicit reparameterisation of one Lund z draw: with F(z; θ) the normalised CDF of
 * f(z) = (1 − z)^a/z·exp(−b mT²/z), the accepted z moves with θ as dz/dθ = −∂θF(z)/p(z), p = F′.
 * F and ∂θF come from {@link LundFunction}'s Gauss–Legendre quadrature. The
 * accept/reject decisions are then parameter-free, so no flips remain: a pathwise derivative.
 * Valid for observables continuous in z (one z draw); inside the generator the stop test and the
 * kinematic vetoes make the event's outputs discontinuous in z, which a pathwise derivative misses.
 */
public final class ImplicitZ {

    private final double a;
    private final double b;
    private final LundFunction lund;

    private ImplicitZ(double a, double b, double mT2) {
        if (!(a >= 0.02) || !(b > 0) || !(mT2 > 0)) {
            throw new IllegalArgumentException("implicit z: a = " + a + " (needs >= 0.02), b = " + b + ", mT2 = " + mT2);
        }
        this.a = a;
        this.b = b;
        this.lund = LundFunction.of(a, b, mT2);
    }

    /**
     * @param a   Lund a (≥ 0.02, where the generator keeps the a-term)
     * @param b   Lund b
     * @param mT2 mT² (GeV²)
     * @return the derivative calculator at that point
     */
    public static ImplicitZ at(double a, double b, double mT2) {
        return new ImplicitZ(a, b, mT2);
    }

    /**
     * @param z an accepted z
     * @return {dz/da, dz/db}
     */
    public double[] derivative(double z) {
        if (!(z > 0 && z < 1)) {
            throw new IllegalArgumentException("z = " + z + " is outside (0, 1)");
        }
        return lund.quantileDerivative(z);
    }

    /**
     * A single z draw as a program of θ = (a, b) whose output carries the implicit tangents; its
     * accept/reject decisions do not depend on θ.
     *
     * @param mT2  mT² (GeV²)
     * @param head the over-sampling factor H
     * @return the program
     */
    public static StochasticProgram program(double mT2, double head) {
        LastPoint last = new LastPoint();
        return (StochasticProgram & java.io.Serializable) (sampler, theta) -> {
            double av = theta[0].value();
            double bv = theta[1].value();
            double z = LundZ.sample(sampler, StochasticTriple.constant(av), StochasticTriple.constant(bv),
                    StochasticTriple.constant(mT2), head, false, 1_000_000, null);
            ImplicitZ calc = last.value;
            if (calc == null || calc.a != av || calc.b != bv) {
                calc = at(av, bv, mT2);
                last.value = calc;
            }
            double[] d = calc.derivative(z);
            return StochasticTriple.of(z, d[0], d[1]);
        };
    }

    /** The program's cache of the last point's CDF: shared by its threads, left behind when the program travels. */
    private static final class LastPoint implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
        private transient volatile ImplicitZ value;
    }
}
