package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticTriple;

class ToyShowerTest {

    private static List<ShowerEvent> record(ToyShower shower, double theta, long seed, boolean replay) {
        List<ShowerEvent> events = new ArrayList<>();
        var program = shower.recording(events::add);
        if (replay) {
            Estimators.stochasticAd().sampleEstimate(program, new double[] {theta}, seed, 0);
        } else {
            Estimators.primal().sampleEstimate(program, new double[] {theta}, seed, 0);
        }
        return events;
    }

    @Test
    void deterministicGivenItsStreams() {
        for (ToyShower s : new ToyShower[] {ToyShower.shower(), ToyShower.eloss()}) {
            ShowerEvent a = record(s, 2.5, 17, false).get(0);
            ShowerEvent b = record(s, 2.5, 17, false).get(0);
            ShowerEvent c = record(s, 2.5, 18, false).get(0);
            assertThat(b).isEqualTo(a);
            assertThat(c).isNotEqualTo(a);
        }
    }

    @Test
    void depthIsTheMeanRadiusOfFlaggedHitsAndEveryParticleEnds() {
        for (ToyShower s : new ToyShower[] {ToyShower.shower(), ToyShower.eloss()}) {
            for (long seed = 0; seed < 20; seed++) {
                ShowerEvent e = record(s, 1.0, seed, false).get(0);
                List<ShowerEvent.Hit> flagged = e.flaggedHits();
                assertThat(flagged).isNotEmpty();
                double mean = flagged.stream().mapToDouble(ShowerEvent.Hit::radius).average().orElseThrow();
                assertThat(e.depth()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(e.loss()).isCloseTo((mean - 2) * (mean - 2), org.assertj.core.data.Offset.offset(1e-12));
                long particles = e.hits().stream().map(ShowerEvent.Hit::lineage).distinct().count();
                long ends = e.hits().stream().filter(h -> h.kind() == ShowerEvent.Kind.END).count();
                if (s.config().splitProbability() == 0) {
                    assertThat(particles).isEqualTo(1);
                    assertThat(ends).isEqualTo(1);
                } else {
                    assertThat(particles).isEqualTo(2 * ends - 1);
                    // every interaction splits: a binary tree has one more leaf than inner nodes
                    assertThat(ends).isEqualTo(e.interactions() + 1);
                    assertThat(e.hits()).allMatch(h -> h.kind() != ShowerEvent.Kind.END || h.energy() < 0.5
                            || Math.hypot(h.x(), h.y()) > 20 - 0.02);
                }
            }
        }
    }

    @Test
    void runReturnsTheRecordedLossAndDepth() {
        ToyShower s = ToyShower.shower();
        ShowerEvent e = record(s, 1.5, 5, false).get(0);
        assertThat(Estimators.primal().sampleEstimate(s, new double[] {1.5}, 5, 0).value()).isEqualTo(e.loss());
        assertThat(Estimators.primal().sampleEstimate(s.withObservable(ToyShower.Observable.DEPTH), new double[] {1.5}, 5, 0)
                .value()).isEqualTo(e.depth());
    }

    /**
     * The alternative world a replay builds differs from the primal only in the flipped particle's
     * descendants: every other particle keeps its random numbers and so all its hits.
     */
    @Test
    void alternativeWorldKeepsEveryOtherParticlesHits() {
        int checked = 0;
        for (long seed = 0; seed < 30; seed++) {
            List<ShowerEvent> worlds = record(ToyShower.shower(), 1.0, seed, true);
            if (worlds.size() < 2) {
                continue;
            }
            ShowerEvent primal = worlds.get(0);
            ShowerEvent alt = worlds.get(1);
            int i = 0;
            while (i < primal.hits().size() && primal.hits().get(i).equals(alt.hits().get(i))) {
                i++;
            }
            assertThat(i).as("the worlds differ").isLessThan(primal.hits().size());
            ShowerEvent.Hit flipped = primal.hits().get(i);
            assertThat(alt.hits().get(i).kind()).isNotEqualTo(flipped.kind());
            assertThat(flipped.kind()).isNotEqualTo(ShowerEvent.Kind.END);
            long f = flipped.lineage();
            Map<Long, List<ShowerEvent.Hit>> before = byLineage(primal, f);
            Map<Long, List<ShowerEvent.Hit>> after = byLineage(alt, f);
            assertThat(after).isEqualTo(before);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    private static Map<Long, List<ShowerEvent.Hit>> byLineage(ShowerEvent e, long flipped) {
        return e.hits().stream().filter(h -> !descends(h.lineage(), flipped))
                .collect(Collectors.groupingBy(ShowerEvent.Hit::lineage));
    }

    private static boolean descends(long lineage, long ancestor) {
        for (long l = lineage; l > 0; l >>= 1) {
            if (l == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void propagationRefusesTheBranchingControlFlowAndNamesReplay() {
        assertThatThrownBy(() -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(ToyShower.shower(), new double[] {1.0}, 50, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
    }

    @Test
    void badInputNamesTheArgument() {
        assertThatThrownBy(() -> ToyShower.shower().run(null, new StochasticTriple[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta");
        assertThatThrownBy(() -> ShowerConfig.shower().withStepLength(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stepLength = -1");
        assertThatThrownBy(() -> new ShowerConfig(25, 0.5, 20, 0.02, 2, 0.05, 1.5, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("splitProbability = 1.5");
        assertThatThrownBy(() -> Estimators.primal().withParallelism(1).estimate(ToyShower.shower(), new double[] {Double.NaN}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
