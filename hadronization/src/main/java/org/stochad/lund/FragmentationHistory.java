package org.stochad.lund;

import java.util.List;

/**
 * Everything random a string's fragmentation decided, per attempt, in the order drawn — what a
 * reweighting (RSA) or score-function calculation needs to evaluate the event's probability at
 * other parameters without re-running it.
 *
 * @param zTrials     every z proposal, accepted or rejected
 * @param flavours    every flavour choice that depends on ρ
 * @param pts         every pT draw of a new quark pair
 * @param finalTwos   the ordering decision of every finalTwo reached
 * @param attempts    attempts made; attempt {@code attempts − 1} is the one kept
 */
public record FragmentationHistory(List<ZRecord> zTrials, List<FlavourRecord> flavours, List<PtRecord> pts,
                                   List<FinalTwoRecord> finalTwos, int attempts) {

    /**
     * One z proposal of a hadron.
     *
     * @param attempt        the attempt (restart index)
     * @param end            0 quark end, 1 antiquark end
     * @param rank           the hadron's rank from that end
     * @param z              the proposed z
     * @param accepted       whether it was accepted
     * @param a              Lund a used
     * @param b              Lund b used
     * @param mT2            the hadron's mT² (GeV²)
     * @param proposalFactor Pythia's envelope factor fPrel (1 for the flat proposal)
     * @param head           the over-sampling factor H; acceptance = f(z)/(f(zMax)·H·proposalFactor)
     */
    public record ZRecord(int attempt, int end, int rank, double z, boolean accepted, double a, double b,
                          double mT2, double proposalFactor, double head) { }

    /**
     * One flavour choice at a break.
     *
     * @param attempt  the attempt
     * @param end      the end stepped
     * @param rank     the hadron's rank
     * @param oldEnd   the signed flavour of the end before the break
     * @param outcome  index into {@link FlavourSelector#outcomes(int)}
     * @param newQuark the new quark flavour (1..3)
     * @param pdgId    the meson made
     */
    public record FlavourRecord(int attempt, int end, int rank, int oldEnd, int outcome, int newQuark, int pdgId) { }

    /**
     * The Gaussian pT of one new quark pair.
     *
     * @param attempt the attempt
     * @param end     the end stepped
     * @param rank    the hadron's rank
     * @param px      the new pair's px (GeV)
     * @param py      the new pair's py (GeV)
     * @param width   the per-component width used, σ/√2 times the enhancement factor
     * @param enhanced whether the enhanced width was chosen
     */
    public record PtRecord(int attempt, int end, int rank, double px, double py, double width, boolean enhanced) { }

    /**
     * The finalTwo ordering decision.
     *
     * @param attempt     the attempt
     * @param lambda      the Källén root λ (GeV²)
     * @param b           Lund b used
     * @param probReverse 1/(1 + exp(bλ))
     * @param reversed    whether the reversed ordering was chosen
     */
    public record FinalTwoRecord(int attempt, double lambda, double b, double probReverse, boolean reversed) { }
}
