package org.stochad.lund.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.EventSummary;
import org.stochad.lund.EventTally;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Histogram;

/**
 * Block tallies added in block order are the in-order tally bit for bit (so executors can count
 * blocks), and they agree with the event-by-event summary and histograms up to rounding.
 */
class GeneratorTallyTest {

    private static final LundSettings PIONS = LundSettings.defaults().with(LundSettings.PIONS_ONLY, true);

    private static List<Event> events(int n) {
        List<Event> events = new ArrayList<>();
        new EventGenerator(PIONS, false).generate(3, n, 2, events::add);
        return events;
    }

    @Test
    void blocksAddedInOrderGiveTheInOrderTallyBitForBit() {
        double eCm = PIONS.eCM();
        List<Event> events = events(2 * GeneratorTally.BLOCK + 300);
        GeneratorTally.InOrder inOrder = GeneratorTally.inOrder(eCm);
        events.forEach(e -> inOrder.accept(GeneratorHistograms.observe(e, eCm)));
        GeneratorTally a = inOrder.finish();
        GeneratorTally b = new GeneratorTally(eCm);
        for (int from = 0; from < events.size(); from += GeneratorTally.BLOCK) {
            GeneratorTally block = new GeneratorTally(eCm);
            for (Event e : events.subList(from, Math.min(events.size(), from + GeneratorTally.BLOCK))) {
                block.accept(GeneratorHistograms.observe(e, eCm));
            }
            b.add(block);
        }
        assertThat(b.summary().toMarkdown()).isEqualTo(a.summary().toMarkdown());
        for (double[][] pair : List.of(new double[][] {a.summary().multiplicity(), b.summary().multiplicity()},
                new double[][] {a.summary().chargedMultiplicity(), b.summary().chargedMultiplicity()},
                new double[][] {a.summary().meanPt2(), b.summary().meanPt2()},
                new double[][] {a.summary().thrust(), b.summary().thrust()})) {
            assertThat(pair[1]).isEqualTo(pair[0]);
        }
        for (int h = 0; h < a.histograms().all().size(); h++) {
            Histogram x = a.histograms().all().get(h);
            Histogram y = b.histograms().all().get(h);
            for (int bin = 0; bin < x.bins(); bin++) {
                assertThat(y.sumWX(bin)).isEqualTo(x.sumWX(bin));
                assertThat(y.sumWX2(bin)).isEqualTo(x.sumWX2(bin));
                assertThat(y.sumW(bin)).isEqualTo(x.sumW(bin));
            }
        }
    }

    @Test
    void theTallyAgreesWithTheEventByEventSummaryAndHistograms() {
        double eCm = PIONS.eCM();
        List<Event> events = events(3 * GeneratorTally.BLOCK + 11);
        GeneratorTally.InOrder inOrder = GeneratorTally.inOrder(eCm);
        EventSummary summary = new EventSummary();
        GeneratorHistograms histograms = new GeneratorHistograms(eCm);
        long sumN = 0;
        for (Event e : events) {
            GeneratorHistograms.Observed o = GeneratorHistograms.observe(e, eCm);
            inOrder.accept(o);
            summary.accept(e, o.thrust());
            histograms.fill(o);
            sumN += e.multiplicity();
        }
        GeneratorTally t = inOrder.finish();
        assertThat(t.summary().events()).isEqualTo(events.size());
        // integer sums are exact: the mean is Σ N / n itself
        assertThat(t.summary().multiplicity()[0]).isEqualTo((double) sumN / events.size());
        for (double[][] pair : List.of(new double[][] {t.summary().multiplicity(), summary.multiplicity()},
                new double[][] {t.summary().chargedMultiplicity(), summary.chargedMultiplicity()},
                new double[][] {t.summary().meanPt2(), summary.meanPt2()},
                new double[][] {t.summary().thrust(), summary.thrust()})) {
            assertThat(pair[0][0]).isCloseTo(pair[1][0], within(1e-12 * Math.abs(pair[1][0])));
            assertThat(pair[0][1]).isCloseTo(pair[1][1], within(1e-9 * Math.abs(pair[1][1])));
            assertThat(pair[0][1]).isPositive();
        }
        assertThat(t.summary().restartRate()).isEqualTo(summary.restartRate());
        for (int h = 0; h < histograms.all().size(); h++) {
            Histogram x = histograms.all().get(h);
            Histogram y = t.histograms().all().get(h);
            assertThat(y.events()).isEqualTo(x.events());
            for (int bin = 0; bin < x.bins(); bin++) {
                assertThat(y.sumW(bin)).isEqualTo(x.sumW(bin));
                assertThat(y.entries(bin)).isEqualTo(x.entries(bin));
                assertThat(y.sumWX(bin)).isCloseTo(x.sumWX(bin), within(1e-12 * Math.abs(x.sumWX(bin))));
            }
        }
    }

    @Test
    void theWorkersNumbersGiveTheSumsOfTheEventsThemselvesBitForBit() {
        // the charged multiplicity and Σ pT² are counted in the worker threads (Observed); the tally must be
        // the one made from the events, with strangeness (neutral kaons) so that N_ch differs from N
        LundSettings s = LundSettings.defaults();
        double eCm = s.eCM();
        List<Event> events = new ArrayList<>();
        new EventGenerator(s, false).generate(9, 2000, 2, events::add);
        EventTally fromEvents = new EventTally();
        GeneratorTally fromObserved = new GeneratorTally(eCm);
        long differ = 0;
        for (Event e : events) {
            GeneratorHistograms.Observed o = GeneratorHistograms.observe(e, eCm);
            assertThat(o.charged()).isEqualTo(e.chargedMultiplicity());
            assertThat(Double.doubleToRawLongBits(o.sumPt2()))
                    .isEqualTo(Double.doubleToRawLongBits(EventTally.sumPt2(e)));
            GeneratorHistograms.Observed old = new GeneratorHistograms.Observed(e, o.thrust(), o.rapidity(), o.xE(),
                    o.pt());
            assertThat(old).isEqualTo(o);
            fromEvents.accept(e, o.thrust());
            fromObserved.accept(o);
            differ += e.multiplicity() - o.charged();
        }
        assertThat(differ).isPositive();
        assertThat(fromObserved.summary().toMarkdown()).isEqualTo(fromEvents.toMarkdown());
        for (double[][] pair : List.of(new double[][] {fromEvents.chargedMultiplicity(),
            fromObserved.summary().chargedMultiplicity()},
                new double[][] {fromEvents.meanPt2(), fromObserved.summary().meanPt2()},
                new double[][] {fromEvents.thrust(), fromObserved.summary().thrust()})) {
            assertThat(pair[1]).isEqualTo(pair[0]);
        }
    }
}
