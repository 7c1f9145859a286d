package org.stochad.lund.reweight;

import org.stochad.StochasticTriple;
import org.stochad.lund.FlavourSelector;
import org.stochad.lund.FragmentationHistory;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;

/**
 * Reweighting of events generated at θ = (a, b, σ, ρ) to θ′ (the RSA method, arXiv 2308.13459 and
 * 2411.02194), from each event's recorded decisions of all its attempts:
 * w(θ′; θ) = Π_accepted α′/α · Π_rejected (1 − α′)/(1 − α) · Π_flavour P′/P · Π_pT N(p; σ′)/N(p; σ)
 * · Π_finalTwo P′(ordering)/P(ordering), with α = f(z)/(f(zMax)·H) the acceptance of a z
 * proposal. The drawn values (z proposals, pT, λ) are kept, so mT² and λ are the same at θ′.
 * The gradient of ln w at θ′ = θ is the event's score ∂θ ln p(event; θ).
 */
public final class RsaWeights {

    private final LundSettings base;
    private final FlavourSelector flavours;
    private final double sigma;
    private final double rho;

    private RsaWeights(LundSettings base) {
        this.base = base;
        this.flavours = new FlavourSelector(base);
        this.sigma = base.sigma();
        this.rho = base.effectiveProbStoUD();
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma = " + sigma + ": reweighting pT needs sigma > 0");
        }
    }

    /**
     * @param base the settings the events were generated with (θ and everything else)
     * @return the reweighter
     */
    public static RsaWeights of(LundSettings base) {
        return new RsaWeights(base);
    }

    /** @return the base settings */
    public LundSettings base() {
        return base;
    }

    /** @return the base point θ = (a, b, σ, ρ) */
    public double[] baseTheta() {
        return base.theta();
    }

    /**
     * @param history    an event's history (generated at the base settings)
     * @param thetaPrime the target θ′ = (a′, b′, σ′, ρ′); ρ′ is ignored in pions-only mode
     * @return ln w(θ′; θ) and its gradient in θ′
     */
    public LogWeight logWeight(FragmentationHistory history, double[] thetaPrime) {
        if (thetaPrime == null || thetaPrime.length != 4) {
            throw new IllegalArgumentException("thetaPrime must have 4 components (a, b, sigma, rho)");
        }
        double a = thetaPrime[LundProgram.A];
        double b = thetaPrime[LundProgram.B];
        double s = thetaPrime[LundProgram.SIGMA];
        double r = base.pionsOnlyMode() ? 0 : thetaPrime[LundProgram.RHO];
        if (!(a >= 0) || !(b > 0) || !(s > 0) || !(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("thetaPrime = (" + a + ", " + b + ", " + s + ", " + r
                    + ") is outside a >= 0, b > 0, sigma > 0, 0 <= rho <= 1");
        }
        double value = 0;
        double[] gz = new double[4];
        double[] gf = new double[4];
        double[] gp = new double[4];
        double[] g2 = new double[4];
        double[] g = new double[2];
        for (FragmentationHistory.ZRecord t : history.zTrials()) {
            double scale = t.head() * t.proposalFactor();
            double lnNew = ZAcceptance.logAlpha(t.z(), a, b, t.mT2(), scale, g);
            double lnOld = ZAcceptance.logAlpha(t.z(), t.a(), t.b(), t.mT2(), scale, null);
            if (t.accepted()) {
                value += lnNew - lnOld;
                gz[0] += g[0];
                gz[1] += g[1];
            } else {
                double alphaNew = Math.exp(lnNew);
                value += Math.log1p(-alphaNew) - Math.log1p(-Math.exp(lnOld));
                double f = -alphaNew / (1 - alphaNew);
                gz[0] += f * g[0];
                gz[1] += f * g[1];
            }
        }
        if (!base.pionsOnlyMode()) {
            StochasticTriple rhoT = StochasticTriple.of(r, 1);
            StochasticTriple rhoOld = StochasticTriple.constant(rho);
            for (FragmentationHistory.FlavourRecord fr : history.flavours()) {
                StochasticTriple pNew = flavours.probabilities(fr.oldEnd(), rhoT)[fr.outcome()];
                double pOld = flavours.probabilities(fr.oldEnd(), rhoOld)[fr.outcome()].value();
                value += Math.log(pNew.value() / pOld);
                gf[LundProgram.RHO] += pNew.delta(0) / pNew.value();
            }
        }
        double ratio = s / sigma;
        for (FragmentationHistory.PtRecord p : history.pts()) {
            double wOld = p.width();
            double wNew = wOld * ratio;
            double x2 = p.px() * p.px() + p.py() * p.py();
            value += 2 * Math.log(wOld / wNew) - x2 / (2 * wNew * wNew) + x2 / (2 * wOld * wOld);
            gp[LundProgram.SIGMA] += (-2 + x2 / (wNew * wNew)) / s;
        }
        for (FragmentationHistory.FinalTwoRecord f : history.finalTwos()) {
            double pNew = reverseProbability(b, f.lambda());
            if (f.reversed()) {
                value += Math.log(pNew / f.probReverse());
                g2[LundProgram.B] += -f.lambda() * (1 - pNew);
            } else {
                value += Math.log((1 - pNew) / (1 - f.probReverse()));
                g2[LundProgram.B] += f.lambda() * pNew;
            }
        }
        return new LogWeight(value, gz, gf, gp, g2);
    }

    /**
     * The fast path for fits of (a, b) alone: ln w(θ′; θ) for θ′ = (a′, b′, σ, ρ) — σ and ρ at their
     * base values, so only the z and finalTwo decisions contribute.
     *
     * @param history an event's history
     * @param a       a′
     * @param b       b′
     * @param grad    receives {∂ ln w/∂a′, ∂ ln w/∂b′} (length ≥ 2)
     * @return ln w
     */
    public double logWeightAB(FragmentationHistory history, double a, double b, double[] grad) {
        if (!(a >= 0) || !(b > 0)) {
            throw new IllegalArgumentException("(a, b) = (" + a + ", " + b + ") is outside a >= 0, b > 0");
        }
        double value = 0;
        double ga = 0;
        double gb = 0;
        double[] g = new double[2];
        for (FragmentationHistory.ZRecord t : history.zTrials()) {
            double scale = t.head() * t.proposalFactor();
            double lnNew = ZAcceptance.logAlpha(t.z(), a, b, t.mT2(), scale, g);
            double lnOld = ZAcceptance.logAlpha(t.z(), t.a(), t.b(), t.mT2(), scale, null);
            if (t.accepted()) {
                value += lnNew - lnOld;
                ga += g[0];
                gb += g[1];
            } else {
                double alphaNew = Math.exp(lnNew);
                value += Math.log1p(-alphaNew) - Math.log1p(-Math.exp(lnOld));
                double f = -alphaNew / (1 - alphaNew);
                ga += f * g[0];
                gb += f * g[1];
            }
        }
        for (FragmentationHistory.FinalTwoRecord f : history.finalTwos()) {
            double pNew = reverseProbability(b, f.lambda());
            if (f.reversed()) {
                value += Math.log(pNew / f.probReverse());
                gb += -f.lambda() * (1 - pNew);
            } else {
                value += Math.log((1 - pNew) / (1 - f.probReverse()));
                gb += f.lambda() * pNew;
            }
        }
        grad[0] = ga;
        grad[1] = gb;
        return value;
    }

    /**
     * @param history an event's history
     * @return the event's score ∂θ ln p(event; θ) at the base point
     */
    public LogWeight score(FragmentationHistory history) {
        return logWeight(history, baseTheta());
    }

    /** 1/(1 + exp(bλ)) with the generator's clip of the exponent. */
    static double reverseProbability(double b, double lambda) {
        return 1 / (1 + Math.exp(Math.min(b * lambda, 50)));
    }
}
