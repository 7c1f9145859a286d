package org.stochad.lund.pathwise;

import org.stochad.UniformStream;
import org.stochad.lund.Event;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.FlavourScores;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;

/**
 * The score of the first attempt of the fast path in the law's own parameterisation — the one the
 * pathwise mode differentiates: every z is a draw of the normalised Lund function (its score
 * ∂θ ln p(z), not the accept/reject decisions' that made it), every pT a Gaussian draw (σ), every
 * flavour a categorical (ρ), finalTwo's ordering a Bernoulli (b at fixed λ); the stop, the vetoes and
 * the failures are θ-free functions of the draws. Besides S it keeps, per segment (each string step
 * and finalTwo), the control variates Φ[f][j] = Σ_segments φ_f(state at the segment's start)·s_j
 * ({@link StepStates}), each of mean 0.
 *
 * <p>One instance per θ (immutable; shared by threads); {@link #attempt} is the per-sample work.
 */
final class LawScore {

    /**
     * Further control variates per segment: the sufficient statistic T₁ = ln(1 − z) of each z times
     * its score along a and b, centred by its exact conditional mean (the Fisher information). (c/z,
     * the other statistic, and the pT kick's |k|² were measured and explain < 1.5 % more.)
     */
    static final int STATISTICS = 1;
    /** The rows of Φ: the features, and the features times each further statistic. */
    static final int CONTROL_VARIATES = StepStates.FEATURES * (1 + STATISTICS);

    private static final int A = 0;
    private static final int B = 1;
    private static final int S = 2;
    private static final int R = 3;

    private final FastFragmenter fast;
    private final double[] theta;
    /** Pythia drops the a-term of the Lund function below a = 0.02: z's law does not depend on a there. */
    private final boolean aTerm;
    private final LundNormTable norm;
    private final FlavourScores flavours;

    /**
     * @param fast     the fast path of the settings
     * @param settings the settings (pions-only mode, flavour probabilities)
     * @param theta    (a, b, σ, ρ)
     */
    LawScore(FastFragmenter fast, LundSettings settings, double[] theta) {
        if (fast == null || settings == null || theta == null || theta.length != LundParameters.COUNT) {
            throw new IllegalArgumentException("fast = " + fast + ", settings = " + settings + ", theta = "
                    + java.util.Arrays.toString(theta) + ": expected (a, b, sigma, rho)");
        }
        this.fast = fast;
        this.theta = theta.clone();
        this.aTerm = theta[0] >= 0.02;
        this.norm = LundNormTable.of(aTerm ? theta[0] : 0);
        this.flavours = FlavourScores.of(settings, theta[3]);
    }

    /** @return θ (a copy) */
    double[] theta() {
        return theta.clone();
    }

    /**
     * @param t (a, b, σ, ρ)
     * @return whether this is the law score at t
     */
    boolean isAt(double[] t) {
        return java.util.Arrays.equals(theta, t);
    }

    /**
     * @param root the sample's root stream ({@link org.stochad.Samplers#primalStream})
     * @return the first attempt made from it, its score and control variates
     */
    RestartPilot.ScoredAttempt attempt(UniformStream root) {
        Listener l = new Listener();
        Event e = fast.firstAttempt(root, theta, l);
        l.states.close(l.score);
        return new RestartPilot.ScoredAttempt(e, l.score, l.states.sums());
    }

    /** Accumulates S and Φ as the attempt draws. */
    private final class Listener implements FastFragmenter.DrawListener {
        final double[] score = new double[LundParameters.COUNT];
        final StepStates states = new StepStates(LundParameters.COUNT, STATISTICS);
        /** The sufficient statistics' moments at the last z's c ({@link LundNormTable#terms}). */
        final double[] terms = new double[LundNormTable.TERMS];
        /** D = Σ (|p| − |p_z|) over the hadrons made so far. */
        double deficit;

        @Override
        public void step(int step, double w2Rem) {
            states.boundary(step, w2Rem, deficit, score);
        }

        @Override
        public void stop(int steps, double w2Rem) {
            states.boundary(steps, w2Rem, deficit, score);
        }

        @Override
        public void flavour(int attempt, int end, int rank, int flavOld, int index, int newQuark, int pdg) {
            score[R] += flavours.rho(flavOld, index);
        }

        @Override
        public void pt(int attempt, int end, int rank, double px, double py, double width, boolean enhanced) {
            // ln p = −2 ln w − (px² + py²)/(2w²), w ∝ σ
            score[S] += ((px * px + py * py) / (width * width) - 2) / theta[S];
        }

        @Override
        public void z(int attempt, int end, int rank, double z, boolean accepted, double a, double b, double mT2,
                      double fPrel, double head) {
            if (!accepted) {
                return;
            }
            double c = b * mT2;
            norm.terms(c, terms);
            // the sufficient statistic T₁ = ln(1 − z)
            double t1 = Log1p.of(-z);
            if (aTerm) {
                double sa = t1 - terms[0];
                score[A] += sa;
                // E[s_a·T₁] = Var T₁
                states.addInSegment(0, A, sa * t1 - terms[2]);
            }
            // ∂b ln p = m_T²·(E[T₂] − T₂) = (E[cT₂] − c/z)/b; b·s_b below, divided once
            double bsb = terms[1] - c / z;
            score[B] += bsb / b;
            // E[b·s_b·T₁] = −c·Cov(T₁, T₂) (b·s_b: the control variate scaled by the constant b,
            // which the regression absorbs)
            states.addInSegment(0, B, bsb * t1 + terms[3]);
        }

        @Override
        public void hadron(double px, double py, double pz, double e) {
            deficit += Math.sqrt(px * px + py * py + pz * pz) - Math.abs(pz);
        }

        @Override
        public void finalTwo(int attempt, double lambda, double b, double probReverse, boolean reversed) {
            // P(reversed) = 1/(e^{bλ} + 1): ∂b ln P = −λ·(1 − P) if reversed, λ·P if not
            score[B] += reversed ? -lambda * (1 - probReverse) : lambda * probReverse;
        }
    }
}
