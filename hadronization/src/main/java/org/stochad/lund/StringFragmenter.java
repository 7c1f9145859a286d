package org.stochad.lund;

import static org.stochad.lund.FragmenterConstants.EXP_MAX;
import static org.stochad.lund.FragmenterConstants.INV_SQRT2;
import static org.stochad.lund.FragmenterConstants.MAX_Z_TRIES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;

/**
 * Pythia 8's string fragmentation of a single q-q̄ string in its rest frame, with every
 * parameter-dependent random choice made through the {@link Sampler}.
 *
 * <p>The quark end moves along +z, the antiquark end along −z, each with energy E_CM/2. Steps
 * alternate at random between the ends: at each, the new flavour and meson are chosen
 * ({@link FlavourSelector}, a ρ-dependent categorical), the new pair's pT is Gaussian with width
 * σ/√2 per component (reparameterised, so pathwise in σ), the stop test compares the remaining
 * mass with W_min, and otherwise z is drawn from the Lund function ({@link LundZ}, accept/reject
 * through {@link Sampler#accept}); the hadron takes p± = z·(the end's remaining light-cone
 * momentum) and p∓ = mT²/p±. When the remaining mass is too small the last two hadrons are
 * made together (finalTwo) with their ordering chosen by a Bernoulli draw of probability
 * 1/(1 + exp(bλ)). Failures restart the whole string.
 *
 * <p><b>Addressed streams.</b> Attempt r uses {@code sampler.fork(r)}; in it the end choice and
 * stop smearing of step k use {@code fork(STEP).fork(k)}; the hadron of rank n at end e uses
 * {@code fork(e).fork(n)} with sub-streams {@code FLAVOUR}, {@code PT} and {@code Z}; finalTwo
 * uses {@code fork(FINAL)}. A replayed alternative in which one decision flips therefore reuses
 * every other decision's numbers.
 */
public final class StringFragmenter {

    /** Stream key of the per-step decisions (end choice, stop smearing). */
    public static final long KEY_STEP = 2;
    /** Stream key of the finalTwo decisions. */
    public static final long KEY_FINAL = 3;
    /** Sub-stream key of a hadron's flavour choice. */
    public static final long KEY_FLAVOUR = 0;
    /** Sub-stream key of a hadron's pT draws. */
    public static final long KEY_PT = 1;
    /** Sub-stream key of a hadron's z draws. */
    public static final long KEY_Z = 2;


    private final LundSettings settings;
    private final FlavourSelector flavours;
    private final FragmenterConstants fc;

    /** @param settings the generator settings */
    public StringFragmenter(LundSettings settings) {
        this.settings = settings;
        this.flavours = new FlavourSelector(settings);
        this.fc = FragmenterConstants.of(settings);
    }

    /** @return the settings */
    public LundSettings settings() {
        return settings;
    }

    /**
     * Fragments one string at the settings' parameters.
     *
     * @param sampler the event's root sampler
     * @return the event
     */
    public Event fragment(Sampler sampler) {
        return fragment(sampler, LundParameters.of(settings));
    }

    /**
     * Fragments one string at the given (differentiable) parameters.
     *
     * @param sampler the event's root sampler
     * @param p       the parameters
     * @return the event
     * @throws IllegalStateException when {@code Lund:maxRetries} attempts all failed
     */
    public Event fragment(Sampler sampler, LundParameters p) {
        return fragment(sampler, p, true);
    }

    /**
     * Fragments one string at the given (differentiable) parameters, recording the fragmentation
     * history only when asked: without it the event is the same, bit for bit, and its history has
     * empty lists and only the attempt count.
     *
     * @param sampler the event's root sampler
     * @param p       the parameters
     * @param history whether to record every decision (for reweighting)
     * @return the event
     * @throws IllegalStateException when {@code Lund:maxRetries} attempts all failed
     */
    public Event fragment(Sampler sampler, LundParameters p, boolean history) {
        Recorder rec = new Recorder(history);
        for (int attempt = 0; attempt < fc.maxRetries(); attempt++) {
            rec.attempt = attempt;
            List<Hadron> hadrons = attempt(sampler.fork(attempt), p, rec);
            if (hadrons != null) {
                FragmentationHistory h = !history
                        ? new FragmentationHistory(List.of(), List.of(), List.of(), List.of(), attempt + 1)
                        : new FragmentationHistory(
                        Collections.unmodifiableList(rec.z), Collections.unmodifiableList(rec.flavours),
                        Collections.unmodifiableList(rec.pts), Collections.unmodifiableList(rec.finals),
                        attempt + 1);
                return new Event(fc.eCm(), hadrons, attempt, h, rec.logWeight.exp());
            }
        }
        throw new IllegalStateException("string fragmentation failed " + fc.maxRetries() + " times in a row (E_CM = "
                + fc.eCm() + "); raise " + LundSettings.MAX_RETRIES);
    }

    /** Mutable lists of one event's decisions (filled only when the history is asked for), and per-event caches. */
    private static final class Recorder {
        final boolean history;
        final List<FragmentationHistory.ZRecord> z;
        final List<FragmentationHistory.FlavourRecord> flavours;
        final List<FragmentationHistory.PtRecord> pts;
        final List<FragmentationHistory.FinalTwoRecord> finals;
        final List<LundZ.Trial> trials;
        /** The flavour probabilities per signed end flavour (index oldEnd + 3), computed once per event. */
        final StochasticTriple[][] flavourProbabilities = new StochasticTriple[7][];
        /** ln of the pT likelihood ratio (value 0, tangents = the pT score) in ptScore mode. */
        StochasticTriple logWeight = StochasticTriple.constant(0);
        /**
         * ptScore mode: the pT density's width terms −2 ln w and w⁻² per width (index 0 the normal
         * width, 1 the enhanced one), made once per event: they depend on σ and the width factor only,
         * and triple arithmetic is a function of its operands, so reusing them changes no bit.
         */
        final StochasticTriple[] ptLogTerm = new StochasticTriple[2];
        final StochasticTriple[] ptInverseSquare = new StochasticTriple[2];
        int attempt;

        Recorder(boolean history) {
            this.history = history;
            this.z = history ? new ArrayList<>() : null;
            this.flavours = history ? new ArrayList<>() : null;
            this.pts = history ? new ArrayList<>() : null;
            this.finals = history ? new ArrayList<>() : null;
            this.trials = history ? new ArrayList<>() : null;
        }
    }

    /** The state of one string end during an attempt. */
    private static final class End {
        final int index;
        int flavOld;
        StochasticTriple pxOld = StochasticTriple.constant(0);
        StochasticTriple pyOld = StochasticTriple.constant(0);
        double xDirOld = 1;
        double xInvOld = 0;
        int rank;
        final List<Hadron> hadrons = new ArrayList<>(16);
        // trial hadron of the current step
        FlavourSelector.Outcome outcome;
        StochasticTriple pxNew;
        StochasticTriple pyNew;
        double mHad;

        End(int index, int flavour) {
            this.index = index;
            this.flavOld = flavour;
        }

        int sign() {
            return Integer.signum(flavOld);
        }
    }

    /** @return the hadrons, or null when the attempt failed */
    private List<Hadron> attempt(Sampler att, LundParameters p, Recorder rec) {
        End pos = new End(0, settings.idQuark());
        End neg = new End(1, -settings.idQuark());
        StochasticTriple zero = StochasticTriple.constant(0);
        StochasticTriple remPx = zero;
        StochasticTriple remPy = zero;
        StochasticTriple remPz = zero;
        StochasticTriple remE = StochasticTriple.constant(fc.eCm());
        double w2 = fc.eCm() * fc.eCm();
        End now;
        StochasticTriple w2Rem;
        // the parents of the per-step and per-hadron streams, forked once (forks are pure addressing)
        Sampler steps = att.fork(KEY_STEP);
        Sampler posStreams = att.fork(pos.index);
        Sampler negStreams = att.fork(neg.index);
        for (int step = 0; ; step++) {
            Sampler stepStream = steps.fork(step);
            boolean fromPos = stepStream.uniform() < 0.5;
            now = fromPos ? pos : neg;
            int rank = now.rank + 1;
            Sampler hadronStream = (fromPos ? posStreams : negStreams).fork(rank);
            newHadron(now, rank, hadronStream, p, rec);
            StochasticTriple pxHad = now.pxOld.plus(now.pxNew);
            StochasticTriple pyHad = now.pyOld.plus(now.pyNew);
            StochasticTriple mT2 = pxHad.square().plus(pyHad.square()).plus(now.mHad * now.mHad);

            // Stop test (Pythia's energyUsedUp).
            double smear = 1 + (2 * stepStream.uniform() - 1) * fc.stopSmear();
            if (remE.value() < 0) {
                return null;
            }
            double wMin = fc.stopW0(pos.flavOld, neg.flavOld, now.outcome.newQuark()) * smear;
            // the test needs the value only (the triple's, operation for operation); the triple when it stops
            double w2RemValue = remE.value() * remE.value() - remPx.value() * remPx.value()
                    - remPy.value() * remPy.value() - remPz.value() * remPz.value();
            if (w2RemValue < wMin * wMin) {
                w2Rem = remE.square().minus(remPx.square()).minus(remPy.square()).minus(remPz.square());
                break;
            }

            // z and the hadron's light-cone momenta.
            if (rec.history) {
                rec.trials.clear();
            }
            double z = LundZ.sample(hadronStream.fork(KEY_Z), p.a(), p.b(), mT2, fc.head(), fc.peaked(), MAX_Z_TRIES,
                    rec.trials);
            if (rec.history) {
                for (LundZ.Trial t : rec.trials) {
                    rec.z.add(new FragmentationHistory.ZRecord(rec.attempt, now.index, rank, t.z(), t.accepted(),
                            p.a().value(), p.b().value(), mT2.value(), t.proposalFactor(), fc.head()));
                }
            }
            double xDirHad = z * now.xDirOld;
            // Pythia's kinematicsHadron: the hadron must fit in the remaining inverse light cone
            // (mT² < z·xDir·(1 − xInv)·W²); otherwise the attempt fails and the string restarts.
            if (!(mT2.value() < xDirHad * (1 - now.xInvOld) * w2)) {
                return null;
            }
            StochasticTriple xInvHad = mT2.div(xDirHad * w2);
            StochasticTriple xPos = fromPos ? StochasticTriple.constant(xDirHad) : xInvHad;
            StochasticTriple xNeg = fromPos ? xInvHad : StochasticTriple.constant(xDirHad);
            StochasticTriple e = xPos.plus(xNeg).times(0.5 * fc.eCm());
            StochasticTriple pz = xPos.minus(xNeg).times(0.5 * fc.eCm());
            now.hadrons.add(new Hadron(now.outcome.pdgId(), now.mHad, pxHad, pyHad, pz, e, now.index, rank, false));

            // Update the end and the remaining momentum.
            now.xDirOld -= xDirHad;
            now.xInvOld += xInvHad.value();
            now.pxOld = now.pxNew.neg();
            now.pyOld = now.pyNew.neg();
            now.flavOld = now.sign() * now.outcome.newQuark();
            now.rank = rank;
            remPx = remPx.minus(pxHad);
            remPy = remPy.minus(pyHad);
            remPz = remPz.minus(pz);
            remE = remE.minus(e);
        }
        Hadron[] last = finalTwo(att.fork(KEY_FINAL), now, pos, neg, remPx, remPy, remPz, remE, w2Rem, p, rec);
        if (last == null) {
            return null;
        }
        List<Hadron> all = new ArrayList<>(pos.hadrons.size() + 2 + neg.hadrons.size());
        all.addAll(pos.hadrons);
        all.add(last[0]);
        all.add(last[1]);
        for (int i = neg.hadrons.size() - 1; i >= 0; i--) {
            all.add(neg.hadrons.get(i));
        }
        return all;
    }

    /** Chooses the trial hadron's flavour, pT and mass at an end (Pythia's StringEnd::newHadron). */
    private void newHadron(End end, int rank, Sampler stream, LundParameters p, Recorder rec) {
        int k = end.flavOld + 3;
        StochasticTriple[] probs = k >= 0 && k < 7 ? rec.flavourProbabilities[k] : null;
        if (probs == null) {
            probs = flavours.probabilities(end.flavOld, p.rho());
            if (k >= 0 && k < 7) {
                rec.flavourProbabilities[k] = probs;
            }
        }
        int index = FlavourSelector.pickIndex(stream.fork(KEY_FLAVOUR), probs);
        FlavourSelector.Outcome o = flavours.outcomes(end.flavOld).get(index);
        if (rec.history) {
            rec.flavours.add(new FragmentationHistory.FlavourRecord(rec.attempt, end.index, rank, end.flavOld,
                    index, o.newQuark(), o.pdgId()));
        }
        Sampler ptStream = stream.fork(KEY_PT);
        boolean enhanced = ptStream.uniform() < fc.enhancedFraction();
        double factor = INV_SQRT2 * (enhanced ? fc.enhancedWidth() : 1);
        StochasticTriple zero = StochasticTriple.constant(0);
        double widthValue = p.sigma().value() * factor;   // the value of p.sigma().times(factor)
        if (fc.ptScore()) {
            // draw with the width's value only; σ enters through the density, as a likelihood-ratio weight
            StochasticTriple fixed = StochasticTriple.constant(widthValue);
            end.pxNew = ptStream.normal(zero, fixed);
            end.pyNew = ptStream.normal(zero, fixed);
            double r2 = end.pxNew.value() * end.pxNew.value() + end.pyNew.value() * end.pyNew.value();
            // a width without tangent or perturbation adds a constant +0.0, which changes no bit of the weight
            if (p.sigma().directions() > 0 || p.sigma().hasPerturbation()) {
                StochasticTriple width = p.sigma().times(factor);
                int w = enhanced ? 1 : 0;
                if (rec.ptLogTerm[w] == null) {
                    rec.ptLogTerm[w] = width.log().times(-2);
                    rec.ptInverseSquare[w] = width.square().pow(-1);
                }
                StochasticTriple logDensity = rec.ptLogTerm[w].minus(rec.ptInverseSquare[w].times(0.5 * r2));
                rec.logWeight = rec.logWeight.plus(logDensity.minus(logDensity.value()));
            }
        } else {
            StochasticTriple width = p.sigma().times(factor);
            end.pxNew = ptStream.normal(zero, width);
            end.pyNew = ptStream.normal(zero, width);
        }
        if (rec.history) {
            rec.pts.add(new FragmentationHistory.PtRecord(rec.attempt, end.index, rank, end.pxNew.value(),
                    end.pyNew.value(), widthValue, enhanced));
        }
        end.outcome = o;
        end.mHad = ParticleData.mass(o.pdgId());
    }

    /** Pythia's finalTwo: the last two hadrons from the remaining momentum; null on failure. */
    private Hadron[] finalTwo(Sampler stream, End now, End pos, End neg, StochasticTriple remPx,
                              StochasticTriple remPy, StochasticTriple remPz, StochasticTriple remE,
                              StochasticTriple w2Rem, LundParameters p, Recorder rec) {
        if (remE.value() < 0 || w2Rem.value() < 0) {
            return null;
        }
        // The two ends' cascades must not have crossed in either light-cone direction.
        if (pos.xDirOld < neg.xInvOld || pos.xInvOld > neg.xDirOld) {
            return null;
        }
        End other = now == pos ? neg : pos;
        int idOther = flavours.combineFinal(stream.fork(0), other.flavOld, now.sign() * now.outcome.newQuark());
        if (idOther == 0) {
            return null;
        }
        other.pxNew = now.pxNew.neg();
        other.pyNew = now.pyNew.neg();
        other.mHad = ParticleData.mass(idOther);
        int idNow = now.outcome.pdgId();

        double xPosRem = (remE.value() + remPz.value()) / fc.eCm();
        double xNegRem = (remE.value() - remPz.value()) / fc.eCm();
        StochasticTriple xPosRemT = remE.plus(remPz).div(fc.eCm());
        StochasticTriple xNegRemT = remE.minus(remPz).div(fc.eCm());
        if (!(xPosRem > 0 && xNegRem > 0)) {
            return null;
        }
        StochasticTriple pxRem = remPx.minus(pos.pxOld).minus(neg.pxOld);
        StochasticTriple pyRem = remPy.minus(pos.pyOld).minus(neg.pyOld);
        double mPos = now == pos ? now.mHad : other.mHad;
        double mNeg = now == neg ? now.mHad : other.mHad;
        FinalTwoKinematics k = FinalTwoKinematics.of(pos.pxOld, pos.pyOld, pos.pxNew, pos.pyNew, neg.pxOld,
                neg.pyOld, neg.pxNew, neg.pyNew, pxRem, pyRem, mPos, mNeg, w2Rem);
        if (k == null) {
            return null;
        }
        StochasticTriple lambda = k.lambda();
        StochasticTriple probReverse = p.b().times(lambda).min(EXP_MAX).exp().plus(1).pow(-1);
        boolean reversed = stream.fork(1).bernoulli(probReverse).value() == 1;
        if (rec.history) {
            rec.finals.add(new FragmentationHistory.FinalTwoRecord(rec.attempt, lambda.value(), p.b().value(),
                    probReverse.value(), reversed));
        }
        StochasticTriple xpzPos = k.xpz();
        if (reversed) {
            xpzPos = xpzPos.neg();
        }
        int idPos = now == pos ? idNow : idOther;
        int idNeg = now == neg ? idNow : idOther;
        return k.hadrons(xpzPos, idPos, idNeg, pos.rank + 1, neg.rank + 1, xPosRemT, xNegRemT, fc.eCm());
    }
}
