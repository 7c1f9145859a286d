package org.stochad.lund;

import org.stochad.StochasticTriple;

/**
 * The score along ρ of the flavour choice at one ρ: ∂ρ ln P(outcome | end flavour) of the categorical
 * the fragmenters draw each new hadron's flavour from (0 in pions-only mode, where ρ is not used).
 * Immutable.
 */
public final class FlavourScores {

    private final FlavourTable table;

    private FlavourScores(FlavourTable table) {
        this.table = table;
    }

    /**
     * @param settings the generator settings
     * @param rho      ρ = probStoUD (ignored in pions-only mode)
     * @return the scores at ρ
     */
    public static FlavourScores of(LundSettings settings, double rho) {
        if (settings == null) {
            throw new IllegalArgumentException("settings = null");
        }
        FlavourSelector selector = new FlavourSelector(settings);
        return new FlavourScores(new FlavourTable(selector, settings.pionsOnlyMode() ? StochasticTriple.constant(0)
                : StochasticTriple.of(rho, 0, 0, 0, 1)));
    }

    /**
     * @param flavOld the end's signed flavour before the draw
     * @param index   the outcome's index ({@link FastFragmenter.DrawListener#flavour})
     * @return ∂ρ ln P of that outcome
     */
    public double rho(int flavOld, int index) {
        return table.scoreRho[flavOld + 3][index];
    }
}
