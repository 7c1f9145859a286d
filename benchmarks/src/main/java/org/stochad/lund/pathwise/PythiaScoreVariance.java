package org.stochad.lund.pathwise;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/**
 * The per-sample spread of the score-function half of the pathwise hybrid on its own: the estimate
 * K̂·1_s·(f − m̂)·(S + δw) that {@code LundProgram} reports with conditioned restarts (S the score of
 * attempt 0 in Pythia's parameterisation), for ⟨N⟩ and ⟨thrust⟩, d/da and d/db. Comparing it with the
 * hybrid's per-sample variance (harness) shows what the stochastic-AD half adds. Printed twice: with
 * the constant baseline m̂ alone, and with the per-step baselines the program reports now
 * (K̂·[g·(S + δw) − Σ U(state)·s], {@link RestartPilot}).
 *
 * <pre>java -cp … org.stochad.lund.pathwise.PythiaScoreVariance EVENTS [joint|smear] [plane|radial]</pre>
 */
public final class PythiaScoreVariance {

    private PythiaScoreVariance() {
    }

    /**
     * @param args events, stop form, finalTwo form
     */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        LundSettings settings = LundSettings.pionsOnly().with(LundSettings.DIFFERENTIATION, "pathwise")
                .with(LundSettings.PATHWISE_RESTARTS, "conditioned")
                .with(LundSettings.PATHWISE_STOP, args.length > 1 ? args[1] : "smear")
                .with(LundSettings.PATHWISE_FINAL_TWO, args.length > 2 ? args[2] : "plane");
        double[] theta = {settings.aLund(), settings.bLund(), settings.sigma(), 0};
        PathwiseFragmenter fragmenter = PathwiseFragmenter.of(settings);
        for (String name : new String[] {"N", "T"}) {
            Observable o = name.equals("N") ? Observables.multiplicity() : Observables.thrust();
            RestartPilot pilot = RestartPilots.of(settings, o).at(theta);
            double m = pilot.mean();
            double k = pilot.attempts();
            double[][] rows = IntStream.range(0, n).parallel().mapToObj(i -> {
                PathwiseFragmenter.FirstAttempt first = fragmenter.firstAttemptScored(
                        PrimalSampler.of(20_261_203L, i), LundParameters.withUnitTangents(theta, 1, settings));
                PathwiseFragmenter.Result r = first.result();
                double[] row = new double[6];
                for (int j = 0; j < 3; j++) {
                    double total = r == null ? 0
                            : (o.value(r.event()).value() - m) * (first.score()[j] + r.event().weight().delta(j));
                    row[j] = k * total;
                    row[3 + j] = k * (total - pilot.baselineTerm(first.stateScores(), j));
                }
                return row;
            }).toArray(double[][]::new);
            for (int c = 0; c < 6; c++) {
                int col = c;
                double[] x = Arrays.stream(rows).mapToDouble(r -> r[col]).toArray();
                double mean = Mean.of(x).getAsDouble();
                double sd = Math.sqrt(Variance.of(x).getAsDouble());
                System.out.printf(Locale.ROOT, "%s d/d%s: score half alone, %s: %.6g ± %.3g, sd %.5g%n", name,
                        new String[] {"a", "b", "σ"}[c % 3], c < 3 ? "constant baseline m̂" : "per-step baselines", mean,
                        sd / Math.sqrt(n), sd);
            }
        }
    }
}
