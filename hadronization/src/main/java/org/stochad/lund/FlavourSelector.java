package org.stochad.lund;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.UniformStream;

/**
 * Pythia's choice of the new flavour at a string break and of the pseudoscalar meson it forms,
 * written as one categorical draw whose probabilities depend on ρ = probStoUD.
 *
 * <p>Pythia picks the new quark with weights d : u : s = 1 : 1 : ρ, forms the meson, and for a
 * diagonal pair (q q̄ of one flavour) chooses π⁰, η or η′ by the nonet mixing (angle
 * {@code thetaPS}); an η is kept with probability {@code etaSup}, an η′ with {@code etaPrimeSup},
 * otherwise the whole choice is repeated. The outcome of that loop has the normalised
 * distribution P(q, m) ∝ w(q)·P(m | q)·acc(m), which this class draws in one categorical — the
 * same distribution with one decision, so stochastic AD and reweighting see one ρ-dependent draw
 * per hadron.
 */
public final class FlavourSelector {

    /** One possible result of a break: the new quark flavour (1..3) and the meson made at the end. */
    public record Outcome(int newQuark, int pdgId) { }

    private final double etaSup;
    private final double etaPrimeSup;
    private final double etaFromLight;
    private final double etaFromStrange;
    /** {@link #outcomes(int)} per signed end flavour (index oldEnd + 3; null at 0), built once. */
    private final List<List<Outcome>> outcomeLists;

    /**
     * @param settings the settings (thetaPS, etaSup, etaPrimeSup, pions-only switch)
     */
    public FlavourSelector(LundSettings settings) {
        this.etaSup = settings.effectiveEtaSup();
        this.etaPrimeSup = settings.effectiveEtaPrimeSup();
        double alpha = Math.toRadians(settings.parm(LundSettings.THETA_PS) + 54.7);
        double c2 = Math.cos(alpha) * Math.cos(alpha);
        this.etaFromLight = 0.5 * c2;
        this.etaFromStrange = 1 - c2;
        List<List<Outcome>> lists = new ArrayList<>();
        for (int oldEnd = -3; oldEnd <= 3; oldEnd++) {
            lists.add(oldEnd == 0 ? null : List.copyOf(buildOutcomes(oldEnd)));
        }
        this.outcomeLists = java.util.Collections.unmodifiableList(lists);
    }

    /**
     * The mixing probabilities of a diagonal pair times the acceptance of each state.
     *
     * @param quark 1, 2 or 3
     * @return unnormalised weights of (π⁰, η, η′)
     */
    double[] diagonalWeights(int quark) {
        if (quark == 3) {
            return new double[] {0, etaFromStrange * etaSup, (1 - etaFromStrange) * etaPrimeSup};
        }
        return new double[] {0.5, etaFromLight * etaSup, (0.5 - etaFromLight) * etaPrimeSup};
    }

    private static final int[] DIAGONAL = {ParticleData.PI0, ParticleData.ETA, ParticleData.ETA_PRIME};

    /**
     * @param oldEnd the signed flavour of the end being stepped (quark &gt; 0, antiquark &lt; 0)
     * @return the possible outcomes of a break at that end, in a fixed order (an unmodifiable list)
     */
    public List<Outcome> outcomes(int oldEnd) {
        if (oldEnd >= -3 && oldEnd <= 3 && oldEnd != 0) {
            return outcomeLists.get(oldEnd + 3);
        }
        return buildOutcomes(oldEnd);
    }

    private static List<Outcome> buildOutcomes(int oldEnd) {
        List<Outcome> list = new ArrayList<>();
        int q = Math.abs(oldEnd);
        int s = Integer.signum(oldEnd);
        for (int qNew = 1; qNew <= 3; qNew++) {
            if (qNew == q) {
                for (int m : DIAGONAL) {
                    list.add(new Outcome(qNew, m));
                }
            } else {
                list.add(new Outcome(qNew, ParticleData.offDiagonalMeson(oldEnd, -s * qNew)));
            }
        }
        return list;
    }

    /**
     * The normalised probabilities of {@link #outcomes(int)} as functions of ρ.
     *
     * @param oldEnd the signed flavour of the end
     * @param rho    ρ = probStoUD, carrying its tangent
     * @return probabilities, summing to one
     */
    public StochasticTriple[] probabilities(int oldEnd, StochasticTriple rho) {
        int q = Math.abs(oldEnd);
        List<StochasticTriple> w = new ArrayList<>();
        for (int qNew = 1; qNew <= 3; qNew++) {
            StochasticTriple quarkWeight = qNew == 3 ? rho : StochasticTriple.constant(1);
            if (qNew == q) {
                for (double d : diagonalWeights(qNew)) {
                    w.add(quarkWeight.times(d));
                }
            } else {
                w.add(quarkWeight);
            }
        }
        StochasticTriple total = StochasticTriple.constant(0);
        for (StochasticTriple t : w) {
            total = total.plus(t);
        }
        if (!(total.value() > 0)) {
            throw new IllegalStateException("flavour: no meson can be formed at an end of flavour " + oldEnd);
        }
        StochasticTriple[] p = new StochasticTriple[w.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = w.get(i).div(total);
        }
        return p;
    }

    /**
     * Draws the new flavour and the meson at an end.
     *
     * @param sampler the break's flavour stream
     * @param oldEnd  the signed flavour of the end
     * @param rho     ρ
     * @return the outcome
     */
    public Outcome pick(Sampler sampler, int oldEnd, StochasticTriple rho) {
        return outcomes(oldEnd).get(pickIndex(sampler, probabilities(oldEnd, rho)));
    }

    /**
     * The draw of {@link #pick} with the probabilities given (computed once per event and end
     * flavour by the caller).
     *
     * @param sampler       the break's flavour stream
     * @param probabilities {@link #probabilities(int, StochasticTriple)} of the end
     * @return the index of the outcome in {@link #outcomes(int)}
     */
    static int pickIndex(Sampler sampler, StochasticTriple[] probabilities) {
        return sampler.categorical(probabilities).intValue();
    }

    /**
     * The meson of the last hadron of a string, made from two given ends; for a diagonal pair
     * Pythia repeats only the mixing choice until accepted, so this is a parameter-free draw.
     *
     * @param sampler the stream
     * @param id1     signed flavour of one end
     * @param id2     signed flavour of the other (opposite sign)
     * @return the PDG code, or 0 when no meson of that flavour is allowed (the string restarts)
     */
    public int combineFinal(Sampler sampler, int id1, int id2) {
        return combineFinal(sampler::uniform, id1, id2);
    }

    /**
     * {@link #combineFinal(Sampler, int, int)} on a plain stream (the double paths).
     *
     * @param stream the stream
     * @param id1    signed flavour of one end
     * @param id2    signed flavour of the other (opposite sign)
     * @return the PDG code, or 0 when no meson of that flavour is allowed
     */
    int combineFinal(UniformStream stream, int id1, int id2) {
        return combineFinal(stream::uniform, id1, id2);
    }

    /** The draw of both: one uniform, taken only for a diagonal pair that can form a meson. */
    private int combineFinal(DoubleSupplier uniform, int id1, int id2) {
        if (Math.abs(id1) != Math.abs(id2)) {
            return ParticleData.offDiagonalMeson(id1, id2);
        }
        double[] w = diagonalWeights(Math.abs(id1));
        double sum = w[0] + w[1] + w[2];
        if (!(sum > 0)) {
            return 0;
        }
        double u = uniform.getAsDouble() * sum;
        if (u < w[0] || w[1] + w[2] == 0) {
            return DIAGONAL[0];
        }
        return u < w[0] + w[1] || w[2] == 0 ? DIAGONAL[1] : DIAGONAL[2];
    }
}
