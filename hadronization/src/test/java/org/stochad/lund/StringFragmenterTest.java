package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticProgram;
import org.stochad.lund.observable.Observables;

class StringFragmenterTest {

    private static final LundSettings PIONS = LundSettings.pionsOnly();

    private static List<Event> events(LundSettings s, long seed, int n) {
        List<Event> list = new ArrayList<>();
        new EventGenerator(s).generate(seed, n, 2, list::add);
        return list;
    }

    @Test
    void everyEventConservesFourMomentumAndHadronsAreOnShell() {
        for (LundSettings s : List.of(PIONS, LundSettings.defaults(),
                LundSettings.defaults().withAssignments("Beams:eCM = 10", "Lund:idQuark = 3"))) {
            double eCm = s.eCM();
            for (Event e : events(s, 7, 8_000)) {
                double[] p = e.totalMomentum();
                assertThat(Math.abs(p[0]) / eCm).isLessThan(1e-9);
                assertThat(Math.abs(p[1]) / eCm).isLessThan(1e-9);
                assertThat(Math.abs(p[2]) / eCm).isLessThan(1e-9);
                assertThat(Math.abs(p[3] - eCm) / eCm).isLessThan(1e-9);
                assertThat(e.multiplicity()).isGreaterThanOrEqualTo(2);
                for (Hadron h : e.hadrons()) {
                    double m2 = h.eValue() * h.eValue() - h.pAbs() * h.pAbs();
                    assertThat(Math.abs(m2 - h.mass() * h.mass())).isLessThan(1e-9 * eCm * eCm);
                    assertThat(h.eValue()).isPositive();
                    assertThat(h.mass()).isEqualTo(ParticleData.mass(h.pdgId()));
                }
                // charge conservation: the u-ubar string is neutral
                int q = 0;
                for (Hadron h : e.hadrons()) {
                    q += h.charge();
                }
                assertThat(q).isZero();
            }
        }
    }

    @Test
    void pionsOnlyMakesOnlyPions() {
        for (Event e : events(PIONS, 3, 2_000)) {
            assertThat(e.hadrons()).allMatch(h -> Math.abs(h.pdgId()) == 211 || h.pdgId() == 111);
        }
    }

    @Test
    void rankOnePt2IsSigmaSquaredAndLaterRanksTwiceThat() {
        double sigma = 0.335;
        LundSettings s = PIONS.withAssignments("StringPT:enhancedFraction = 0");
        double r1 = 0;
        double r1sq = 0;
        int n1 = 0;
        double rk = 0;
        double rksq = 0;
        int nk = 0;
        for (Event e : events(s, 21, 20_000)) {
            for (Hadron h : e.hadrons()) {
                if (h.fromFinalTwo()) {
                    continue;
                }
                double pt2 = h.pt2();
                if (h.rank() == 1) {
                    r1 += pt2;
                    r1sq += pt2 * pt2;
                    n1++;
                } else if (h.rank() <= 4) {
                    rk += pt2;
                    rksq += pt2 * pt2;
                    nk++;
                }
            }
        }
        double m1 = r1 / n1;
        double se1 = Math.sqrt((r1sq / n1 - m1 * m1) / n1);
        double mk = rk / nk;
        double sek = Math.sqrt((rksq / nk - mk * mk) / nk);
        // se small enough to tell sigma^2 from 1.05 sigma^2
        assertThat(se1).isLessThan(0.05 * sigma * sigma / 5);
        assertThat(Math.abs(m1 - sigma * sigma)).as("rank 1: %s +- %s", m1, se1).isLessThan(5 * se1);
        assertThat(Math.abs(mk - 2 * sigma * sigma)).as("ranks 2-4: %s +- %s", mk, sek).isLessThan(5 * sek);
    }

    @Test
    void enhancedWidthRaisesRankOnePt2ByTheMixtureFactor() {
        double sigma = 0.335;
        LundSettings s = PIONS.withAssignments("StringPT:enhancedFraction = 0.2", "StringPT:enhancedWidth = 2");
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (Event e : events(s, 22, 15_000)) {
            for (Hadron h : e.hadrons()) {
                if (!h.fromFinalTwo() && h.rank() == 1) {
                    sum += h.pt2();
                    sq += h.pt2() * h.pt2();
                    n++;
                }
            }
        }
        double m = sum / n;
        double se = Math.sqrt((sq / n - m * m) / n);
        double exact = sigma * sigma * (0.8 + 0.2 * 4);
        assertThat(Math.abs(m - exact)).as("%s +- %s vs %s", m, se, exact).isLessThan(5 * se);
    }

    @Test
    void restartsAreGeometricAndLeaveNoTraceInTheHadrons() {
        List<Event> ev = events(PIONS, 9, 20_000);
        long restarts = 0;
        long[] counts = new long[4];
        for (Event e : ev) {
            restarts += e.restarts();
            counts[Math.min(3, e.restarts())]++;
            assertThat(e.history().attempts()).isEqualTo(e.restarts() + 1);
            // the kept attempt's records are the last ones; earlier attempts' records precede them
            int last = e.restarts();
            assertThat(e.history().finalTwos()).allMatch(f -> f.attempt() <= last);
            long keptFlavours = e.history().flavours().stream().filter(f -> f.attempt() == last).count();
            // one flavour record per hadron made in the loop, plus the one picked at the stop
            assertThat(keptFlavours).isEqualTo(e.multiplicity() - 1);
        }
        // attempts are independent: restarts ~ Geometric(1 - q) with q the failure probability
        double mean = (double) restarts / ev.size();
        double q = mean / (1 + mean);
        assertThat(q).isBetween(0.02, 0.5);
        double chi2 = 0;
        for (int k = 0; k < 4; k++) {
            double p = k < 3 ? Math.pow(q, k) * (1 - q) : Math.pow(q, 3);
            double exp = p * ev.size();
            chi2 += (counts[k] - exp) * (counts[k] - exp) / exp;
        }
        // 4 cells, one fitted parameter: 2 dof; p-value above 1e-4
        assertThat(ChiSquaredDistribution.of(2).survivalProbability(chi2)).isGreaterThan(1e-4);
    }

    @Test
    void failingStringsRestartUpToTheLimitThenFailCleanly() {
        // a string just above threshold fails often; with one allowed attempt some events must throw
        LundSettings s = PIONS.withAssignments("Beams:eCM = 2.0", "Lund:maxRetries = 1");
        StringFragmenter f = new StringFragmenter(s);
        int failures = 0;
        for (int i = 0; i < 2_000; i++) {
            try {
                Event e = f.fragment(PrimalSampler.of(1, i));
                assertThat(e.restarts()).isZero();
            } catch (IllegalStateException ex) {
                assertThat(ex.getMessage()).contains("Lund:maxRetries");
                failures++;
            }
        }
        assertThat(failures).isPositive();
    }

    @Test
    void eventsAreDeterministicAndIndependentOfThreads() {
        EventGenerator g = new EventGenerator(PIONS);
        List<Event> one = new ArrayList<>();
        g.generate(5, 1_500, 1, one::add);
        List<Event> two = events(PIONS, 5, 1_500);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).multiplicity()).isEqualTo(one.get(i).multiplicity());
            assertThat(two.get(i).totalMomentum()).containsExactly(one.get(i).totalMomentum());
            assertThat(two.get(i).hadrons().get(0).pzValue()).isEqualTo(one.get(i).hadrons().get(0).pzValue());
        }
    }

    @Test
    void theEstimatorsPrimalIsTheGeneratorsEvent() {
        int n = 400;
        StochasticProgram prog = LundProgram.of(PIONS, Observables.multiplicity());
        GradientEstimate est = Estimators.finiteDifference(1e-3).estimate(prog, PIONS.theta(), n, 77);
        List<Event> ev = new ArrayList<>();
        new EventGenerator(PIONS).generate(77, n, 1, ev::add);
        double mean = ev.stream().mapToInt(Event::multiplicity).average().orElseThrow();
        // finite differences report the primal's mean as value()
        assertThat(est.value()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void hadronsAreOrderedAlongTheString() {
        for (Event e : events(PIONS, 4, 500)) {
            List<Hadron> h = e.hadrons();
            int pos = 0;
            while (pos < h.size() && h.get(pos).end() == 0) {
                pos++;
            }
            // quark-end hadrons have increasing rank, then the antiquark end in decreasing rank
            for (int i = 1; i < pos; i++) {
                assertThat(h.get(i).rank()).isEqualTo(h.get(i - 1).rank() + 1);
            }
            for (int i = pos + 1; i < h.size(); i++) {
                assertThat(h.get(i).rank()).isEqualTo(h.get(i - 1).rank() - 1);
            }
            assertThat(h.stream().filter(Hadron::fromFinalTwo).count()).isEqualTo(2);
        }
    }

    @Test
    void badParametersAreRejected() {
        StringFragmenter f = new StringFragmenter(PIONS);
        assertThatThrownBy(() -> f.fragment(PrimalSampler.of(1, 1), new LundParameters(
                org.stochad.StochasticTriple.constant(-0.1), org.stochad.StochasticTriple.constant(1),
                org.stochad.StochasticTriple.constant(0.3), org.stochad.StochasticTriple.constant(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a = -0.1");
    }

    /** d⟨z⟩/da for one Lund z draw by stochastic AD (replay) against quadrature: the accept design works. */
    @Test
    void stochasticAdDerivativeOfMeanZMatchesQuadrature() {
        double a = 0.68;
        double b = 0.98;
        double mT2 = 0.2436;
        double bm = b * mT2;
        double exact = LundFunction.of(a, 1, bm).meanZDa();
        assertThat(exact).isCloseTo(-0.1059, org.assertj.core.data.Offset.offset(5e-4));
        GradientEstimate est = Estimators.stochasticAd().estimate(LundProgram.singleZ(mT2, 1.5),
                new double[] {a, b}, 40_000, 3);
        assertThat(est.standardError(0)).isLessThan(0.02);
        assertThat(Math.abs(est.mean(0) - exact)).as("d<z>/da = %s +- %s vs %s", est.mean(0),
                est.standardError(0), exact).isLessThan(5 * est.standardError(0));
    }

    /**
     * The whole generator under replay: stochastic AD and the score function agree on d⟨N⟩/db
     * (pions-only u-ū, 100 GeV). Guards against replay errors (non-deterministic streams, restarts
     * that decouple the worlds) and gross coupling bias: 5 combined se ≈ 2 is half of |d⟨N⟩/db| ≈ 4.
     */
    @Test
    void stochasticAdAndScoreFunctionAgreeOnTheWholeGenerator() {
        StochasticProgram prog = LundProgram.of(PIONS, Observables.multiplicity());
        GradientEstimate sad = Estimators.stochasticAd().estimate(prog, PIONS.theta(), 8_000, 101);
        GradientEstimate score = Estimators.scoreFunctionWithBaseline().estimate(prog, PIONS.theta(), 8_000, 102);
        double se = Math.hypot(sad.standardError(1), score.standardError(1));
        assertThat(score.mean(1)).isLessThan(-2.5);
        assertThat(5 * se).isLessThan(0.6 * Math.abs(score.mean(1)));
        assertThat(Math.abs(sad.mean(1) - score.mean(1))).as("d<N>/db: SAD %s +- %s, score %s +- %s", sad.mean(1),
                sad.standardError(1), score.mean(1), score.standardError(1)).isLessThan(5 * se);
        // rho has no effect in pions-only mode
        assertThat(sad.mean(3)).isZero();
    }
}
