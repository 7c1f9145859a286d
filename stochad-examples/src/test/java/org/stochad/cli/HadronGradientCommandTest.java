package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stochad.cli.Cli.assertUserError;
import static org.stochad.cli.Cli.ok;
import static org.stochad.cli.Cli.quiet;
import static org.stochad.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stochad hadron compare} and {@code hadron fit} end to end with tiny budgets, and their user mistakes. */
class HadronGradientCommandTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    @Test
    void helpDescribesCompareAndFit() {
        assertThat(ok(run("hadron", "--help")).out()).contains("generate", "compare", "fit", "settings");
        assertThat(ok(run("hadron", "compare", "--help")).out()).contains("--quick", "--fd-samples",
                "--study-samples", "--z-samples", "--samples", "--cmnd", "--set");
        assertThat(ok(run("hadron", "fit", "--help")).out()).contains("--data", "--histogram", "--observable",
                "--truth", "--start", "--method", "--loss", "--steps", "--repeats", "--base-events");
    }

    @Test
    void compareTabulatesEveryEstimatorAgainstTheCentralDifference() {
        Cli.Run r = ok(run(quiet(out(), "hadron", "compare", "--quick", "--samples", "20", "--fd-samples", "20",
                "--study-samples", "20", "--z-samples", "20", "--format", "csv")));
        List<String[]> rows = r.csvRows("unbiasedness");
        // four observables (N, |y| bin, thrust, x_E bin) × (four estimators, two of them again with
        // Lund:ptScore, the Lund law's score, two on the pathwise mode, and the central difference) ×
        // (a, b, σ) — except that the two bins have no pathwise rows (the pathwise mode refuses
        // histogram bins)
        int expected = (2 * 10 + 2 * 8) * 3;
        assertThat(rows).hasSize(expected);
        assertThat(rows.stream().filter(c -> c[0].contains(" bin ")).toList()).hasSize(2 * 8 * 3)
                .noneMatch(c -> c[2].startsWith("stochastic AD (pathwise"))
                .anyMatch(c -> c[2].startsWith("score + per-step control variates (Lund law"));
        List<String[]> costs = r.csvRows("cost relative to one primal event");
        assertThat(costs).hasSize(expected);
        assertThat(costs.stream().map(c -> c[0]).distinct()).anyMatch(e -> e.startsWith("stochastic AD (pathwise"));
        assertThat(rows.stream().map(c -> c[2]).distinct()).anyMatch(e -> e.startsWith("stochastic AD"))
                .anyMatch(e -> e.startsWith("finite difference")).anyMatch(e -> e.startsWith("RSA"));
        assertThat(r.csvRows("variance study")).isEmpty();
        assertThat(r.csvRows("Monash point").stream().map(c -> c[1]).distinct()).containsExactly("a", "b", "sigma",
                "rho");
        for (String f : List.of("gradients-comparison.md", "gradients-variance.csv",
                "hadronization-gradients-pulls.png", "hadronization-gradients-variance.png")) {
            assertThat(out().resolve(f)).exists();
            assertThat(r.err()).contains("wrote " + out().resolve(f));
        }
    }

    @Test
    void gradientTakesConditionedRestartsFromTheSettings() {
        Cli.Run r = ok(run(quiet(out(), "hadron", "gradient", "--samples", "40", "--set", "Lund:pionsOnly=on", "--set",
                "Lund:differentiation=pathwise", "--set", "Lund:pathwiseStop=joint", "--set",
                "Lund:pathwiseRestarts=conditioned", "--set", "Lund:pathwisePilotEvents=400", "--estimator", "sad-ts",
                "--format", "csv")));
        assertThat(r.out()).contains("by stochastic AD (replay, m=1, two-sided Bernoulli flips)");
        List<String[]> rows = r.csvRows("d⟨multiplicity⟩/dθ");
        assertThat(rows).hasSize(4);
        for (String[] row : rows) {
            assertThat(Double.parseDouble(row[2])).as(String.join(",", row)).isFinite();
        }
        // the hybrid mixing in the score of the same event
        Cli.Run h = ok(run(quiet(out(), "hadron", "gradient", "--samples", "40", "--set", "Lund:pionsOnly=on", "--set",
                "Lund:differentiation=pathwise", "--set", "Lund:pathwiseStop=joint", "--set",
                "Lund:pathwiseRestarts=conditioned", "--set", "Lund:pathwisePilotEvents=400", "--estimator",
                "hybrid-ts", "--format", "csv")));
        assertThat(h.out()).contains("by hybrid SAD/score (m=1, two-sided Bernoulli flips)");
        for (String[] row : h.csvRows("d⟨multiplicity⟩/dθ")) {
            assertThat(Double.parseDouble(row[2])).as(String.join(",", row)).isFinite();
        }
    }

    @Test
    void gradientRunsTheLundLawsScore() {
        Cli.Run r = ok(run(quiet(out(), "hadron", "gradient", "--samples", "400", "--set", "Lund:pionsOnly=on",
                "--set", "Lund:pathwisePilotEvents=400", "--estimator", "law-score", "--format", "csv")));
        assertThat(r.out()).contains("by score + per-step control variates (Lund law, restarts conditioned)");
        // the table says that the s.e. includes the pilot's error
        assertThat(ok(run(quiet(out(), "hadron", "gradient", "--samples", "400", "--set", "Lund:pionsOnly=on", "--set",
                "Lund:pathwisePilotEvents=400", "--estimator", "law-score"))).out())
                .contains("s.e. includes the pilot's K-hat error");
        List<String[]> rows = r.csvRows("d⟨multiplicity⟩/dθ");
        assertThat(rows).hasSize(4);
        // CRN FD: d<N>/da = 5.508, d<N>/db = −4.084; 400 samples (sd per sample 4.8 and 6.9) and
        // 400-event pilots (K̂ to 1.9 %) give s.e. 0.26 and 0.36: the FD ± 5 s.e.
        assertThat(Double.parseDouble(rows.get(0)[2])).isBetween(5.508 - 1.3, 5.508 + 1.3);
        assertThat(Double.parseDouble(rows.get(1)[2])).isBetween(-4.084 - 1.8, -4.084 + 1.8);
        // pions only: nothing depends on ρ
        assertThat(Double.parseDouble(rows.get(3)[2])).isZero();
        assertUserError(run(quiet(out(), "shower", "compare", "--estimators", "law-score")), "law-score");
    }

    @Test
    void fitOnPseudoDataRunsBothMethods() {
        Cli.Run r = ok(run(quiet(out(), "hadron", "fit", "--quick", "--steps", "4", "--repeats", "2",
                "--base-events", "100", "--hist-events", "20", "--grad-samples", "4", "--pseudo-events", "200",
                "--start", "0.72,0.88", "--figures", tmp.resolve("figures").toString(), "--format", "csv")));
        List<String[]> rows = r.csvRows("Gauss-Newton, 4 steps");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[0]).isEqualTo("RSA");
        assertThat(rows.get(1)[0]).isEqualTo("RESIMULATED");
        for (String[] row : rows) {
            double a = Double.parseDouble(row[3]);
            double b = Double.parseDouble(row[5]);
            // the fit keeps (a, b) inside its box and moves from the start
            assertThat(a).isBetween(0.05, 2.0);
            assertThat(b).isBetween(0.2, 3.0);
        }
        for (String f : List.of("fits.md", "fits-trajectories.csv")) {
            assertThat(out().resolve(f)).exists();
        }
        for (String f : List.of("hadronization-gradients-fit-paths.png", "hadronization-gradients-fit-loss.png",
                "hadronization-gradients-fit-neff.png")) {
            assertThat(tmp.resolve("figures").resolve(f)).exists();
            assertThat(r.err()).contains("wrote " + tmp.resolve("figures").resolve(f));
        }
    }

    @Test
    void fitReadsAHistogramWrittenByGenerate() {
        ok(run(quiet(tmp.resolve("data"), "hadron", "generate", "-n", "200", "--set", "Lund:pionsOnly=on")));
        Path csv = tmp.resolve("data/hadron-histograms.csv");
        Cli.Run r = ok(run(quiet(out(), "hadron", "fit", "--data", csv.toString(), "--histogram",
                "/LUND/multiplicity", "--method", "rsa", "--steps", "3", "--repeats", "1", "--base-events", "50",
                "--start", "0.72,0.88")));
        assertThat(r.out()).contains("data /LUND/multiplicity", "RSA");
    }

    @Test
    void userMistakesAreOneLineAndExitCodeTwo() throws Exception {
        assertUserError(run(quiet(out(), "hadron", "compare", "--fd-samples", "1")), "--fd-samples = 1");
        assertUserError(run(quiet(out(), "hadron", "compare", "--samples", "1")), "--samples = 1");
        assertUserError(run(quiet(out(), "hadron", "compare", "--set", "StringZ:aLund=9")), "outside");
        assertUserError(run(quiet(out(), "hadron", "fit", "--method", "magic")), "--method");
        assertUserError(run(quiet(out(), "hadron", "fit", "--loss", "l3")), "--loss");
        assertUserError(run(quiet(out(), "hadron", "fit", "--stepper", "newton")),
                "--stepper = newton is not gauss-newton or adam");
        assertUserError(run(quiet(out(), "hadron", "fit", "--stepper", "gauss-newton", "--loss", "wasserstein")),
                "stepper = GAUSS_NEWTON needs loss = CHI2");
        assertUserError(run(quiet(out(), "hadron", "fit", "--start", "0.7")), "--start = 0.7 is not of the form A,B");
        assertUserError(run(quiet(out(), "hadron", "fit", "--truth", "x,1")), "--truth = x,1");
        assertUserError(run(quiet(out(), "hadron", "fit", "--steps", "0")), "--steps = 0");
        assertUserError(run(quiet(out(), "hadron", "fit", "--samples", "100")), "--samples does not apply");
        assertUserError(run(quiet(out(), "hadron", "fit", "--data", tmp.resolve("none.yoda").toString())),
                "cannot read --data");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUserError(run(quiet(out(), "hadron", "fit", "--figures", file.resolve("sub").toString())),
                "cannot write to --figures");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "path,xlow,xhigh\n/a,x,1\n");
        assertUserError(run(quiet(out(), "hadron", "fit", "--data", bad.toString(), "--steps", "2")), "bad.csv");
    }
}
