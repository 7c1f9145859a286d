package org.stochad.lund;

import java.util.List;
import org.stochad.StochasticTriple;

/**
 * The ρ-dependent categorical of the flavour choice on doubles, per signed end flavour (index
 * oldEnd + 3): the probability values exactly as {@link FlavourSelector#probabilities} computes
 * them, their ρ tangents, their running sum and the outcomes; shared by the double paths
 * ({@link FastFragmenter}, {@link ScoreFragmenter}). Immutable.
 */
final class FlavourTable {

    private static final int R = 3;
    private static final double CATEGORICAL_TOLERANCE = 1e-9;

    /** The value of the ρ the table was made at. */
    final double rho;
    final double[][] p = new double[7][];
    /** ∂p/∂ρ (zero when ρ carries no tangent). */
    final double[][] dRho = new double[7][];
    /** The categorical score rule's term δp/p along ρ, {@code dRho[k][i] / p[k][i]} (computed once). */
    final double[][] scoreRho = new double[7][];
    final double[] sum = new double[7];
    final int[][] newQuark = new int[7][];
    final int[][] pdg = new int[7][];
    /** A probability of 0 or 1 with a tangent: the triple run checks or calls the score blind. */
    final boolean edge;

    /**
     * @param selector the flavour selector
     * @param rho      ρ, with its tangent when the score along ρ is wanted
     * @throws IllegalArgumentException as the engine's categorical draw: a probability outside
     *                                  [0, 1] or a sum not 1
     */
    FlavourTable(FlavourSelector selector, StochasticTriple rho) {
        this.rho = rho.value();
        boolean atEdge = false;
        for (int oldEnd = -3; oldEnd <= 3; oldEnd++) {
            if (oldEnd == 0) {
                continue;
            }
            int k = oldEnd + 3;
            StochasticTriple[] probs = selector.probabilities(oldEnd, rho);
            List<FlavourSelector.Outcome> outs = selector.outcomes(oldEnd);
            p[k] = new double[probs.length];
            dRho[k] = new double[probs.length];
            newQuark[k] = new int[probs.length];
            pdg[k] = new int[probs.length];
            double s = 0;
            for (int i = 0; i < probs.length; i++) {
                p[k][i] = probs[i].value();
                dRho[k][i] = probs[i].directions() > R ? probs[i].delta(R) : 0;
                for (int j = 0; j < probs[i].directions(); j++) {
                    atEdge |= !(p[k][i] > 0 && p[k][i] < 1) && probs[i].delta(j) != 0;
                }
                if (!(p[k][i] >= 0 && p[k][i] <= 1)) {
                    throw new IllegalArgumentException("categorical: probabilities[" + i + "] = " + p[k][i]
                            + " is outside [0, 1]");
                }
                s += p[k][i];
                newQuark[k][i] = outs.get(i).newQuark();
                pdg[k][i] = outs.get(i).pdgId();
            }
            if (Math.abs(s - 1) > CATEGORICAL_TOLERANCE) {
                throw new IllegalArgumentException("categorical: probabilities sum to " + s + ", not 1");
            }
            sum[k] = s;
            scoreRho[k] = new double[probs.length];
            for (int i = 0; i < probs.length; i++) {
                scoreRho[k][i] = dRho[k][i] / p[k][i];
            }
        }
        this.edge = atEdge;
    }

    /**
     * @param oldEnd the signed flavour of the end
     * @param u      the flavour stream's uniform
     * @return the outcome index (the engine's categorical inversion)
     */
    int pick(int oldEnd, double u) {
        double[] q = p[oldEnd + 3];
        double v = u * sum[oldEnd + 3];
        double c = 0;
        int last = -1;
        for (int i = 0; i < q.length; i++) {
            if (q[i] > 0) {
                c += q[i];
                last = i;
                if (v <= c) {
                    return i;
                }
            }
        }
        return last;
    }
}
