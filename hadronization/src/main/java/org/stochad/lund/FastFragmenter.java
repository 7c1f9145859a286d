package org.stochad.lund;

import static org.stochad.lund.FragmenterConstants.EXP_MAX;
import static org.stochad.lund.FragmenterConstants.INV_SQRT2;
import static org.stochad.lund.FragmenterConstants.MAX_Z_TRIES;

import java.util.ArrayList;
import java.util.List;
import org.stochad.StochasticTriple;
import org.stochad.UniformStream;

/**
 * The primal fast path of {@link StringFragmenter}: the same algorithm on plain doubles, reading
 * the same addressed streams ({@link org.stochad.Samplers#primalStream(long, long)}), so it makes
 * the events of {@code StringFragmenter.fragment(PrimalSampler.of(seed, i))} — and of every
 * estimator's primal run of sample i — bit for bit, without triples and, unless asked, without
 * recording the fragmentation history.
 *
 * <p>Every floating-point operation is the one the triple arithmetic performs on the values, in the
 * same order (x/c is computed as x·(1/c) where the triple code divides by a constant, −x as
 * x·(−1), the clamps and powers as there), so the bits agree; what is gone is the bookkeeping:
 * the z sampler's invariants (zMax and the normalisation of f) are computed once per hadron
 * instead of per proposal, the flavour probabilities come from tables, the per-attempt parent
 * streams are forked once, and the hadrons go into primitive arrays ({@link Buffer}).
 *
 * <p>Instances are immutable and may be shared between threads; a {@link Buffer} may not.
 */
public final class FastFragmenter {


    private final LundSettings settings;
    private final FlavourSelector flavours;
    private final FragmenterConstants fc;
    private final double a;
    private final double b;
    private final double sigma;
    private final FlavourTable table;
    /** The quark end's flavour ({@link LundSettings#idQuark()}, read once: settings are looked up by name). */
    private final int idQuark;

    /** @param settings the generator settings (their a, b, σ and effective ρ are the default parameters) */
    public FastFragmenter(LundSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings = null");
        }
        this.settings = settings;
        this.flavours = new FlavourSelector(settings);
        this.fc = FragmenterConstants.of(settings);
        this.a = settings.aLund();
        this.b = settings.bLund();
        this.sigma = settings.sigma();
        this.table = new FlavourTable(flavours, StochasticTriple.constant(settings.effectiveProbStoUD()));
        this.idQuark = settings.idQuark();
    }

    /** Histories without records, by attempt count (records are immutable; shared by every event). */
    private static final FragmentationHistory[] NO_HISTORY = new FragmentationHistory[16];

    static {
        for (int i = 0; i < NO_HISTORY.length; i++) {
            NO_HISTORY[i] = new FragmentationHistory(List.of(), List.of(), List.of(), List.of(), i);
        }
    }

    /**
     * @param attempts the attempts made
     * @return a history with empty lists and that attempt count
     */
    static FragmentationHistory noHistory(int attempts) {
        return attempts >= 0 && attempts < NO_HISTORY.length ? NO_HISTORY[attempts]
                : new FragmentationHistory(List.of(), List.of(), List.of(), List.of(), attempts);
    }

    /** @return the settings */
    public LundSettings settings() {
        return settings;
    }

    /** @return a fresh buffer for {@link #fragmentInto} */
    public Buffer newBuffer() {
        return new Buffer();
    }

    /**
     * Fragments one string at the settings' parameters, without history.
     *
     * @param root the event's root stream
     * @return the event (its history has empty lists and only the attempt count)
     */
    public Event fragment(UniformStream root) {
        Buffer buf = new Buffer();
        fragmentInto(root, buf);
        return buf.toEvent(fc.eCm());
    }

    /**
     * Fragments one string at given parameters, as {@code StringFragmenter.fragment(sampler,
     * LundParameters.fromTheta(constants θ, settings))} does.
     *
     * @param root    the event's root stream
     * @param theta   (a, b, σ, ρ); ρ is ignored (0) in pions-only mode
     * @param history whether to record the fragmentation history (for reweighting)
     * @return the event
     */
    public Event fragment(UniformStream root, double[] theta, boolean history) {
        FlavourTable t = tableAt(theta);
        Buffer buf = new Buffer();
        buf.listener = history ? new Recorder() : null;
        run(root, buf, theta[0], theta[1], theta[2], t);
        return buf.toEvent(fc.eCm());
    }

    /**
     * Runs the first attempt only (the one {@link #fragment(UniformStream, double[], boolean)} makes
     * first, from the same stream), telling a listener its draws.
     *
     * @param root     the event's root stream
     * @param theta    (a, b, σ, ρ); ρ is ignored (0) in pions-only mode
     * @param listener hears the attempt's draws and states
     * @return the event when the attempt succeeded, else null
     */
    public Event firstAttempt(UniformStream root, double[] theta, DrawListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener = null");
        }
        FlavourTable t = tableAt(theta);
        Buffer buf = new Buffer();
        buf.listener = listener;
        if (!attempt(root.fork(0), buf, 0, theta[0], theta[1], theta[2], t)) {
            return null;
        }
        buf.restarts = 0;
        return buf.toEvent(fc.eCm());
    }

    /** θ checked as {@link LundParameters} checks it; the flavour table of its ρ. */
    private FlavourTable tableAt(double[] theta) {
        if (theta == null || theta.length != LundParameters.COUNT) {
            throw new IllegalArgumentException("theta length = " + (theta == null ? null : theta.length)
                    + ", expected 4: (a, b, sigma, rho)");
        }
        double rho = settings.pionsOnlyMode() ? 0 : theta[3];
        // the same range checks as LundParameters
        LundParameters.fromTheta(new StochasticTriple[] {StochasticTriple.constant(theta[0]),
            StochasticTriple.constant(theta[1]), StochasticTriple.constant(theta[2]),
            StochasticTriple.constant(rho)}, settings);
        return rho == table.rho ? table : new FlavourTable(flavours, StochasticTriple.constant(rho));
    }

    /**
     * Fragments one string at the settings' parameters into a reusable buffer, without history.
     *
     * @param root the event's root stream
     * @param out  receives the hadrons (cleared first)
     */
    public void fragmentInto(UniformStream root, Buffer out) {
        out.listener = null;
        run(root, out, a, b, sigma, table);
    }

    /** The mutable state of one string end during an attempt. */
    private static final class End {
        final int index;
        UniformStream streams;
        int flavOld;
        double pxOld;
        double pyOld;
        double xDirOld;
        double xInvOld;
        int rank;
        int count;
        int[] id = new int[16];
        double[] px = new double[16];
        double[] py = new double[16];
        double[] pz = new double[16];
        double[] e = new double[16];
        // the trial hadron of the current step
        int newQuark;
        int pdgNew;
        double pxNew;
        double pyNew;
        double mHad;

        End(int index) {
            this.index = index;
        }

        void reset(int flavour, UniformStream attemptStream) {
            streams = attemptStream.fork(index);
            flavOld = flavour;
            pxOld = 0;
            pyOld = 0;
            xDirOld = 1;
            xInvOld = 0;
            rank = 0;
            count = 0;
        }

        void add(int pdgId, double hx, double hy, double hz, double he) {
            if (count == id.length) {
                int n = 2 * count;
                id = java.util.Arrays.copyOf(id, n);
                px = java.util.Arrays.copyOf(px, n);
                py = java.util.Arrays.copyOf(py, n);
                pz = java.util.Arrays.copyOf(pz, n);
                e = java.util.Arrays.copyOf(e, n);
            }
            id[count] = pdgId;
            px[count] = hx;
            py[count] = hy;
            pz[count] = hz;
            e[count] = he;
            count++;
        }

        int sign() {
            return Integer.signum(flavOld);
        }
    }

    /**
     * Receives an attempt's draws, in the order the fast path makes them, and the string's state at
     * each segment's start (a string step, or finalTwo after the stop): the fragmentation history's
     * recorder, or a score accumulator. Thread-confined, like the {@link Buffer} it is used with.
     */
    public interface DrawListener {

        /**
         * A string step begins (before its flavour, pT and z draws).
         *
         * @param step  the step's index in the attempt
         * @param w2Rem W²_rem, the remaining string's invariant mass squared
         */
        default void step(int step, double w2Rem) {
        }

        /**
         * The new hadron's flavour: outcome {@code index} of the categorical of end flavour {@code flavOld}.
         *
         * @param attempt  the attempt
         * @param end      0 (quark end) or 1
         * @param rank     the hadron's rank from its end
         * @param flavOld  the end's flavour before the draw
         * @param index    the outcome's index
         * @param newQuark the new (anti)quark
         * @param pdg      the new hadron's id
         */
        void flavour(int attempt, int end, int rank, int flavOld, int index, int newQuark, int pdg);

        /**
         * The new breakup's pT kick, drawn as (width·n₁, width·n₂) with standard normals n.
         *
         * @param attempt  the attempt
         * @param end      0 or 1
         * @param rank     the hadron's rank
         * @param px       x component
         * @param py       y component
         * @param width    σ times the (enhanced) factor
         * @param enhanced whether the enhanced width was drawn
         */
        void pt(int attempt, int end, int rank, double px, double py, double width, boolean enhanced);

        /**
         * One z proposal of the accept/reject loop (the last one of a hadron is the accepted z).
         *
         * @param attempt  the attempt
         * @param end      0 or 1
         * @param rank     the hadron's rank
         * @param z        the proposal
         * @param accepted whether it was accepted
         * @param a        Lund a
         * @param b        Lund b
         * @param mT2      the hadron's m_T²
         * @param fPrel    the envelope's value at z (1: flat)
         * @param head     the envelope's head room
         */
        void z(int attempt, int end, int rank, double z, boolean accepted, double a, double b, double mT2, double fPrel,
               double head);

        /**
         * A string step made its hadron (after its z).
         *
         * @param px the hadron's p_x
         * @param py p_y
         * @param pz p_z
         * @param e  its energy
         */
        default void hadron(double px, double py, double pz, double e) {
        }

        /**
         * The stop test passed: finalTwo begins (before its own draws).
         *
         * @param steps the number of string steps begun (finalTwo's segment index)
         * @param w2Rem W²_rem
         */
        default void stop(int steps, double w2Rem) {
        }

        /**
         * finalTwo's ordering: reversed with probability 1/(e^{bλ} + 1).
         *
         * @param attempt     the attempt
         * @param lambda      λ
         * @param b           Lund b
         * @param probReverse the probability of the reversed ordering
         * @param reversed    the outcome
         */
        void finalTwo(int attempt, double lambda, double b, double probReverse, boolean reversed);
    }

    /** Mutable lists of one event's decisions, when history is asked for. */
    private static final class Recorder implements DrawListener {
        final List<FragmentationHistory.ZRecord> z = new ArrayList<>();
        final List<FragmentationHistory.FlavourRecord> flavours = new ArrayList<>();
        final List<FragmentationHistory.PtRecord> pts = new ArrayList<>();
        final List<FragmentationHistory.FinalTwoRecord> finals = new ArrayList<>();

        @Override
        public void flavour(int attempt, int end, int rank, int flavOld, int index, int newQuark, int pdg) {
            flavours.add(new FragmentationHistory.FlavourRecord(attempt, end, rank, flavOld, index, newQuark, pdg));
        }

        @Override
        public void pt(int attempt, int end, int rank, double px, double py, double width, boolean enhanced) {
            pts.add(new FragmentationHistory.PtRecord(attempt, end, rank, px, py, width, enhanced));
        }

        @Override
        public void z(int attempt, int end, int rank, double zValue, boolean accepted, double a, double b, double mT2,
                      double fPrel, double head) {
            z.add(new FragmentationHistory.ZRecord(attempt, end, rank, zValue, accepted, a, b, mT2, fPrel, head));
        }

        @Override
        public void finalTwo(int attempt, double lambda, double b, double probReverse, boolean reversed) {
            finals.add(new FragmentationHistory.FinalTwoRecord(attempt, lambda, b, probReverse, reversed));
        }
    }

    /**
     * A reusable, thread-confined holder of one event's hadrons on primitive arrays, ordered
     * along the string from the quark end to the antiquark end.
     */
    public static final class Buffer {
        private final End pos = new End(0);
        private final End neg = new End(1);
        private int size;
        private int restarts;
        private int[] id = new int[32];
        private double[] mass = new double[32];
        private double[] px = new double[32];
        private double[] py = new double[32];
        private double[] pz = new double[32];
        private double[] e = new double[32];
        private int[] end = new int[32];
        private int[] rank = new int[32];
        /** Who hears the draws: the fragmentation history's {@link Recorder}, another listener, or null. */
        private DrawListener listener;

        private Buffer() {
        }

        /** @return the number of hadrons */
        public int size() {
            return size;
        }

        /** @return how many failed attempts preceded the kept one */
        public int restarts() {
            return restarts;
        }

        /**
         * @param i a hadron index in [0, size)
         * @return its PDG code
         */
        public int pdgId(int i) {
            return id[i];
        }

        /**
         * @param i a hadron index
         * @return its x momentum (GeV)
         */
        public double px(int i) {
            return px[i];
        }

        /**
         * @param i a hadron index
         * @return its y momentum (GeV)
         */
        public double py(int i) {
            return py[i];
        }

        /**
         * @param i a hadron index
         * @return its z momentum (GeV)
         */
        public double pz(int i) {
            return pz[i];
        }

        /**
         * @param i a hadron index
         * @return its energy (GeV)
         */
        public double e(int i) {
            return e[i];
        }

        /**
         * @param eCm the string mass (GeV)
         * @return the event (history only when it was recorded)
         */
        Event toEvent(double eCm) {
            Hadron[] hadrons = new Hadron[size];
            for (int i = 0; i < size; i++) {
                boolean last2 = i == pos.count || i == pos.count + 1;
                hadrons[i] = Hadron.of(id[i], mass[i], px[i], py[i], pz[i], e[i], end[i], rank[i], last2);
            }
            FragmentationHistory h = listener instanceof Recorder recorder
                    ? new FragmentationHistory(java.util.Collections.unmodifiableList(recorder.z),
                            java.util.Collections.unmodifiableList(recorder.flavours),
                            java.util.Collections.unmodifiableList(recorder.pts),
                            java.util.Collections.unmodifiableList(recorder.finals), restarts + 1)
                    : noHistory(restarts + 1);
            return new Event(eCm, List.of(hadrons), restarts, h);
        }

        private void ensure(int n) {
            if (n > id.length) {
                int c = Math.max(n, 2 * id.length);
                id = java.util.Arrays.copyOf(id, c);
                mass = java.util.Arrays.copyOf(mass, c);
                px = java.util.Arrays.copyOf(px, c);
                py = java.util.Arrays.copyOf(py, c);
                pz = java.util.Arrays.copyOf(pz, c);
                e = java.util.Arrays.copyOf(e, c);
                end = java.util.Arrays.copyOf(end, c);
                rank = java.util.Arrays.copyOf(rank, c);
            }
        }

        private void put(int i, int pdgId, double hx, double hy, double hz, double he, int hEnd, int hRank) {
            id[i] = pdgId;
            mass[i] = ParticleData.mass(pdgId);
            px[i] = hx;
            py[i] = hy;
            pz[i] = hz;
            e[i] = he;
            end[i] = hEnd;
            rank[i] = hRank;
        }
    }

    private void run(UniformStream root, Buffer buf, double pa, double pb, double psigma, FlavourTable t) {
        for (int attempt = 0; attempt < fc.maxRetries(); attempt++) {
            if (attempt(root.fork(attempt), buf, attempt, pa, pb, psigma, t)) {
                buf.restarts = attempt;
                return;
            }
        }
        throw new IllegalStateException("string fragmentation failed " + fc.maxRetries() + " times in a row (E_CM = "
                + fc.eCm() + "); raise " + LundSettings.MAX_RETRIES);
    }

    /** One attempt; true when it made an event (then in {@code buf}). */
    private boolean attempt(UniformStream att, Buffer buf, int attempt, double pa, double pb, double psigma,
                            FlavourTable t) {
        End pos = buf.pos;
        End neg = buf.neg;
        pos.reset(idQuark, att);
        neg.reset(-idQuark, att);
        UniformStream steps = att.fork(StringFragmenter.KEY_STEP);
        DrawListener rec = buf.listener;
        double remPx = 0;
        double remPy = 0;
        double remPz = 0;
        double remE = fc.eCm();
        double w2 = fc.eCm() * fc.eCm();
        End now;
        double w2Rem;
        for (int step = 0; ; step++) {
            UniformStream stepStream = steps.fork(step);
            w2Rem = remE * remE - remPx * remPx - remPy * remPy - remPz * remPz;
            if (rec != null) {
                rec.step(step, w2Rem);
            }
            boolean fromPos = stepStream.uniform() < 0.5;
            now = fromPos ? pos : neg;
            int rank = now.rank + 1;
            UniformStream hadronStream = now.streams.fork(rank);
            newHadron(now, rank, hadronStream, psigma, t, rec, attempt);
            double pxHad = now.pxOld + now.pxNew;
            double pyHad = now.pyOld + now.pyNew;
            double mT2 = pxHad * pxHad + pyHad * pyHad + now.mHad * now.mHad;

            double smear = 1 + (2 * stepStream.uniform() - 1) * fc.stopSmear();
            if (remE < 0) {
                return false;
            }
            double wMin = fc.stopW0(pos.flavOld, neg.flavOld, now.newQuark) * smear;
            if (w2Rem < wMin * wMin) {
                if (rec != null) {
                    rec.stop(step, w2Rem);
                }
                break;
            }

            double z = sampleZ(hadronStream.fork(StringFragmenter.KEY_Z), pa, pb, mT2, rec, attempt, now.index,
                    rank);
            double xDirHad = z * now.xDirOld;
            if (!(mT2 < xDirHad * (1 - now.xInvOld) * w2)) {
                return false;
            }
            double xInvHad = mT2 * (1 / (xDirHad * w2));
            double xPos = fromPos ? xDirHad : xInvHad;
            double xNeg = fromPos ? xInvHad : xDirHad;
            double e = (xPos + xNeg) * (0.5 * fc.eCm());
            double pz = (xPos - xNeg) * (0.5 * fc.eCm());
            now.add(now.pdgNew, pxHad, pyHad, pz, e);
            if (rec != null) {
                rec.hadron(pxHad, pyHad, pz, e);
            }

            now.xDirOld -= xDirHad;
            now.xInvOld += xInvHad;
            now.pxOld = now.pxNew * -1.0;
            now.pyOld = now.pyNew * -1.0;
            now.flavOld = now.sign() * now.newQuark;
            now.rank = rank;
            remPx = remPx - pxHad;
            remPy = remPy - pyHad;
            remPz = remPz - pz;
            remE = remE - e;
        }
        return finalTwo(att.fork(StringFragmenter.KEY_FINAL), buf, now, remPx, remPy, remPz, remE, w2Rem, pb, rec,
                attempt);
    }

    /** The trial hadron's flavour, pT and mass at an end. */
    private void newHadron(End end, int rank, UniformStream stream, double psigma, FlavourTable t, DrawListener rec,
                           int attempt) {
        int k = end.flavOld + 3;
        int index = t.pick(end.flavOld, stream.fork(StringFragmenter.KEY_FLAVOUR).uniform());
        end.newQuark = t.newQuark[k][index];
        end.pdgNew = t.pdg[k][index];
        if (rec != null) {
            rec.flavour(attempt, end.index, rank, end.flavOld, index, end.newQuark, end.pdgNew);
        }
        UniformStream ptStream = stream.fork(StringFragmenter.KEY_PT);
        boolean enhanced = ptStream.uniform() < fc.enhancedFraction();
        double factor = INV_SQRT2 * (enhanced ? fc.enhancedWidth() : 1);
        double width = psigma * factor;
        end.pxNew = 0.0 + width * ptStream.standardNormal();
        end.pyNew = 0.0 + width * ptStream.standardNormal();
        if (rec != null) {
            rec.pt(attempt, end.index, rank, end.pxNew, end.pyNew, width, enhanced);
        }
        end.mHad = ParticleData.mass(end.pdgNew);
    }

    /** {@link LundZ#sample} on doubles, with zMax and the normalisation hoisted out of the loop. */
    private double sampleZ(UniformStream stream, double pa, double pb, double mT2, DrawListener rec, int attempt,
                           int endIndex, int rank) {
        double bm = pb * mT2;
        if (!(bm > 0) || !(pa >= 0) || !(fc.head() >= 1)) {
            throw new IllegalArgumentException("lund z: a = " + pa + ", b*mT2 = " + bm + ", head = " + fc.head());
        }
        double zm = zMax(pa, bm);
        LundZ.Envelope env = fc.peaked() ? LundZ.Envelope.of(pa, bm, zm) : null;
        double invZm = Math.pow(zm, -1);
        boolean aTerm = pa >= 0.02;
        double invOneMinusZm = Math.pow(zm * -1.0 + 1, -1);
        for (int i = 0; i < MAX_Z_TRIES; i++) {
            double z = stream.uniform();
            double fPrel = 1;
            if (env != null && env.kind != 0) {
                double[] zf = env.propose(z, stream.uniform());
                z = zf[0];
                fPrel = zf[1];
            }
            double f;
            if (!(z > 0 && z < 1)) {
                f = 0;
            } else {
                double e = bm * (invZm - 1 / z) + Math.log(zm * (1 / z));
                if (aTerm) {
                    e = e + pa * Math.log(invOneMinusZm * (1 - z));
                }
                e = e >= -EXP_MAX ? e : -EXP_MAX;
                e = e <= EXP_MAX ? e : EXP_MAX;
                f = Math.exp(e);
            }
            double alpha = f * (1 / (fc.head() * fPrel));
            if (alpha > 1) {
                if (env == null && alpha > 1 + 1e-9) {
                    throw new IllegalStateException("lund z: acceptance " + alpha + " > 1 at z = " + z
                            + " (a = " + pa + ", b*mT2 = " + bm + ", head = " + fc.head() + ")");
                }
                alpha = 1.0;
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("bernoulli: p = " + alpha + " is outside [0, 1]");
            }
            boolean ok = stream.uniform() > 1 - alpha;
            if (rec != null) {
                rec.z(attempt, endIndex, rank, z, ok, pa, pb, mT2, fPrel, fc.head());
            }
            if (ok) {
                return z;
            }
        }
        throw new IllegalStateException("lund z: no z accepted in " + MAX_Z_TRIES + " proposals (a = " + pa
                + ", b*mT2 = " + bm + ")");
    }

    /** {@link LundZ#zMax(StochasticTriple, StochasticTriple)}'s value, operation for operation. */
    static double zMax(double av, double bm) {
        if (av < 0.02) {
            return bm < 1 ? bm : 1;
        }
        if (Math.abs(av - 1) < 0.01) {
            return bm / (bm + 1);
        }
        double d = bm - 1;
        double root = Math.sqrt(d * d + av * bm * 4);
        double z = (bm + 1 - root) / ((av * -1.0 + 1) * 2);
        if (z > 0.9999 && bm > 100) {
            double alt = av / bm * -1.0 + 1;
            z = z <= alt ? z : alt;
        }
        return z;
    }

    /** Pythia's finalTwo on doubles; false on failure. */
    private boolean finalTwo(UniformStream stream, Buffer buf, End now, double remPx, double remPy, double remPz,
                             double remE, double w2Rem, double pb, DrawListener rec, int attempt) {
        End pos = buf.pos;
        End neg = buf.neg;
        if (remE < 0 || w2Rem < 0) {
            return false;
        }
        if (pos.xDirOld < neg.xInvOld || pos.xInvOld > neg.xDirOld) {
            return false;
        }
        End other = now == pos ? neg : pos;
        int idOther = flavours.combineFinal(stream.fork(0), other.flavOld, now.sign() * now.newQuark);
        if (idOther == 0) {
            return false;
        }
        other.pxNew = now.pxNew * -1.0;
        other.pyNew = now.pyNew * -1.0;
        other.mHad = ParticleData.mass(idOther);
        int idNow = now.pdgNew;

        double xPosRem = (remE + remPz) / fc.eCm();
        double xNegRem = (remE - remPz) / fc.eCm();
        double xPosRemT = (remE + remPz) * (1 / fc.eCm());
        double xNegRemT = (remE - remPz) * (1 / fc.eCm());
        if (!(xPosRem > 0 && xNegRem > 0)) {
            return false;
        }
        double pxRem = remPx - pos.pxOld - neg.pxOld;
        double pyRem = remPy - pos.pyOld - neg.pyOld;
        double posPx = pos.pxOld + pxRem * 0.5 + pos.pxNew;
        double posPy = pos.pyOld + pyRem * 0.5 + pos.pyNew;
        double negPx = neg.pxOld + pxRem * 0.5 + neg.pxNew;
        double negPy = neg.pyOld + pyRem * 0.5 + neg.pyNew;
        double mPos = now == pos ? now.mHad : other.mHad;
        double mNeg = now == neg ? now.mHad : other.mHad;
        double mT2Pos = posPx * posPx + posPy * posPy + mPos * mPos;
        double mT2Neg = negPx * negPx + negPy * negPy + mNeg * mNeg;
        double sx = posPx + negPx;
        double sy = posPy + negPy;
        double wT2Rem = w2Rem + sx * sx + sy * sy;
        if (Math.sqrt(wT2Rem) < Math.sqrt(mT2Pos) + Math.sqrt(mT2Neg)) {
            return false;
        }
        double d = wT2Rem - mT2Pos - mT2Neg;
        double lambda2 = d * d - mT2Pos * mT2Neg * 4;
        if (lambda2 <= 0) {
            return false;
        }
        double lambda = Math.sqrt(lambda2);
        double bl = pb * lambda;
        bl = bl <= EXP_MAX ? bl : EXP_MAX;
        double probReverse = Math.pow(Math.exp(bl) + 1, -1);
        if (!(probReverse >= 0 && probReverse <= 1)) {
            throw new IllegalArgumentException("bernoulli: p = " + probReverse + " is outside [0, 1]");
        }
        boolean reversed = stream.fork(1).uniform() > 1 - probReverse;
        if (rec != null) {
            rec.finalTwo(attempt, lambda, pb, probReverse, reversed);
        }
        double xpzPos = lambda / wT2Rem * 0.5;
        if (reversed) {
            xpzPos = xpzPos * -1.0;
        }
        double xmDiff = (mT2Pos - mT2Neg) / wT2Rem;
        double xePos = (xmDiff + 1) * 0.5;
        double xeNeg = (xmDiff * -1.0 + 1) * 0.5;
        double posXp = (xePos + xpzPos) * xPosRemT;
        double posXm = (xePos - xpzPos) * xNegRemT;
        double negXp = (xeNeg - xpzPos) * xPosRemT;
        double negXm = (xeNeg + xpzPos) * xNegRemT;
        double half = 0.5 * fc.eCm();
        double ePos = (posXp + posXm) * half;
        double eNeg = (negXp + negXm) * half;
        if (ePos < 0 || eNeg < 0) {
            return false;
        }
        int idPos = now == pos ? idNow : idOther;
        int idNeg = now == neg ? idNow : idOther;
        int n = pos.count + 2 + neg.count;
        buf.ensure(n);
        for (int i = 0; i < pos.count; i++) {
            buf.put(i, pos.id[i], pos.px[i], pos.py[i], pos.pz[i], pos.e[i], 0, i + 1);
        }
        int j = pos.count;
        buf.put(j, idPos, posPx, posPy, (posXp - posXm) * half, ePos, 0, pos.rank + 1);
        buf.put(j + 1, idNeg, negPx, negPy, (negXp - negXm) * half, eNeg, 1, neg.rank + 1);
        j += 2;
        for (int i = neg.count - 1; i >= 0; i--) {
            buf.put(j++, neg.id[i], neg.px[i], neg.py[i], neg.pz[i], neg.e[i], 1, i + 1);
        }
        buf.size = n;
        return true;
    }
}
