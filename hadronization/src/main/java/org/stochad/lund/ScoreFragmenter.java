package org.stochad.lund;

import static org.stochad.lund.FragmenterConstants.EXP_MAX;
import static org.stochad.lund.FragmenterConstants.INV_SQRT2;
import static org.stochad.lund.FragmenterConstants.MAX_Z_TRIES;

import java.util.ArrayList;
import java.util.List;
import org.stochad.StochasticTriple;
import org.stochad.UniformStream;

/**
 * One sample of the core score-function estimator on a {@link LundProgram} (flips mode, θ = (a, b,
 * σ, ρ)), computed on doubles: the event of {@link FastFragmenter}, whose kinematics carry their σ
 * tangent (pT differentiated pathwise) or whose weight carries the pT densities' σ score
 * ({@code Lund:ptScore}), and the score Σ ∂θ ln p of the draws accumulated as the estimator's score
 * rule accumulates it.
 *
 * <p>Bit for bit. The tangent arithmetic of a triple operation is linear, with coefficients that
 * are functions of the values: direction j of {@code x.times(y)} is {@code y·x_j + x·y_j}, of
 * {@code x.div(y)} {@code (1/y)·x_j + (−v/y)·y_j}, of {@code f(x)} {@code f′(x)·x_j}. This class
 * performs exactly those operations, in the same order, on the directions that can be non-zero:
 * the kinematics depend on σ only (z and the flavours are plain numbers), the z acceptance
 * probabilities on (a, b, σ), finalTwo's ordering probability on (b, σ), the flavour
 * probabilities on ρ. The other directions are zeros (of either sign), which add nothing to the
 * score (it starts at +0.0) nor to any non-zero tangent. The score terms are those of the
 * Bernoulli family (δα·1/α when accepted, δα·(−1)/(1 − α) when rejected) and of a categorical draw
 * (δp_x/p_x), in the order of the draws. {@code ScoreFragmenterTest} compares whole estimates
 * with the triple path's.
 *
 * <p>It declines (returns null), and the estimator then runs the program on triples, where that
 * run would do something this class does not reproduce: a probability at the edge of [0, 1] that
 * carries a tangent (the triple run checks its direction or calls the score blind), or any
 * exception (the triple run raises it with its own message).
 */
final class ScoreFragmenter {

    /** Direction indices of θ = (a, b, σ, ρ). */
    private static final int A = 0;
    private static final int B = 1;
    private static final int S = 2;
    private static final int R = 3;

    private final LundSettings settings;
    private final FlavourSelector flavours;
    private final FragmenterConstants fc;
    /** The flavour tables of the last ρ asked for (immutable; shared by threads). */
    private volatile FlavourTable lastFlavours;
    /** The pT density terms of the last σ asked for (immutable; shared by threads). */
    private volatile PtDensity lastPt;
    /** Read once (settings are looked up by name). */
    private final int idQuark;
    private final boolean pionsOnly;

    /** @param settings the generator settings (flips mode, pT pathwise) */
    ScoreFragmenter(LundSettings settings) {
        this.settings = settings;
        this.flavours = new FlavourSelector(settings);
        this.fc = FragmenterConstants.of(settings);
        this.idQuark = settings.idQuark();
        this.pionsOnly = settings.pionsOnlyMode();
    }

    /** The event (hadron momenta with their σ tangent) and the score of one run. */
    record Result(Event event, double[] score) { }

    /**
     * @param root  the sample's program stream ({@link org.stochad.Samplers#primalStream})
     * @param theta (a, b, σ, ρ), range-checked by the caller
     * @return the event and the score, or null when this run must be made on triples
     */
    Result run(UniformStream root, double[] theta) {
        try {
            Run r = new Run(theta);
            for (int attempt = 0; attempt < fc.maxRetries(); attempt++) {
                Hadron[] hadrons = r.attempt(root.fork(attempt));
                if (r.declined) {
                    return null;
                }
                if (hadrons != null) {
                    FragmentationHistory h = FastFragmenter.noHistory(attempt + 1);
                    StochasticTriple weight = fc.ptScore() ? StochasticTriple.of(r.logW, 0, 0, r.logWS, 0).exp()
                            : StochasticTriple.constant(0).exp();
                    return new Result(new Event(fc.eCm(), List.of(hadrons), attempt, h, weight), r.score);
                }
            }
            return null;   // the triple run throws its own exception
        } catch (RuntimeException e) {
            return null;   // the same: let the triple run raise it
        }
    }

    /**
     * The terms of the pT density's log that depend on σ and the width factor only, with their σ
     * tangents, per width (index 0 the normal width, 1 the enhanced one): the same operations as the
     * triple code performs for every hadron, made once.
     */
    private static final class PtDensity {
        final double sigma;
        final double[] l2 = new double[2];
        final double[] l2S = new double[2];
        final double[] q2 = new double[2];
        final double[] q2S = new double[2];

        PtDensity(double sigma, FragmenterConstants fc) {
            this.sigma = sigma;
            for (int w = 0; w < 2; w++) {
                double factor = INV_SQRT2 * (w == 1 ? fc.enhancedWidth() : 1);
                double width = sigma * factor;
                double widthS = factor * 1.0;
                double l1 = Math.log(width);
                double l1S = 1 / width * widthS;
                l2[w] = l1 * -2;
                l2S[w] = -2 * l1S;
                double q1 = width * width;
                double q1S = 2 * width * widthS;
                q2[w] = Math.pow(q1, -1);
                q2S[w] = -1.0 * Math.pow(q1, -1.0 - 1) * q1S;
            }
        }
    }

    /** The state of one string end; every momentum with its σ tangent (suffix S). */
    private static final class End {
        final int index;
        UniformStream streams;
        int flavOld;
        double pxOld;
        double pxOldS;
        double pyOld;
        double pyOldS;
        double xDirOld = 1;
        double xInvOld;
        int rank;
        final List<Hadron> hadrons = new ArrayList<>(16);
        int newQuark;
        int pdgNew;
        double pxNew;
        double pxNewS;
        double pyNew;
        double pyNewS;
        double mHad;

        End(int index, int flavour, UniformStream att) {
            this.index = index;
            this.flavOld = flavour;
            this.streams = att.fork(index);
        }

        int sign() {
            return Integer.signum(flavOld);
        }
    }

    /** One run: parameters, tables and the score. */
    private final class Run {
        final double a;
        final double b;
        final double sigma;
        final FlavourTable table;
        /** The pT density's width terms (ptScore mode), else null. */
        final PtDensity pt;
        final double[] score = new double[4];
        /** ln of the pT likelihood ratio in ptScore mode (over every attempt, as the triple run sums it): value, σ tangent. */
        double logW;
        double logWS;
        boolean declined;

        Run(double[] theta) {
            this.a = theta[0];
            this.b = theta[1];
            this.sigma = theta[2];
            // the same triple ρ as LundParameters.fromTheta makes from the estimator's seeded θ
            double rho = pionsOnly ? 0 : theta[3];
            FlavourTable f = lastFlavours;
            if (f == null || Double.doubleToRawLongBits(f.rho) != Double.doubleToRawLongBits(rho)) {
                f = new FlavourTable(flavours, pionsOnly ? StochasticTriple.constant(0)
                        : StochasticTriple.of(rho, 0, 0, 0, 1));
                lastFlavours = f;
            }
            this.table = f;
            this.declined = table.edge;
            PtDensity d = null;
            if (fc.ptScore()) {
                d = lastPt;
                if (d == null || Double.doubleToRawLongBits(d.sigma) != Double.doubleToRawLongBits(sigma)) {
                    d = new PtDensity(sigma, fc);
                    lastPt = d;
                }
            }
            this.pt = d;
        }

        /** A Bernoulli draw's score along (a, b, σ): the family rule's δp·(F′(x) − F′(x − 1))/pmf(x). */
        private boolean bernoulli(UniformStream stream, double p, double dA, double dB, double dS, boolean tangent) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("bernoulli: p = " + p);
            }
            if (tangent && (p == 0 || p == 1)) {
                declined = true;   // the triple run checks the tangent's direction at the edge
            }
            boolean one = stream.uniform() > 1 - p;
            if (tangent) {
                double diff = one ? 0.0 - -1.0 : -1.0 - 0.0;
                double pmf = one ? p : 1 - p;
                // a zero term (either sign) leaves the score as it is: it starts at +0.0 and so is never −0.0
                if (pmf > 0) {
                    if (dA != 0) {
                        score[A] += dA * diff / pmf;
                    }
                    if (dB != 0) {
                        score[B] += dB * diff / pmf;
                    }
                    if (dS != 0) {
                        score[S] += dS * diff / pmf;
                    }
                }
            }
            return one;
        }

        /** @return the hadrons, or null when the attempt failed */
        Hadron[] attempt(UniformStream att) {
            End pos = new End(0, idQuark, att);
            End neg = new End(1, -idQuark, att);
            UniformStream steps = att.fork(StringFragmenter.KEY_STEP);
            double remPx = 0;
            double remPxS = 0;
            double remPy = 0;
            double remPyS = 0;
            double remPz = 0;
            double remPzS = 0;
            double remE = fc.eCm();
            double remES = 0;
            double w2 = fc.eCm() * fc.eCm();
            double half = 0.5 * fc.eCm();
            End now;
            double w2Rem;
            double w2RemS;
            for (int step = 0; ; step++) {
                UniformStream stepStream = steps.fork(step);
                boolean fromPos = stepStream.uniform() < 0.5;
                now = fromPos ? pos : neg;
                int rank = now.rank + 1;
                UniformStream hadronStream = now.streams.fork(rank);
                newHadron(now, hadronStream);
                double pxHad = now.pxOld + now.pxNew;
                double pxHadS = now.pxOldS + now.pxNewS;
                double pyHad = now.pyOld + now.pyNew;
                double pyHadS = now.pyOldS + now.pyNewS;
                double mT2 = pxHad * pxHad + pyHad * pyHad + now.mHad * now.mHad;
                double mT2S = 2 * pxHad * pxHadS + 2 * pyHad * pyHadS;

                double smear = 1 + (2 * stepStream.uniform() - 1) * fc.stopSmear();
                if (remE < 0) {
                    return null;
                }
                double wMin = fc.stopW0(pos.flavOld, neg.flavOld, now.newQuark) * smear;
                w2Rem = remE * remE - remPx * remPx - remPy * remPy - remPz * remPz;
                w2RemS = 2 * remE * remES - 2 * remPx * remPxS - 2 * remPy * remPyS - 2 * remPz * remPzS;
                if (w2Rem < wMin * wMin) {
                    break;
                }

                double z = sampleZ(hadronStream.fork(StringFragmenter.KEY_Z), mT2, mT2S);
                if (declined) {
                    return null;
                }
                double xDirHad = z * now.xDirOld;
                if (!(mT2 < xDirHad * (1 - now.xInvOld) * w2)) {
                    return null;
                }
                double c = 1 / (xDirHad * w2);
                double xInvHad = mT2 * c;
                double xInvHadS = c * mT2S;
                double xPos = fromPos ? xDirHad : xInvHad;
                double xNeg = fromPos ? xInvHad : xDirHad;
                double e = (xPos + xNeg) * half;
                double eS = half * xInvHadS;
                double pz = (xPos - xNeg) * half;
                double pzS = half * (fromPos ? -xInvHadS : xInvHadS);
                now.hadrons.add(hadron(now.pdgNew, now.mHad, pxHad, pxHadS, pyHad, pyHadS, pz, pzS, e, eS,
                        now.index, rank, false));

                now.xDirOld -= xDirHad;
                now.xInvOld += xInvHad;
                now.pxOld = now.pxNew * -1.0;
                now.pxOldS = -1.0 * now.pxNewS;
                now.pyOld = now.pyNew * -1.0;
                now.pyOldS = -1.0 * now.pyNewS;
                now.flavOld = now.sign() * now.newQuark;
                now.rank = rank;
                remPx = remPx - pxHad;
                remPxS = remPxS - pxHadS;
                remPy = remPy - pyHad;
                remPyS = remPyS - pyHadS;
                remPz = remPz - pz;
                remPzS = remPzS - pzS;
                remE = remE - e;
                remES = remES - eS;
            }
            Hadron[] last = finalTwo(att.fork(StringFragmenter.KEY_FINAL), now, pos, neg, remPx, remPxS, remPy,
                    remPyS, remPz, remPzS, remE, remES, w2Rem, w2RemS);
            if (last == null) {
                return null;
            }
            int np = pos.hadrons.size();
            int nn = neg.hadrons.size();
            Hadron[] all = new Hadron[np + 2 + nn];
            for (int i = 0; i < np; i++) {
                all[i] = pos.hadrons.get(i);
            }
            all[np] = last[0];
            all[np + 1] = last[1];
            for (int i = 0; i < nn; i++) {
                all[np + 2 + i] = neg.hadrons.get(nn - 1 - i);
            }
            return all;
        }

        private void newHadron(End end, UniformStream stream) {
            int k = end.flavOld + 3;
            int index = table.pick(end.flavOld, stream.fork(StringFragmenter.KEY_FLAVOUR).uniform());
            // the categorical rule: δp_x/p_x along ρ (the other directions add zeros)
            score[R] += table.scoreRho[k][index];
            end.newQuark = table.newQuark[k][index];
            end.pdgNew = table.pdg[k][index];
            UniformStream ptStream = stream.fork(StringFragmenter.KEY_PT);
            boolean enhanced = ptStream.uniform() < fc.enhancedFraction();
            double factor = INV_SQRT2 * (enhanced ? fc.enhancedWidth() : 1);
            double width = sigma * factor;
            double widthS = factor * 1.0;
            double nx = ptStream.standardNormal();
            end.pxNew = 0.0 + width * nx;
            double ny = ptStream.standardNormal();
            end.pyNew = 0.0 + width * ny;
            if (fc.ptScore()) {
                // drawn at the width's value; σ enters through the Gaussian density, as a likelihood-ratio weight:
                // logDensity = −2 ln w − r²/(2w²), its value subtracted (the triple code's operations); the
                // terms that depend on the width only are computed once per width (PtDensity)
                end.pxNewS = 0;
                end.pyNewS = 0;
                double r2 = end.pxNew * end.pxNew + end.pyNew * end.pyNew;
                int w = enhanced ? 1 : 0;
                double l2 = pt.l2[w];
                double l2S = pt.l2S[w];
                double q2 = pt.q2[w];
                double q2S = pt.q2S[w];
                double h = 0.5 * r2;
                double q3 = q2 * h;
                double q3S = h * q2S;
                double ld = l2 - q3;
                double ldS = l2S - q3S;
                logW = logW + (ld - ld);
                logWS = logWS + ldS;
            } else {
                end.pxNewS = nx * widthS;
                end.pyNewS = ny * widthS;
            }
            end.mHad = ParticleData.mass(end.pdgNew);
        }

        /** LundZ.sample's triple arithmetic along (a, b, σ), with the invariants once per hadron. */
        private double sampleZ(UniformStream stream, double mT2, double mT2S) {
            // bm = b·mT²: direction j is mT²·b_j + b·mT²_j, with b's tangent the unit vector along b
            double bm = b * mT2;
            double bmA = mT2 * 0.0 + b * 0.0;
            double bmB = mT2 * 1.0 + b * 0.0;
            double bmS = mT2 * 0.0 + b * mT2S;
            if (!(bm > 0) || !(a >= 0) || !(fc.head() >= 1)) {
                throw new IllegalArgumentException("lund z: a = " + a + ", b*mT2 = " + bm);
            }
            // zMax(a, bm), a's tangent the unit vector along a
            double zm;
            double zmA;
            double zmB;
            double zmS;
            if (a < 0.02) {
                boolean small = bm < 1;
                zm = small ? bm : 1;
                zmA = small ? bmA : 0;
                zmB = small ? bmB : 0;
                zmS = small ? bmS : 0;
            } else if (Math.abs(a - 1) < 0.01) {
                double d = bm + 1;
                zm = bm / d;
                double c1 = 1 / d;
                double c2 = -zm / d;
                zmA = c1 * bmA + c2 * bmA;
                zmB = c1 * bmB + c2 * bmB;
                zmS = c1 * bmS + c2 * bmS;
            } else {
                double t1 = bm - 1;
                double t2 = t1 * t1;
                double d2 = 2 * t1;
                double t3 = a * bm;
                double t3A = bm * 1.0 + a * bmA;
                double t3B = bm * 0.0 + a * bmB;
                double t3S = bm * 0.0 + a * bmS;
                double t5 = t2 + t3 * 4;
                double t5A = d2 * bmA + 4 * t3A;
                double t5B = d2 * bmB + 4 * t3B;
                double t5S = d2 * bmS + 4 * t3S;
                double root = Math.sqrt(t5);
                double dr = 0.5 / root;
                double rootA = dr * t5A;
                double rootB = dr * t5B;
                double rootS = dr * t5S;
                double u2 = bm + 1 - root;
                double u2A = bmA - rootA;
                double u2B = bmB - rootB;
                double u2S = bmS - rootS;
                double n1A = -1.0 * 1.0;
                double n1B = -1.0 * 0.0;
                double n3 = (a * -1.0 + 1) * 2;
                double n3A = 2 * n1A;
                double n3B = 2 * n1B;
                zm = u2 / n3;
                double c1 = 1 / n3;
                double c2 = -zm / n3;
                zmA = c1 * u2A + c2 * n3A;
                zmB = c1 * u2B + c2 * n3B;
                zmS = c1 * u2S + c2 * n3B;
                if (zm > 0.9999 && bm > 100) {
                    double m1 = a / bm;
                    double e1 = 1 / bm;
                    double e2 = -m1 / bm;
                    double m3 = m1 * -1.0 + 1;
                    if (!(zm <= m3)) {
                        zm = m3;
                        zmA = -1.0 * (e1 * 1.0 + e2 * bmA);
                        zmB = -1.0 * (e1 * 0.0 + e2 * bmB);
                        zmS = -1.0 * (e1 * 0.0 + e2 * bmS);
                    }
                }
            }
            // zm is FastFragmenter.zMax(a, bm), operation for operation
            LundZ.Envelope env = fc.peaked() ? LundZ.Envelope.of(a, bm, zm) : null;
            // 1/zMax and, with the a-term, 1/(1 − zMax)
            double invZm = Math.pow(zm, -1);
            double di = -1.0 * Math.pow(zm, -1.0 - 1);
            double invZmA = di * zmA;
            double invZmB = di * zmB;
            double invZmS = di * zmS;
            boolean aTerm = a >= 0.02;
            double io = 0;
            double ioA = 0;
            double ioB = 0;
            double ioS = 0;
            if (aTerm) {
                double o2 = zm * -1.0 + 1;
                io = Math.pow(o2, -1);
                double dio = -1.0 * Math.pow(o2, -1.0 - 1);
                ioA = dio * (-1.0 * zmA);
                ioB = dio * (-1.0 * zmB);
                ioS = dio * (-1.0 * zmS);
            }
            // The σ direction of the acceptance probability is a zero of either sign when mT² carries no σ
            // tangent (ptScore mode) and the coefficients it is multiplied by are finite; a zero adds nothing
            // to the score, so it is skipped then (sDir false). With a non-finite coefficient the triple run
            // would make a NaN: computed as there.
            boolean sDir = !(bmS == 0 && zmS == 0 && invZmS == 0 && ioS == 0 && Double.isFinite(bm)
                    && Double.isFinite(invZm) && Double.isFinite(io));
            for (int i = 0; i < MAX_Z_TRIES; i++) {
                double z = stream.uniform();
                double fPrel = 1;
                if (env != null && env.kind != 0) {
                    double[] zf = env.propose(z, stream.uniform());
                    z = zf[0];
                    fPrel = zf[1];
                }
                double f = 0;
                double fA = 0;
                double fB = 0;
                double fS = 0;
                boolean tangent = false;
                if (z > 0 && z < 1) {
                    double q1 = invZm - 1 / z;
                    double e = bm * q1;
                    double eA = q1 * bmA + bm * invZmA;
                    double eB = q1 * bmB + bm * invZmB;
                    double eS = sDir ? q1 * bmS + bm * invZmS : 0;
                    double iz = 1 / z;
                    double r1 = zm * iz;
                    double dl = 1 / r1;
                    e = e + Math.log(r1);
                    eA = eA + dl * (iz * zmA);
                    eB = eB + dl * (iz * zmB);
                    if (sDir) {
                        eS = eS + dl * (iz * zmS);
                    }
                    if (aTerm) {
                        double s1 = io * (1 - z);
                        double s2 = Math.log(s1);
                        double ds = 1 / s1;
                        double s2A = ds * ((1 - z) * ioA);
                        double s2B = ds * ((1 - z) * ioB);
                        double s2S = sDir ? ds * ((1 - z) * ioS) : 0;
                        e = e + a * s2;
                        eA = eA + (s2 * 1.0 + a * s2A);
                        eB = eB + (s2 * 0.0 + a * s2B);
                        if (sDir) {
                            eS = eS + (s2 * 0.0 + a * s2S);
                        }
                    }
                    tangent = e >= -EXP_MAX && e <= EXP_MAX;   // a clamped exponent is a constant
                    e = e >= -EXP_MAX ? e : -EXP_MAX;
                    e = e <= EXP_MAX ? e : EXP_MAX;
                    f = Math.exp(e);
                    if (tangent) {
                        fA = f * eA;
                        fB = f * eB;
                        fS = sDir ? f * eS : 0;
                    }
                }
                double c = 1 / (fc.head() * fPrel);
                double alpha = f * c;
                double alphaA = c * fA;
                double alphaB = c * fB;
                double alphaS = sDir ? c * fS : 0;
                if (alpha > 1) {
                    if (env == null && alpha > 1 + 1e-9) {
                        throw new IllegalStateException("lund z: acceptance " + alpha + " > 1");
                    }
                    alpha = 1.0;
                    tangent = false;
                }
                boolean ok = bernoulli(stream, alpha, alphaA, alphaB, alphaS, tangent);
                if (ok) {
                    return z;
                }
            }
            throw new IllegalStateException("lund z: no z accepted in " + MAX_Z_TRIES + " proposals");
        }

        /** StringFragmenter.finalTwo with σ tangents; null on failure. */
        private Hadron[] finalTwo(UniformStream stream, End now, End pos, End neg, double remPx, double remPxS,
                                  double remPy, double remPyS, double remPz, double remPzS, double remE,
                                  double remES, double w2Rem, double w2RemS) {
            if (remE < 0 || w2Rem < 0) {
                return null;
            }
            if (pos.xDirOld < neg.xInvOld || pos.xInvOld > neg.xDirOld) {
                return null;
            }
            End other = now == pos ? neg : pos;
            int idOther = flavours.combineFinal(stream.fork(0), other.flavOld, now.sign() * now.newQuark);
            if (idOther == 0) {
                return null;
            }
            other.pxNew = now.pxNew * -1.0;
            other.pxNewS = -1.0 * now.pxNewS;
            other.pyNew = now.pyNew * -1.0;
            other.pyNewS = -1.0 * now.pyNewS;
            other.mHad = ParticleData.mass(idOther);
            int idNow = now.pdgNew;

            double xPosRem = (remE + remPz) / fc.eCm();
            double xNegRem = (remE - remPz) / fc.eCm();
            double ie = 1 / fc.eCm();
            double xPosRemT = (remE + remPz) * ie;
            double xPosRemTS = ie * (remES + remPzS);
            double xNegRemT = (remE - remPz) * ie;
            double xNegRemTS = ie * (remES - remPzS);
            if (!(xPosRem > 0 && xNegRem > 0)) {
                return null;
            }
            double pxRem = remPx - pos.pxOld - neg.pxOld;
            double pxRemS = remPxS - pos.pxOldS - neg.pxOldS;
            double pyRem = remPy - pos.pyOld - neg.pyOld;
            double pyRemS = remPyS - pos.pyOldS - neg.pyOldS;
            double posPx = pos.pxOld + pxRem * 0.5 + pos.pxNew;
            double posPxS = pos.pxOldS + 0.5 * pxRemS + pos.pxNewS;
            double posPy = pos.pyOld + pyRem * 0.5 + pos.pyNew;
            double posPyS = pos.pyOldS + 0.5 * pyRemS + pos.pyNewS;
            double negPx = neg.pxOld + pxRem * 0.5 + neg.pxNew;
            double negPxS = neg.pxOldS + 0.5 * pxRemS + neg.pxNewS;
            double negPy = neg.pyOld + pyRem * 0.5 + neg.pyNew;
            double negPyS = neg.pyOldS + 0.5 * pyRemS + neg.pyNewS;
            double mPos = now == pos ? now.mHad : other.mHad;
            double mNeg = now == neg ? now.mHad : other.mHad;
            double mT2Pos = posPx * posPx + posPy * posPy + mPos * mPos;
            double mT2PosS = 2 * posPx * posPxS + 2 * posPy * posPyS;
            double mT2Neg = negPx * negPx + negPy * negPy + mNeg * mNeg;
            double mT2NegS = 2 * negPx * negPxS + 2 * negPy * negPyS;
            double sx = posPx + negPx;
            double sxS = posPxS + negPxS;
            double sy = posPy + negPy;
            double syS = posPyS + negPyS;
            double wT2Rem = w2Rem + sx * sx + sy * sy;
            double wT2RemS = w2RemS + 2 * sx * sxS + 2 * sy * syS;
            if (Math.sqrt(wT2Rem) < Math.sqrt(mT2Pos) + Math.sqrt(mT2Neg)) {
                return null;
            }
            double d = wT2Rem - mT2Pos - mT2Neg;
            double dS = wT2RemS - mT2PosS - mT2NegS;
            double prodS = mT2Neg * mT2PosS + mT2Pos * mT2NegS;
            double lambda2 = d * d - mT2Pos * mT2Neg * 4;
            double lambda2S = 2 * d * dS - 4 * prodS;
            if (lambda2 <= 0) {
                return null;
            }
            double lambda = Math.sqrt(lambda2);
            double lambdaS = 0.5 / lambda * lambda2S;
            // probReverse = 1/(1 + exp(min(b·λ, 50))), b's tangent the unit vector along b
            double bl = b * lambda;
            double blB = lambda * 1.0 + b * 0.0;
            double blS = lambda * 0.0 + b * lambdaS;
            boolean tangent = bl <= EXP_MAX;
            bl = tangent ? bl : EXP_MAX;
            double ex = Math.exp(bl);
            double l4 = ex + 1;
            double probReverse = Math.pow(l4, -1);
            double dp = -1.0 * Math.pow(l4, -1.0 - 1);
            double prB = tangent ? dp * (ex * blB) : 0;
            double prS = tangent ? dp * (ex * blS) : 0;
            boolean reversed = bernoulli(stream.fork(1), probReverse, 0.0, prB, prS, tangent);
            double xpz1 = lambda / wT2Rem;
            double xpz1S = 1 / wT2Rem * lambdaS + -xpz1 / wT2Rem * wT2RemS;
            double xpzPos = xpz1 * 0.5;
            double xpzPosS = 0.5 * xpz1S;
            if (reversed) {
                xpzPos = xpzPos * -1.0;
                xpzPosS = -1.0 * xpzPosS;
            }
            double num = mT2Pos - mT2Neg;
            double numS = mT2PosS - mT2NegS;
            double xmDiff = num / wT2Rem;
            double xmDiffS = 1 / wT2Rem * numS + -xmDiff / wT2Rem * wT2RemS;
            double xePos = (xmDiff + 1) * 0.5;
            double xePosS = 0.5 * xmDiffS;
            double xeNeg = (xmDiff * -1.0 + 1) * 0.5;
            double xeNegS = 0.5 * (-1.0 * xmDiffS);
            double a1 = xePos + xpzPos;
            double a1S = xePosS + xpzPosS;
            double a2 = xePos - xpzPos;
            double a2S = xePosS - xpzPosS;
            double a3 = xeNeg - xpzPos;
            double a3S = xeNegS - xpzPosS;
            double a4 = xeNeg + xpzPos;
            double a4S = xeNegS + xpzPosS;
            double posXp = a1 * xPosRemT;
            double posXpS = xPosRemT * a1S + a1 * xPosRemTS;
            double posXm = a2 * xNegRemT;
            double posXmS = xNegRemT * a2S + a2 * xNegRemTS;
            double negXp = a3 * xPosRemT;
            double negXpS = xPosRemT * a3S + a3 * xPosRemTS;
            double negXm = a4 * xNegRemT;
            double negXmS = xNegRemT * a4S + a4 * xNegRemTS;
            double half = 0.5 * fc.eCm();
            int idPos = now == pos ? idNow : idOther;
            int idNeg = now == neg ? idNow : idOther;
            Hadron hPos = hadron(idPos, mPos, posPx, posPxS, posPy, posPyS, (posXp - posXm) * half,
                    half * (posXpS - posXmS), (posXp + posXm) * half, half * (posXpS + posXmS), 0, pos.rank + 1, true);
            Hadron hNeg = hadron(idNeg, mNeg, negPx, negPxS, negPy, negPyS, (negXp - negXm) * half,
                    half * (negXpS - negXmS), (negXp + negXm) * half, half * (negXpS + negXmS), 1, neg.rank + 1, true);
            if (hPos.eValue() < 0 || hNeg.eValue() < 0) {
                return null;
            }
            return new Hadron[] {hPos, hNeg};
        }
    }

    /**
     * A hadron whose kinematic quantities carry their σ tangent, the other directions zero; in
     * ptScore mode the kinematics are constants (the pT is drawn at a fixed width), kept as values
     * ({@link Hadron#of}).
     */
    private Hadron hadron(int pdgId, double mass, double px, double pxS, double py, double pyS, double pz,
                          double pzS, double e, double eS, int end, int rank, boolean fromFinalTwo) {
        if (fc.ptScore()) {
            return Hadron.of(pdgId, mass, px, py, pz, e, end, rank, fromFinalTwo);
        }
        return new Hadron(pdgId, mass, t(px, pxS), t(py, pyS), t(pz, pzS), t(e, eS), end, rank, fromFinalTwo);
    }

    /** A kinematic quantity with its σ tangent (pT pathwise), the other directions zero. */
    private static StochasticTriple t(double value, double dSigma) {
        return StochasticTriple.of(value, 0, 0, dSigma, 0);
    }
}
