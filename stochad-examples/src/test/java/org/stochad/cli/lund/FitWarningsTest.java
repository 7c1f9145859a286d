package org.stochad.cli.lund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.fit.FitResult;
import org.stochad.lund.fit.FitSummary;
import org.stochad.lund.fit.LundFit;
import org.stochad.lund.study.EstimateRow;

/** The honesty checks of {@code hadron fit} and {@code hadron compare} on hand-made results. */
class FitWarningsTest {

    /** A fit whose a moves by {@code slope} per step and whose b stays at 1. */
    private static FitResult path(double slope, int steps) {
        double[][] p = new double[steps + 1][];
        for (int i = 0; i <= steps; i++) {
            p[i] = new double[] {0.5 + slope * i, 1.0};
        }
        return new FitResult(LundFit.Method.RSA, new double[] {0.5, 1.0}, 1, p, new double[steps + 1],
                new double[steps + 1], 100, 0.1);
    }

    private static FitSummary summary(double slope, int repeats, double sd) {
        List<FitResult> fits = java.util.Collections.nCopies(repeats, path(slope, 40));
        return new FitSummary(LundFit.Method.RSA, new double[] {0.5, 1.0}, new double[] {0.9, 1.0},
                new double[] {sd, sd}, new double[] {Double.NaN, Double.NaN}, 100, 0.1, Double.NaN, fits);
    }

    @Test
    void driftIsTheMoveBetweenTheTwoHalvesOfTheAveragingWindow() {
        // window of 10 points, halves of 5: the late half is 5 steps after the early one
        double[] d = FitWarnings.drift(summary(0.01, 4, 0.02), 10);
        assertThat(d[0]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d[1]).isZero();
        assertThat(FitWarnings.drift(summary(0.01, 4, 0.02), 1)).isNull();
    }

    @Test
    void aFitStillMovingBeyondThreeUncertaintiesIsNotConverged() {
        // ± = sd/√4 = 0.01; a drift of 0.05 is 5 of them
        assertThat(FitWarnings.notConverged(summary(0.01, 4, 0.02), 10)).isTrue();
        assertThat(FitWarnings.flag(summary(0.01, 4, 0.02), 10)).isEqualTo("NOT CONVERGED");
        // ± = 0.1: a drift of 0.05 is half of one
        assertThat(FitWarnings.notConverged(summary(0.01, 4, 0.2), 10)).isFalse();
        assertThat(FitWarnings.flag(summary(0.0, 4, 0.2), 10)).isEmpty();
    }

    @Test
    void fewerThanThreeRepeatsMakeTheUncertaintyCrude() {
        assertThat(FitWarnings.flag(summary(0.0, 2, 0.2), 10)).isEqualTo("crude ± (2 repeats)");
        assertThat(FitWarnings.flag(summary(0.0, 1, 0.2), 10)).contains("crude ± (1 repeat)");
    }

    @Test
    void pathwiseSigmaRowsAreBiasedByDesign() {
        EstimateRow sad = new EstimateRow("N", "stochastic AD (replay, m=1)", "sigma", 1, 1, 1, 10, 1);
        EstimateRow scored = new EstimateRow("N", "stochastic AD (replay, m=1), pT score", "sigma", 1, 1, 1, 10, 1);
        EstimateRow rsa = new EstimateRow("N", "RSA derivative + baseline", "sigma", 1, 1, 1, 10, 1);
        EstimateRow a = new EstimateRow("N", "stochastic AD (replay, m=1)", "a", 1, 1, 1, 10, 1);
        // the pathwise mode's rows take σ through the pT weight (Lund:ptScore = on): unbiased
        EstimateRow pathwise = new EstimateRow("N", "stochastic AD (pathwise, restarts conditioned, replay m=1)", "sigma", 1, 1, 1, 10, 1);
        EstimateRow pathwiseHybrid = new EstimateRow("N", "stochastic AD (pathwise, restarts conditioned) + score hybrid", "sigma", 1, 1, 1,
                10, 1);
        assertThat(HadronReports.biasedByDesign(sad)).isTrue();
        assertThat(HadronReports.estimatorLabel(sad)).contains("biased by design");
        // the law score takes σ by the pT draws' Gaussian score: unbiased
        EstimateRow law = new EstimateRow("N", org.stochad.lund.pathwise.LawScoreEstimator.NAME, "sigma", 1, 1, 1, 10, 1);
        assertThat(List.of(scored, rsa, a, pathwise, pathwiseHybrid, law)).noneMatch(HadronReports::biasedByDesign);
        assertThat(HadronReports.estimatorLabel(a)).isEqualTo(a.estimator());
    }
}
