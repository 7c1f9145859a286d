package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stochad.StochasticTriple;

/** Flavour and meson choice against the closed-form probabilities of Pythia's pick-and-reject loop. */
class FlavourSelectorTest {

    private static Map<Integer, Long> count(FlavourSelector sel, int oldEnd, double rho, int n) {
        Map<Integer, Long> c = new HashMap<>();
        StochasticTriple r = StochasticTriple.constant(rho);
        for (int i = 0; i < n; i++) {
            FlavourSelector.Outcome o = sel.pick(PrimalSampler.of(5, i), oldEnd, r);
            c.merge(o.pdgId(), 1L, Long::sum);
        }
        return c;
    }

    private static void assertFraction(Map<Integer, Long> c, int id, double p, int n) {
        double f = c.getOrDefault(id, 0L) / (double) n;
        double se = Math.sqrt(p * (1 - p) / n);
        assertThat(Math.abs(f - p)).as("fraction of %s: %s vs %s (se %s)", id, f, p, se)
                .isLessThanOrEqualTo(5 * se + 1e-12);
    }

    @Test
    void strangeFractionIsRhoOverTwoPlusRhoWithoutEtaSuppression() {
        int n = 200_000;
        double rho = 0.217;
        LundSettings s = LundSettings.defaults().withAssignments("StringFlav:etaSup = 1", "StringFlav:etaPrimeSup = 1");
        FlavourSelector sel = new FlavourSelector(s);
        Map<Integer, Long> c = count(sel, 2, rho, n); // u end: u + anti(new)
        // new s -> K+ (u sbar); new d -> pi+ (u dbar); new u -> diagonal
        assertFraction(c, 321, rho / (2 + rho), n);
        assertFraction(c, 211, 1 / (2 + rho), n);
        // se must resolve a 5% relative change of rho
        double pS = rho / (2 + rho);
        assertThat(Math.sqrt(pS * (1 - pS) / n)).isLessThan(0.05 * pS / 5);
    }

    @Test
    void defaultSettingsFollowPythiasMixingAndSuppression() {
        int n = 300_000;
        double rho = 0.217;
        FlavourSelector sel = new FlavourSelector(LundSettings.defaults());
        Map<Integer, Long> c = count(sel, -1, rho, n); // dbar end: dbar + new quark
        // uu/dd: pi0 1/2, eta 1/2 cos^2(thetaPS + 54.7 deg), eta' the rest; eta kept 0.60, eta' 0.12
        double c2 = Math.pow(Math.cos(Math.toRadians(-15 + 54.7)), 2);
        double wPi0 = 0.5;
        double wEta = 0.5 * c2 * 0.60;
        double wEtaP = 0.5 * (1 - c2) * 0.12;
        double z = 1 /* u -> u dbar = pi+ */ + rho /* s -> s dbar = K0bar */ + (wPi0 + wEta + wEtaP);
        assertFraction(c, 211, 1 / z, n);
        assertFraction(c, -311, rho / z, n);
        assertFraction(c, 111, wPi0 / z, n);
        assertFraction(c, 221, wEta / z, n);
        assertFraction(c, 331, wEtaP / z, n);
    }

    @Test
    void pionsOnlyGivesTwoThirdsChargedFromALightEnd() {
        int n = 100_000;
        FlavourSelector sel = new FlavourSelector(LundSettings.pionsOnly());
        Map<Integer, Long> c = count(sel, 2, 0, n);
        assertFraction(c, 211, 2.0 / 3, n);
        assertFraction(c, 111, 1.0 / 3, n);
        assertThat(c.keySet()).containsOnly(211, 111);
    }

    @Test
    void outcomesNameTheRightMesons() {
        FlavourSelector sel = new FlavourSelector(LundSettings.defaults());
        List<FlavourSelector.Outcome> u = sel.outcomes(2);
        assertThat(u).extracting(FlavourSelector.Outcome::pdgId).containsExactly(211, 111, 221, 331, 321);
        List<FlavourSelector.Outcome> ubar = sel.outcomes(-2);
        assertThat(ubar).extracting(FlavourSelector.Outcome::pdgId).containsExactly(-211, 111, 221, 331, -321);
        assertThat(ParticleData.offDiagonalMeson(1, -3)).isEqualTo(311);
        assertThat(ParticleData.offDiagonalMeson(3, -1)).isEqualTo(-311);
        assertThatThrownBy(() -> ParticleData.offDiagonalMeson(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 1)");
    }

    @Test
    void probabilitiesCarryTheRhoTangent() {
        FlavourSelector sel = new FlavourSelector(LundSettings.defaults().withAssignments("StringFlav:etaSup=1",
                "StringFlav:etaPrimeSup=1"));
        StochasticTriple[] p = sel.probabilities(2, StochasticTriple.of(0.217, 1));
        // d/drho of rho/(2+rho) = 2/(2+rho)^2
        assertThat(p[4].delta()).isCloseTo(2 / Math.pow(2.217, 2), org.assertj.core.data.Offset.offset(1e-12));
    }
}
