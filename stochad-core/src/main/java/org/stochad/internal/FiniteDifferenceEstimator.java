package org.stochad.internal;

import java.util.ArrayList;
import java.util.List;
import org.stochad.Estimator;
import org.stochad.VectorProgram;

/**
 * Central finite differences (f(θ + h·e_j) − f(θ − h·e_j)) / 2h with common random numbers:
 * both sides of a sample read the same streams. Biased by O(h²) and, for discrete programs,
 * of variance O(1/h) — the baseline the other estimators are measured against.
 *
 * <p>At the edge of a parameter's domain (p = 0, say, where θ − h is not a probability) the
 * difference is one-sided, (f(θ + h·e_j) − f(θ)) / h or (f(θ) − f(θ − h·e_j)) / h, biased by
 * O(h), and the estimate's note says so. Which side is valid is found before the first sample by
 * running sample 0 at θ ± h·e_j: a side where the program throws an IllegalArgumentException
 * (a bad parameter for the sampler) is left out; when both are, the estimate is refused.
 */
public final class FiniteDifferenceEstimator extends SampleEstimator {

    private final double h;
    /** Per component: 0 central, +1 forward, −1 backward; null before {@link #prepare}. */
    private final int[] sides;
    private final String note;

    /**
     * @param h           the step, &gt; 0
     * @param parallelism worker threads
     */
    public FiniteDifferenceEstimator(double h, int parallelism) {
        this(h, parallelism, null, "");
    }

    private FiniteDifferenceEstimator(double h, int parallelism, int[] sides, String note) {
        super(parallelism);
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("h = " + h + " is not a finite number > 0");
        }
        this.h = h;
        this.sides = sides;
        this.note = note;
    }

    @Override
    SampleEstimator prepare(VectorProgram program, double[] theta, long seed) {
        int k = theta.length;
        int[] side = new int[k];
        List<String> remarks = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String plus = probe(program, theta, seed, j, h);
            String minus = probe(program, theta, seed, j, -h);
            if (plus != null && minus != null) {
                throw new IllegalArgumentException("finite difference (h = " + h + "): theta[" + j + "] = " + theta[j]
                        + " — both θ + h and θ − h are outside the program's domain (" + plus + "; " + minus
                        + "); use a smaller h");
            }
            if (plus != null || minus != null) {
                side[j] = plus != null ? -1 : 1;
                remarks.add("theta[" + j + "] = " + theta[j] + ": one-sided (" + (plus != null ? "backward" : "forward")
                        + ") difference, θ " + (plus != null ? "+" : "−") + " h is outside the domain ("
                        + (plus != null ? plus : minus) + ")");
            }
        }
        return remarks.isEmpty() ? this
                : new FiniteDifferenceEstimator(h, parallelism(), side, String.join("; ", remarks));
    }

    /** @return the message of the IllegalArgumentException the program throws at θ + step·e_j, or null */
    private static String probe(VectorProgram program, double[] theta, long seed, int j, double step) {
        double[] shifted = theta.clone();
        shifted[j] += step;
        try {
            run(program, shifted, seed, 0);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    String note() {
        return note;
    }

    @Override
    protected SampleRow sample(VectorProgram program, double[] theta, long seed, int sample) {
        int k = theta.length;
        double[] f = run(program, theta, seed, sample);
        int m = f.length;
        SampleRow row = SampleRow.of(f, k);
        for (int j = 0; j < k; j++) {
            int side = sides == null ? 0 : sides[j];
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            double[] fp;
            double[] fm;
            double step;
            if (side == 0) {
                plus[j] += h;
                minus[j] -= h;
                fp = run(program, plus, seed, sample);
                fm = run(program, minus, seed, sample);
                step = 2 * h;
            } else if (side > 0) {
                plus[j] += h;
                fp = run(program, plus, seed, sample);
                fm = f;
                step = h;
            } else {
                minus[j] -= h;
                fp = f;
                fm = run(program, minus, seed, sample);
                step = h;
            }
            if (fp.length != m || fm.length != m) {
                throw new IllegalStateException("the program returned " + fp.length + " and " + fm.length
                        + " outputs at θ ± h·e_" + j + ", " + m + " at θ");
            }
            for (int i = 0; i < m; i++) {
                row.gradient[i * k + j] = (fp[i] - fm[i]) / step;
            }
        }
        return row;
    }

    private static double[] run(VectorProgram program, double[] theta, long seed, int sample) {
        return values(checkedOutputs(program.run(sampler(PrimalRule.INSTANCE, seed, sample), seeded(theta, 0))));
    }

    @Override
    public String name() {
        return "finite difference (h=" + h + ")";
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new FiniteDifferenceEstimator(h, threads);
    }
}
