package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;
import org.stochad.StochasticProgram;
import org.stochad.VectorProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.HadronQuantity;

/**
 * The re-simulated fit with dh_k/dθ from Jacobian estimates of every bin and no histogram events
 * ({@link LundFit.Gradient#JACOBIAN}): it reaches the scalar proxy's point within the fits' spread,
 * counts only its gradient samples, runs its estimates through the placement, and its program
 * survives serialisation bit for bit.
 */
class JacobianFitTest {

    private static final LundSettings BASE = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on")
            .with(LundSettings.E_CM, 40.0);

    private static LundSettings at(double a, double b) {
        double[] th = BASE.theta();
        th[0] = a;
        th[1] = b;
        return BASE.withTheta(th);
    }

    private static final List<FitTarget> TARGETS = PseudoData.targets(at(0.68, 0.98),
            List.of(HistogramSpec.multiplicity(2, 25), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 10)), 8000, 3, 2);

    private static LundFit.Options options(int steps, int gradientSamples) {
        return new LundFit.Options(1000, 400, gradientSamples, steps, 0.02, 1, 8, HistogramLoss.CHI2,
                LundFit.Resimulation.HYBRID,
                LundFit.Stepper.GAUSS_NEWTON, 1, 2, false);
    }

    @Test
    void theJacobianFitReachesTheScalarFitWithinTheSpread() {
        LundFit fit = LundFit.of(BASE, TARGETS, options(32, 240));
        double[] start = {0.45, 1.50};
        int seeds = 5;
        double[][][] fitted = new double[2][seeds][];
        for (int s = 0; s < seeds; s++) {
            fitted[0][s] = fit.withGradient(LundFit.Gradient.SCALAR_PROXY).fitResimulated(start, s).estimate(8);
            fitted[1][s] = fit.withGradient(LundFit.Gradient.JACOBIAN).fitResimulated(start, s).estimate(8);
        }
        FitSpread.assertSamePoint(fitted[0], fitted[1], start, "scalar", "jacobian");
    }

    @Test
    void theJacobianStepCountsOnlyItsGradientSamplesAndGoesThroughThePlacement() {
        AtomicInteger jacobians = new AtomicInteger();
        LundFit fit = LundFit.of(BASE, TARGETS, options(3, 30)).withGradient(LundFit.Gradient.JACOBIAN)
                .withPlacement(e -> new Counting(e, jacobians));
        FitResult r = fit.fitResimulated(new double[] {0.6, 1.1}, 7);
        assertThat(r.events()).isEqualTo(3L * (400 + 30));
        // one Jacobian estimate per step and one for the final evaluation
        assertThat(jacobians.get()).isEqualTo(4);
        FitResult again = LundFit.of(BASE, TARGETS, options(3, 30)).withGradient(LundFit.Gradient.JACOBIAN)
                .fitResimulated(new double[] {0.6, 1.1}, 7);
        assertThat(again.path()).isDeepEqualTo(r.path());
    }

    @Test
    void theBinDensityProgramSurvivesSerialisationBitForBit() throws Exception {
        List<HistogramSpec> specs = TARGETS.stream().map(FitTarget::spec).toList();
        BinDensityProgram p = BinDensityProgram.of(BinWeightProgram.base(at(0.7, 1.0)), specs);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        VectorProgram q;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            q = (VectorProgram) in.readObject();
        }
        Estimator e = Estimators.hybrid();
        double[] theta = {0.7, 1.0};
        JacobianEstimate before = e.jacobian(p, theta, EstimateRequest.samples(40).seed(3));
        assertThat(e.jacobian(q, theta, EstimateRequest.samples(40).seed(3))).isEqualTo(before);
        int m = specs.get(0).bins() + specs.get(1).bins();
        assertThat(before.outputs()).isEqualTo(m);
        // the multiplicity histogram's densities times widths count each event once if its multiplicity is in
        // range: all 40 events of this seed are (2 ≤ N < 25), so the sum is 1 (an upper bound alone passed 0)
        double sum = 0;
        for (int k = 0; k < specs.get(0).bins(); k++) {
            sum += before.value(k) * specs.get(0).width(k);
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theGradientModeIsKeptAndScalarIsTheDefault() {
        LundFit fit = LundFit.of(BASE, TARGETS, options(2, 30));
        assertThat(fit.gradient()).isEqualTo(LundFit.Gradient.SCALAR_PROXY);
        assertThat(fit.withGradient(LundFit.Gradient.JACOBIAN).withLog(l -> { }).gradient())
                .isEqualTo(LundFit.Gradient.JACOBIAN);
    }

    /** Counts the Jacobian estimates passing through it. */
    private record Counting(Estimator inner, AtomicInteger jacobians) implements Estimator {
        @Override
        public GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
            return inner.estimate(program, theta, samples, seed);
        }

        @Override
        public JacobianEstimate jacobian(VectorProgram program, double[] theta, EstimateRequest request) {
            jacobians.incrementAndGet();
            return inner.jacobian(program, theta, request);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Estimator withParallelism(int threads) {
            return new Counting(inner.withParallelism(threads), jacobians);
        }
    }
}
