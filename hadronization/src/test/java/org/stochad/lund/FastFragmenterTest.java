package org.stochad.lund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.Samplers;

/** The fast path makes the differentiable path's primal events bit for bit. */
class FastFragmenterTest {

    private static final int EVENTS = 10_000;

    /** Three settings: the Pythia reference point, strangeness with η/η′, and peaked envelopes + enhanced pT. */
    @Test
    void sameEventsAsThePrimalRunBitForBit() {
        LundSettings reference = LundSettings.pionsOnly().with(LundSettings.A_LUND, 0.68)
                .with(LundSettings.B_LUND, 0.98);
        LundSettings strange = LundSettings.defaults().with(LundSettings.PROB_S_TO_UD, 0.3)
                .with(LundSettings.ETA_SUP, 0.6).with(LundSettings.ETA_PRIME_SUP, 0.2);
        LundSettings peaked = LundSettings.defaults().with(LundSettings.PEAKED_ENVELOPES, "on")
                .with(LundSettings.ENHANCED_FRACTION, 0.1).with(LundSettings.A_LUND, 1.0)
                .with(LundSettings.E_CM, 30.0).with(LundSettings.PT_SCORE, "on");
        int strangeHadrons = 0;
        int restarts = 0;
        for (LundSettings s : List.of(reference, strange, peaked)) {
            StringFragmenter slow = new StringFragmenter(s);
            FastFragmenter fast = new FastFragmenter(s);
            for (int i = 0; i < EVENTS; i++) {
                Event want = slow.fragment(PrimalSampler.of(7, i));
                Event got = fast.fragment(Samplers.primalStream(7, i));
                assertSame(want, got, s + " event " + i);
                restarts += got.restarts();
                for (Hadron h : got.hadrons()) {
                    int q = Math.abs(h.pdgId());
                    if (q == ParticleData.K_PLUS || q == ParticleData.K0 || q == ParticleData.ETA
                            || q == ParticleData.ETA_PRIME) {
                        strangeHadrons++;
                    }
                }
            }
        }
        assertTrue(strangeHadrons > 1000, "strange/eta hadrons seen: " + strangeHadrons);
        assertTrue(restarts > 0, "restarts seen: " + restarts);
    }

    /** With history on, the recorded decisions are the slow path's, at other parameters too. */
    @Test
    void historyAndParametersMatch() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PROB_S_TO_UD, 0.3);
        StringFragmenter slow = new StringFragmenter(s);
        FastFragmenter fast = new FastFragmenter(s);
        double[] theta = {0.9, 0.7, 0.4, 0.25};
        for (int i = 0; i < 500; i++) {
            Event want = slow.fragment(PrimalSampler.of(3, i), LundParameters.fromTheta(new org.stochad.StochasticTriple[] {
                org.stochad.StochasticTriple.constant(theta[0]), org.stochad.StochasticTriple.constant(theta[1]),
                org.stochad.StochasticTriple.constant(theta[2]), org.stochad.StochasticTriple.constant(theta[3])}, s));
            Event got = fast.fragment(Samplers.primalStream(3, i), theta, true);
            assertSame(want, got, "event " + i);
            assertEquals(want.history(), got.history(), "history of event " + i);
        }
    }

    /**
     * The first attempt alone is the event when the event needed no restart and fails otherwise; its
     * listener hears the history's draws of attempt 0 in order, a step before each string step's
     * draws, a hadron after each z, and the stop before finalTwo.
     */
    @Test
    void firstAttemptIsTheEventsFirstAttemptAndTheListenerHearsItsDraws() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PROB_S_TO_UD, 0.3);
        FastFragmenter fast = new FastFragmenter(s);
        double[] theta = {0.9, 0.7, 0.4, 0.25};
        int failed = 0;
        for (int i = 0; i < 2000; i++) {
            Event full = fast.fragment(Samplers.primalStream(5, i), theta, true);
            List<String> heard = new java.util.ArrayList<>();
            Event first = fast.firstAttempt(Samplers.primalStream(5, i), theta, new FastFragmenter.DrawListener() {
                @Override
                public void step(int step, double w2Rem) {
                    heard.add("step " + step);
                }

                @Override
                public void flavour(int attempt, int end, int rank, int flavOld, int index, int newQuark, int pdg) {
                    heard.add(new FragmentationHistory.FlavourRecord(attempt, end, rank, flavOld, index, newQuark, pdg)
                            .toString());
                }

                @Override
                public void pt(int attempt, int end, int rank, double px, double py, double width, boolean enhanced) {
                    heard.add(new FragmentationHistory.PtRecord(attempt, end, rank, px, py, width, enhanced).toString());
                }

                @Override
                public void z(int attempt, int end, int rank, double z, boolean accepted, double a, double b,
                              double mT2, double fPrel, double head) {
                    heard.add(new FragmentationHistory.ZRecord(attempt, end, rank, z, accepted, a, b, mT2, fPrel, head)
                            .toString());
                }

                @Override
                public void hadron(double px, double py, double pz, double e) {
                    heard.add("hadron");
                }

                @Override
                public void stop(int steps, double w2Rem) {
                    heard.add("stop " + steps);
                }

                @Override
                public void finalTwo(int attempt, double lambda, double b, double probReverse, boolean reversed) {
                    heard.add(new FragmentationHistory.FinalTwoRecord(attempt, lambda, b, probReverse, reversed)
                            .toString());
                }
            });
            if (full.restarts() == 0) {
                assertSame(full, first, "event " + i);
            } else {
                assertEquals(null, first, "event " + i + " restarted, its first attempt failed");
                failed++;
            }
            FragmentationHistory h = full.history();
            long zs = h.zTrials().stream().filter(z -> z.attempt() == 0).count();
            long flavours = h.flavours().stream().filter(f -> f.attempt() == 0).count();
            assertEquals(zs, heard.stream().filter(x -> x.startsWith("ZRecord")).count(), "z draws of event " + i);
            assertEquals(flavours, heard.stream().filter(x -> x.startsWith("FlavourRecord")).count(), "event " + i);
            assertEquals(h.zTrials().stream().filter(z -> z.attempt() == 0).map(Object::toString).toList(),
                    heard.stream().filter(x -> x.startsWith("ZRecord")).toList(), "z records of event " + i);
            long steps = heard.stream().filter(x -> x.startsWith("step")).count();
            long hadrons = heard.stream().filter(x -> x.equals("hadron")).count();
            long accepted = h.zTrials().stream().filter(z -> z.attempt() == 0 && z.accepted()).count();
            assertEquals(accepted, hadrons, "a hadron per accepted z, event " + i);
            assertEquals(flavours, steps, "a step per flavour draw, event " + i);
            if (first != null) {
                assertEquals("stop " + (steps - 1), heard.get(heard.indexOf("stop " + (steps - 1))));
                assertTrue(heard.indexOf("stop " + (steps - 1)) < heard.size() - 1, "finalTwo after the stop");
                assertTrue(heard.get(heard.size() - 1).startsWith("FinalTwoRecord"), "finalTwo last, event " + i);
            }
        }
        assertTrue(failed > 50, "first attempts that failed: " + failed);
    }

    /** The reusable buffer holds the same hadrons as the event. */
    @Test
    void bufferMatchesEvent() {
        FastFragmenter fast = new FastFragmenter(LundSettings.pionsOnly());
        FastFragmenter.Buffer buf = fast.newBuffer();
        for (int i = 0; i < 200; i++) {
            fast.fragmentInto(Samplers.primalStream(5, i), buf);
            Event e = fast.fragment(Samplers.primalStream(5, i));
            assertEquals(e.multiplicity(), buf.size());
            assertEquals(e.restarts(), buf.restarts());
            for (int k = 0; k < buf.size(); k++) {
                Hadron h = e.hadrons().get(k);
                assertEquals(h.pdgId(), buf.pdgId(k));
                assertEquals(Double.doubleToRawLongBits(h.eValue()), Double.doubleToRawLongBits(buf.e(k)));
                assertEquals(Double.doubleToRawLongBits(h.pzValue()), Double.doubleToRawLongBits(buf.pz(k)));
                assertEquals(Double.doubleToRawLongBits(h.pxValue()), Double.doubleToRawLongBits(buf.px(k)));
                assertEquals(Double.doubleToRawLongBits(h.pyValue()), Double.doubleToRawLongBits(buf.py(k)));
            }
        }
    }

    /** Generation in blocks (one reused buffer per block, two threads) gives event(seed, i), in order. */
    @Test
    void generatorBlocksGiveTheSameEventsAsSingleEvents() {
        EventGenerator g = new EventGenerator(LundSettings.pionsOnly(), false);
        List<Event> got = new java.util.ArrayList<>();
        g.generate(9, 1500, 2, got::add);
        assertEquals(1500, got.size());
        for (int i = 0; i < got.size(); i++) {
            assertSame(g.event(9, i), got.get(i), "event " + i);
            assertEquals(g.event(9, i).history(), got.get(i).history(), "history of event " + i);
        }
    }

    static void assertSame(Event want, Event got, String what) {
        assertEquals(want.restarts(), got.restarts(), what + ": restarts");
        assertEquals(want.multiplicity(), got.multiplicity(), what + ": multiplicity");
        for (int k = 0; k < want.multiplicity(); k++) {
            Hadron w = want.hadrons().get(k);
            Hadron g = got.hadrons().get(k);
            String at = what + ", hadron " + k;
            assertEquals(w.pdgId(), g.pdgId(), at + ": id");
            assertEquals(Double.doubleToRawLongBits(w.mass()), Double.doubleToRawLongBits(g.mass()), at + ": mass");
            assertEquals(Double.doubleToRawLongBits(w.pxValue()), Double.doubleToRawLongBits(g.pxValue()), at + ": px");
            assertEquals(Double.doubleToRawLongBits(w.pyValue()), Double.doubleToRawLongBits(g.pyValue()), at + ": py");
            assertEquals(Double.doubleToRawLongBits(w.pzValue()), Double.doubleToRawLongBits(g.pzValue()), at + ": pz");
            assertEquals(Double.doubleToRawLongBits(w.eValue()), Double.doubleToRawLongBits(g.eValue()), at + ": E");
            assertEquals(w.end(), g.end(), at + ": end");
            assertEquals(w.rank(), g.rank(), at + ": rank");
            assertEquals(w.fromFinalTwo(), g.fromFinalTwo(), at + ": finalTwo");
        }
    }
}
