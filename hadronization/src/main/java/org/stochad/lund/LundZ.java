package org.stochad.lund;

import org.stochad.Sampler;
import org.stochad.StochasticTriple;

/**
 * The Lund symmetric fragmentation function f(z) = (1 − z)^a / z · exp(−b·mT²/z) and its
 * rejection sampler, with every accept/reject decision made through {@link Sampler#accept}.
 *
 * <p>f is normalised at its maximum zMax (closed form, as in Pythia's {@code StringZ::zLund}
 * with c = 1), so 0 &lt; f/f(zMax) &le; 1. The default proposal is flat on (0, 1) and independent
 * of the parameters; a proposal is accepted with probability α = f(z)/(H·f(zMax)), H &ge; 1 the
 * over-sampling factor ({@code VariationFrag:zHead}). Because the proposal does not depend on
 * (a, b), the accepted z's whole parameter dependence — including that of the normalisation —
 * sits in the Bernoulli decisions. Pythia's peaked envelopes (for zMax &lt; 0.1 or zMax &gt; 0.85)
 * are available for speed; they change the proposal, whose shape then depends on (a, b, mT²),
 * so gradients and reweighting must use the flat proposal.
 */
public final class LundZ {

    private static final double EXP_MAX = 50;

    private LundZ() {
    }

    /** One proposal of the z sampler as recorded for reweighting. */
    public record Trial(double z, boolean accepted, double proposalFactor) { }

    /**
     * @param a  Lund a &ge; 0
     * @param bm b·mT² &gt; 0
     * @return the position of the maximum of (1 − z)^a/z · exp(−bm/z) on (0, 1]
     */
    public static double zMax(double a, double bm) {
        return zMax(StochasticTriple.constant(a), StochasticTriple.constant(bm)).value();
    }

    /**
     * @param a  Lund a
     * @param bm b·mT²
     * @return zMax, carrying the tangents of a and bm
     */
    public static StochasticTriple zMax(StochasticTriple a, StochasticTriple bm) {
        double av = a.value();
        double bv = bm.value();
        if (av < 0.02) {
            return bv < 1 ? bm : StochasticTriple.constant(1);
        }
        if (Math.abs(av - 1) < 0.01) {
            return bm.div(bm.plus(1));
        }
        // zMax = (b + 1 − sqrt((b − 1)² + 4ab)) / (2(1 − a))
        StochasticTriple root = bm.minus(1).square().plus(a.times(bm).times(4)).sqrt();
        StochasticTriple z = bm.plus(1).minus(root).div(a.neg().plus(1).times(2));
        if (z.value() > 0.9999 && bv > 100) {
            z = z.min(a.div(bm).neg().plus(1));
        }
        return z;
    }

    /**
     * @param z  the fraction in (0, 1)
     * @param a  Lund a
     * @param bm b·mT²
     * @return f(z)/f(zMax), in (0, 1]
     */
    public static double normalisedF(double z, double a, double bm) {
        return normalisedF(z, StochasticTriple.constant(a), StochasticTriple.constant(bm)).value();
    }

    /**
     * @param z  the fraction in (0, 1)
     * @param a  Lund a
     * @param bm b·mT²
     * @return f(z)/f(zMax), carrying tangents
     */
    public static StochasticTriple normalisedF(double z, StochasticTriple a, StochasticTriple bm) {
        if (!(z > 0 && z < 1)) {
            return StochasticTriple.constant(0);
        }
        return new Normalisation(a, bm).f(z);
    }

    /**
     * The z-independent part of f(z)/f(zMax) for one hadron — zMax, 1/zMax and 1/(1 − zMax) —
     * computed once instead of once per proposal; {@link #f} then performs exactly the operations
     * {@link #normalisedF(double, StochasticTriple, StochasticTriple)} performed per proposal, so
     * values, tangents and perturbations are bit for bit the same.
     */
    private static final class Normalisation {
        private final StochasticTriple a;
        private final StochasticTriple bm;
        private final StochasticTriple zm;
        private final StochasticTriple invZm;
        /** 1/(1 − zMax), or null when Pythia drops the a-term (a &lt; 0.02). */
        private final StochasticTriple invOneMinusZm;
        /** Neither a nor b·mT² carries a tangent or a perturbation: the values alone, on doubles. */
        private final boolean plain;
        private final double av;
        private final double bv;
        private final double zmV;
        private final double invZmV;
        private final double invOneMinusZmV;

        Normalisation(StochasticTriple a, StochasticTriple bm) {
            this.a = a;
            this.bm = bm;
            this.av = a.value();
            this.bv = bm.value();
            this.plain = a.directions() == 0 && bm.directions() == 0 && !a.hasPerturbation()
                    && !bm.hasPerturbation();
            boolean aTerm = av >= 0.02;   // Pythia drops the a-term below a = 0.02 (zMax then uses the a = 0 form)
            if (plain) {
                // the triple arithmetic's values, operation for operation (as FastFragmenter, bit for bit)
                this.zm = null;
                this.invZm = null;
                this.invOneMinusZm = null;
                this.zmV = FastFragmenter.zMax(av, bv);
                this.invZmV = Math.pow(zmV, -1);
                this.invOneMinusZmV = aTerm ? Math.pow(zmV * -1.0 + 1, -1) : Double.NaN;
            } else {
                this.zm = zMax(a, bm);
                this.invZm = zm.pow(-1);
                this.invOneMinusZm = aTerm ? zm.neg().plus(1).pow(-1) : null;
                this.zmV = Double.NaN;
                this.invZmV = Double.NaN;
                this.invOneMinusZmV = Double.NaN;
            }
        }

        /** @return f(z)/f(zMax) for z in (0, 1), carrying tangents */
        StochasticTriple f(double z) {
            if (plain) {
                return StochasticTriple.constant(fValue(z));
            }
            // ln f(z)/f(zMax) = bm(1/zMax − 1/z) + ln(zMax/z) + a ln((1 − z)/(1 − zMax))
            StochasticTriple e = bm.times(invZm.minus(1 / z)).plus(zm.div(z).log());
            if (invOneMinusZm != null) {
                e = e.plus(a.times(invOneMinusZm.times(1 - z).log()));
            }
            return e.max(-EXP_MAX).min(EXP_MAX).exp();
        }

        /** {@link #f}'s value on doubles (only when {@link #plain}). */
        private double fValue(double z) {
            double e = bv * (invZmV - 1 / z) + Math.log(zmV * (1 / z));
            if (av >= 0.02) {
                e = e + av * Math.log(invOneMinusZmV * (1 - z));
            }
            e = e >= -EXP_MAX ? e : -EXP_MAX;
            e = e <= EXP_MAX ? e : EXP_MAX;
            return Math.exp(e);
        }
    }

    /**
     * Draws z by rejection from the flat proposal (or Pythia's peaked envelopes).
     *
     * @param sampler  the z stream of this hadron
     * @param a        Lund a
     * @param b        Lund b
     * @param mT2      the hadron's squared transverse mass, GeV²
     * @param head     the over-sampling factor H &ge; 1
     * @param peaked   use Pythia's peaked envelopes
     * @param maxTries the proposal limit
     * @param trials   receives every proposal (may be null)
     * @return the accepted z
     */
    public static double sample(Sampler sampler, StochasticTriple a, StochasticTriple b, StochasticTriple mT2,
                                double head, boolean peaked, int maxTries, java.util.List<Trial> trials) {
        StochasticTriple bm = b.times(mT2);
        double av = a.value();
        double bv = bm.value();
        if (!(bv > 0) || !(av >= 0) || !(head >= 1)) {
            throw new IllegalArgumentException("lund z: a = " + av + ", b*mT2 = " + bv + ", head = " + head);
        }
        Envelope env = peaked ? Envelope.of(av, bv, zMax(av, bv)) : null;
        Normalisation norm = new Normalisation(a, bm);
        for (int i = 0; i < maxTries; i++) {
            double z = sampler.uniform();
            double fPrel = 1;
            if (env != null && env.kind != 0) {
                double[] zf = env.propose(z, sampler.uniform());
                z = zf[0];
                fPrel = zf[1];
            }
            boolean ok;
            if (norm.plain) {
                // no tangent, no perturbation: the triple arithmetic's value, on doubles (f.div(c) is f·(1/c))
                double alpha = (z > 0 && z < 1 ? norm.fValue(z) : 0) * (1 / (head * fPrel));
                ok = sampler.accept(alpha > 1 ? clipped(alpha, env, z, av, bv, head) : alpha);
            } else {
                StochasticTriple f = z > 0 && z < 1 ? norm.f(z) : StochasticTriple.constant(0);
                StochasticTriple alpha = f.div(head * fPrel);
                if (alpha.value() > 1) {
                    alpha = alpha.min(clipped(alpha.value(), env, z, av, bv, head));
                }
                ok = sampler.accept(alpha);
            }
            if (trials != null) {
                trials.add(new Trial(z, ok, fPrel));
            }
            if (ok) {
                return z;
            }
        }
        throw new IllegalStateException("lund z: no z accepted in " + maxTries + " proposals (a = " + av
                + ", b*mT2 = " + bv + ")");
    }

    /**
     * An acceptance probability above 1: rounding at z = zMax with H = 1, or Pythia's envelope
     * (which, like Pythia, we then clip to 1); anything else is an error.
     *
     * @return 1
     */
    private static double clipped(double alpha, Envelope env, double z, double av, double bv, double head) {
        if (env == null && alpha > 1 + 1e-9) {
            throw new IllegalStateException("lund z: acceptance " + alpha + " > 1 at z = " + z
                    + " (a = " + av + ", b*mT2 = " + bv + ", head = " + head + ")");
        }
        return 1.0;
    }

    /** Pythia's piecewise envelope for strongly peaked f (values only; not differentiable in a, b). */
    static final class Envelope {
        final int kind;
        final double zDiv;
        final double fIntLow;
        final double fInt;
        final double b;

        private Envelope(int kind, double zDiv, double fIntLow, double fInt, double b) {
            this.kind = kind;
            this.zDiv = zDiv;
            this.fIntLow = fIntLow;
            this.fInt = fInt;
            this.b = b;
        }

        static Envelope of(double a, double bm, double zMax) {
            if (zMax < 0.1) {
                double zDiv = 2.75 * zMax;
                double low = zDiv;
                double high = -zDiv * Math.log(zDiv);
                return new Envelope(1, zDiv, low, low + high, bm);
            }
            if (zMax > 0.85 && bm > 1) {
                double rcb = Math.sqrt(4 + 1 / (bm * bm));
                double zDiv = rcb - 1 / zMax - (1 / bm) * Math.log(zMax * 0.5 * (rcb + 1 / bm));
                if (a >= 0.02) {
                    zDiv += (a / bm) * Math.log(1 - zMax);
                }
                zDiv = Math.min(zMax, Math.max(0, zDiv));
                double low = 1 / bm;
                return new Envelope(2, zDiv, low, low + 1 - zDiv, bm);
            }
            return new Envelope(0, 0.5, 1, 2, bm);
        }

        /** @return {z, proposal factor} from two uniforms */
        double[] propose(double u, double v) {
            if (kind == 1) {
                if (fInt * v < fIntLow) {
                    return new double[] {zDiv * u, 1};
                }
                double z = Math.pow(zDiv, u);
                return new double[] {z, zDiv / z};
            }
            if (fInt * v < fIntLow) {
                double z = zDiv + Math.log(u) / b;
                return new double[] {z, Math.exp(b * (z - zDiv))};
            }
            return new double[] {zDiv + (1 - zDiv) * u, 1};
        }
    }
}
