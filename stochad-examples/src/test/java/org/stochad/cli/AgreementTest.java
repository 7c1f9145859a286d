package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void estimatesWithinTheToleranceAgree() {
        Agreement a = Agreement.of(List.of(new Agreement.Estimate("a", 1.0, 0.3), new Agreement.Estimate("b", 1.5, 0.4),
                new Agreement.Estimate("c", 1.2, 0.1)), 3);
        // |1.0 − 1.5| / √(0.09 + 0.16) = 1.0 is the largest of the three pairs
        assertThat(a.largest()).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(a.first()).isEqualTo("a");
        assertThat(a.second()).isEqualTo("b");
        assertThat(a.agree()).isTrue();
        assertThat(a.statement()).contains("3 estimators agree", "at most 3 combined standard errors", "1.00",
                "a vs b");
    }

    @Test
    void estimatesBeyondTheToleranceDoNotAgree() {
        Agreement a = Agreement.of(List.of(new Agreement.Estimate("a", 0, 0.1), new Agreement.Estimate("b", 1, 0.1)),
                3);
        assertThat(a.largest()).isCloseTo(1 / Math.hypot(0.1, 0.1), Offset.offset(1e-9));
        assertThat(a.agree()).isFalse();
        assertThat(a.statement()).contains("do NOT all agree within 3 combined standard errors", "a vs b");
    }

    @Test
    void zeroErrorsAndSingleEstimates() {
        assertThat(Agreement.of(List.of(new Agreement.Estimate("a", 1, 0), new Agreement.Estimate("b", 1, 0)), 3)
                .agree()).isTrue();
        assertThat(Agreement.of(List.of(new Agreement.Estimate("a", 1, 0), new Agreement.Estimate("b", 2, 0)), 3)
                .agree()).isFalse();
        assertThat(Agreement.of(List.of(new Agreement.Estimate("a", 1, 0)), 3).statement()).contains("only one");
        assertThatThrownBy(() -> Agreement.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance = 0");
    }

    @Test
    void theDemoStatesTheComputedAgreementOfItsShowerEstimates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        Cli.Run r = Cli.ok(Cli.run(Cli.quiet(tmp, "demo", "--samples", "2000")));
        assertThat(r.out()).containsPattern("the \\d estimators agree: every pair differs by at most 3 combined"
                + "|do NOT all agree within 3 combined");
        assertThat(r.out()).contains("largest pairwise |difference|");
    }
}
