package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LundSettingsTest {

    @Test
    void defaultsArePythias() {
        LundSettings s = LundSettings.defaults();
        assertThat(s.aLund()).isEqualTo(0.68);
        assertThat(s.bLund()).isEqualTo(0.98);
        assertThat(s.sigma()).isEqualTo(0.335);
        assertThat(s.probStoUD()).isEqualTo(0.217);
        assertThat(s.parm("StringFragmentation:stopMass")).isEqualTo(1.0);
        assertThat(s.parm("StringFragmentation:stopNewFlav")).isEqualTo(2.0);
        assertThat(s.parm("StringFragmentation:stopSmear")).isEqualTo(0.2);
        assertThat(s.pionsOnlyMode()).isFalse();
    }

    @Test
    void readsACmndFileWithCommentsAndAnyCase(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("run.cmnd");
        Files.writeString(f, "! a comment\n\nstringz:alund = 0.72   ! trailing\nStringZ:bLund=0.88\n"
                + "# hash comment\nLund:pionsOnly = on\nBeams:eCM = 91.2\nRandom:seed = 42\n");
        LundSettings s = LundSettings.fromCmnd(f);
        assertThat(s.aLund()).isEqualTo(0.72);
        assertThat(s.bLund()).isEqualTo(0.88);
        assertThat(s.pionsOnlyMode()).isTrue();
        assertThat(s.effectiveProbStoUD()).isZero();
        assertThat(s.eCM()).isEqualTo(91.2);
        assertThat(s.seed()).isEqualTo(42);
        // round trip through toCmnd
        Path g = dir.resolve("out.cmnd");
        Files.writeString(g, s.toCmnd());
        assertThat(LundSettings.fromCmnd(g)).isEqualTo(s);
    }

    @Test
    void unknownKeysAndBadValuesAreClearErrors() {
        LundSettings d = LundSettings.defaults();
        assertThatThrownBy(() -> d.withAssignments("StringZ:aLundd = 0.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StringZ:aLundd").hasMessageContaining("unknown");
        assertThatThrownBy(() -> d.withAssignments("StringZ:aLund = abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StringZ:aLund").hasMessageContaining("abc");
        assertThatThrownBy(() -> d.withAssignments("StringPT:sigma = -1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StringPT:sigma").hasMessageContaining("-1");
        assertThatThrownBy(() -> d.withAssignments("Lund:pionsOnly = maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maybe");
        assertThatThrownBy(() -> d.withAssignments("StringZ:aLund 0.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key = value");
        assertThatThrownBy(() -> d.withAssignments("Lund:idQuark = 1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> d.withTheta(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("theta");
    }

    @Test
    void thetaRoundTrips() {
        LundSettings s = LundSettings.defaults().withTheta(new double[] {0.5, 1.2, 0.3, 0.1});
        assertThat(s.theta()).containsExactly(0.5, 1.2, 0.3, 0.1);
    }

    @Test
    void valuesKeepTheirTypes() {
        LundSettings s = LundSettings.defaults().withAssignments("Random:seed = 9007199254740993",
                "Lund:pionsOnly = yes");
        assertThat(s.seed()).isEqualTo(9007199254740993L);
        assertThat(s.mode(LundSettings.SEED)).isEqualTo(9007199254740993L);
        assertThat(s.flag(LundSettings.PIONS_ONLY)).isTrue();
        assertThat(LundSettings.defaults().withAssignments(s.toCmnd().split("\\R")).seed())
                .isEqualTo(9007199254740993L);
        assertThatThrownBy(() -> s.parm(LundSettings.SEED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODE");
        assertThat(s.withAB(0.5, 1.2).theta()).containsExactly(0.5, 1.2, 0.335, 0.217);
    }
}
