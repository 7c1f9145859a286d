package org.stochad.lund;

import org.stochad.StochasticTriple;

/**
 * The triple arithmetic of Pythia's finalTwo (the last two hadrons of a string), shared by
 * {@link StringFragmenter} and the pathwise mode: the two hadrons' transverse momenta and
 * transverse masses, the remaining transverse mass W_T² and the Källén root λ; then, for a chosen
 * ordering, the two hadrons.
 *
 * @param posPx  the x momentum of the hadron at the quark end
 * @param posPy  its y momentum
 * @param negPx  the x momentum of the hadron at the antiquark end
 * @param negPy  its y momentum
 * @param mPos   the mass of the hadron at the quark end
 * @param mNeg   the mass of the hadron at the antiquark end
 * @param mT2Pos the quark-end hadron's transverse mass squared
 * @param mT2Neg the antiquark-end hadron's transverse mass squared
 * @param wT2Rem the remaining transverse mass squared
 * @param lambda λ = √((W_T² − m_T⁺² − m_T⁻²)² − 4·m_T⁺²·m_T⁻²)
 */
public record FinalTwoKinematics(StochasticTriple posPx, StochasticTriple posPy, StochasticTriple negPx,
                                 StochasticTriple negPy, double mPos, double mNeg, StochasticTriple mT2Pos,
                                 StochasticTriple mT2Neg, StochasticTriple wT2Rem, StochasticTriple lambda) {

    /**
     * The kinematics, each hadron's pT its end's old pT plus half the remaining pT plus its new pT.
     *
     * @param posPxOld the quark end's old x momentum
     * @param posPyOld its old y momentum
     * @param posPxNew its new pair's x momentum
     * @param posPyNew its new pair's y momentum
     * @param negPxOld the antiquark end's old x momentum
     * @param negPyOld its old y momentum
     * @param negPxNew its new pair's x momentum
     * @param negPyNew its new pair's y momentum
     * @param pxRem    the remaining x momentum not carried by the ends
     * @param pyRem    the remaining y momentum not carried by the ends
     * @param mPos     the quark-end hadron's mass
     * @param mNeg     the antiquark-end hadron's mass
     * @param w2Rem    the remaining mass squared
     * @return the kinematics, or null when W_T &lt; m_T⁺ + m_T⁻ or λ² ≤ 0 (the attempt fails)
     */
    public static FinalTwoKinematics of(StochasticTriple posPxOld, StochasticTriple posPyOld,
                                        StochasticTriple posPxNew, StochasticTriple posPyNew,
                                        StochasticTriple negPxOld, StochasticTriple negPyOld,
                                        StochasticTriple negPxNew, StochasticTriple negPyNew,
                                        StochasticTriple pxRem, StochasticTriple pyRem, double mPos, double mNeg,
                                        StochasticTriple w2Rem) {
        StochasticTriple posPx = posPxOld.plus(pxRem.times(0.5)).plus(posPxNew);
        StochasticTriple posPy = posPyOld.plus(pyRem.times(0.5)).plus(posPyNew);
        StochasticTriple negPx = negPxOld.plus(pxRem.times(0.5)).plus(negPxNew);
        StochasticTriple negPy = negPyOld.plus(pyRem.times(0.5)).plus(negPyNew);
        StochasticTriple mT2Pos = posPx.square().plus(posPy.square()).plus(mPos * mPos);
        StochasticTriple mT2Neg = negPx.square().plus(negPy.square()).plus(mNeg * mNeg);
        StochasticTriple wT2Rem = w2Rem.plus(posPx.plus(negPx).square()).plus(posPy.plus(negPy).square());
        if (Math.sqrt(wT2Rem.value()) < Math.sqrt(mT2Pos.value()) + Math.sqrt(mT2Neg.value())) {
            return null;
        }
        StochasticTriple lambda2 = wT2Rem.minus(mT2Pos).minus(mT2Neg).square()
                .minus(mT2Pos.times(mT2Neg).times(4));
        if (lambda2.value() <= 0) {
            return null;
        }
        return new FinalTwoKinematics(posPx, posPy, negPx, negPy, mPos, mNeg, mT2Pos, mT2Neg, wT2Rem,
                lambda2.sqrt());
    }

    /** @return the quark-end hadron's longitudinal fraction in the forward ordering, λ/W_T²·½ */
    public StochasticTriple xpz() {
        return lambda.div(wT2Rem).times(0.5);
    }

    /**
     * The two hadrons for one ordering.
     *
     * @param xpzPos   {@link #xpz()} for the forward ordering, its negation for the reversed one
     * @param idPos    the quark-end hadron's PDG code
     * @param idNeg    the antiquark-end hadron's PDG code
     * @param rankPos  the quark-end hadron's rank
     * @param rankNeg  the antiquark-end hadron's rank
     * @param xPosRemT the remaining positive light-cone fraction
     * @param xNegRemT the remaining negative light-cone fraction
     * @param eCm      the string mass (GeV)
     * @return the hadrons (quark end first), or null when one has a negative energy
     */
    public Hadron[] hadrons(StochasticTriple xpzPos, int idPos, int idNeg, int rankPos, int rankNeg,
                            StochasticTriple xPosRemT, StochasticTriple xNegRemT, double eCm) {
        StochasticTriple xmDiff = mT2Pos.minus(mT2Neg).div(wT2Rem);
        StochasticTriple xePos = xmDiff.plus(1).times(0.5);
        StochasticTriple xeNeg = xmDiff.neg().plus(1).times(0.5);
        StochasticTriple posXp = xePos.plus(xpzPos).times(xPosRemT);
        StochasticTriple posXm = xePos.minus(xpzPos).times(xNegRemT);
        StochasticTriple negXp = xeNeg.minus(xpzPos).times(xPosRemT);
        StochasticTriple negXm = xeNeg.plus(xpzPos).times(xNegRemT);
        Hadron hPos = new Hadron(idPos, mPos, posPx, posPy, posXp.minus(posXm).times(0.5 * eCm),
                posXp.plus(posXm).times(0.5 * eCm), 0, rankPos, true);
        Hadron hNeg = new Hadron(idNeg, mNeg, negPx, negPy, negXp.minus(negXm).times(0.5 * eCm),
                negXp.plus(negXm).times(0.5 * eCm), 1, rankNeg, true);
        if (hPos.eValue() < 0 || hNeg.eValue() < 0) {
            return null;
        }
        return new Hadron[] {hPos, hNeg};
    }
}
