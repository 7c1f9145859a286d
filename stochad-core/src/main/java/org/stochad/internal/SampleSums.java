package org.stochad.internal;

import java.util.Arrays;
import org.stochad.EstimateChunk;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;

/**
 * The streaming sums of a run of consecutive samples: per group of samples (all, or even and odd
 * indices for the hybrid's cross-fitting) the count, the mean of each output f_i and, per
 * component (i, j) of the Jacobian of m outputs and k parameters (m = 1: the gradient),
 * the means and the co-moment matrix Σ(x − x̄)(x − x̄)ᵀ of a small feature vector x — updated
 * one sample at a time (Welford) and merged run by run (Chan, Golub and LeVeque). The features
 * and how {@link #finish} combines them into per-sample gradient estimates depend on the
 * {@link Reduction}; docs/math.md derives the formulas.
 */
public final class SampleSums implements EstimateChunk {

    private static final long serialVersionUID = 1L;

    /** How the features of a sample make its gradient estimate. */
    enum Reduction {
        /** x = (g): the per-sample gradient estimate itself. */
        PLAIN(1, 1),
        /** x = (δ, f, f·S, S): g = δ + c·(f − f̄)·S, c = n/(n − 1), the leave-one-out baseline. */
        SCORE_BASELINE(4, 1),
        /**
         * x = (a, δ, f, f·S, S) per parity group: g = λ·a + (1 − λ)·(δ + (f − f̄′)·S) with the
         * other group's mean f̄′ as baseline and λ fitted on the other group.
         */
        HYBRID(5, 2);

        final int features;
        final int groups;

        Reduction(int features, int groups) {
            this.features = features;
            this.groups = groups;
        }
    }

    private final Reduction reduction;
    /** The number of outputs m. */
    private final int outputs;
    /** The number of parameters. */
    private final int parameters;
    /** The number of components, m·parameters. */
    private final int k;
    private final long first;
    private long count;
    private final long[] n;
    /** [group][output]. */
    private final double[][] fMean;
    /** [group][j·d + a]. */
    private final double[][] mean;
    /** [group][(j·d + a)·d + b]. */
    private final double[][] co;
    private final String note;

    /**
     * @param reduction the features and their combination
     * @param k         the number of gradient components
     * @param first     the first sample index
     * @param note      a remark the estimate will carry (e.g. one-sided differences), or ""
     */
    SampleSums(Reduction reduction, int k, long first, String note) {
        this(reduction, 1, k, first, note);
    }

    /**
     * @param reduction  the features and their combination
     * @param outputs    the number of outputs m
     * @param parameters the number of parameters
     * @param first      the first sample index
     * @param note       a remark the estimate will carry (e.g. one-sided differences), or ""
     */
    SampleSums(Reduction reduction, int outputs, int parameters, long first, String note) {
        this.reduction = reduction;
        this.outputs = outputs;
        this.parameters = parameters;
        this.k = outputs * parameters;
        this.first = first;
        this.note = note;
        int groups = reduction.groups;
        int d = reduction.features;
        n = new long[groups];
        fMean = new double[groups][outputs];
        mean = new double[groups][k * d];
        co = new double[groups][k * d * d];
    }

    private SampleSums(SampleSums a) {
        this(a.reduction, a.outputs, a.parameters, a.first, a.note);
        count = a.count;
        System.arraycopy(a.n, 0, n, 0, n.length);
        for (int g = 0; g < n.length; g++) {
            System.arraycopy(a.fMean[g], 0, fMean[g], 0, outputs);
            System.arraycopy(a.mean[g], 0, mean[g], 0, mean[g].length);
            System.arraycopy(a.co[g], 0, co[g], 0, co[g].length);
        }
    }

    @Override
    public long first() {
        return first;
    }

    @Override
    public long count() {
        return count;
    }

    /** @return the number of outputs m */
    int outputs() {
        return outputs;
    }

    /**
     * Adds the next sample (its index must be {@code first() + count()}).
     *
     * @param f the sample's outputs, m of them
     * @param x its features, component c's at c·d … c·d + d − 1
     */
    void add(double[] f, double[] x) {
        long index = first + count;
        int g = reduction.groups == 2 ? (int) (index & 1) : 0;
        long m = ++n[g];
        count++;
        for (int i = 0; i < outputs; i++) {
            fMean[g][i] += (f[i] - fMean[g][i]) / m;
        }
        int d = reduction.features;
        double[] mu = mean[g];
        double[] c = co[g];
        double[] dx = new double[d];
        for (int j = 0; j < k; j++) {
            int base = j * d;
            for (int a = 0; a < d; a++) {
                dx[a] = x[base + a] - mu[base + a];
                mu[base + a] += dx[a] / m;
            }
            for (int a = 0; a < d; a++) {
                int row = (base + a) * d;
                for (int b = 0; b < d; b++) {
                    c[row + b] += dx[a] * (x[base + b] - mu[base + b]);
                }
            }
        }
    }

    @Override
    public SampleSums merge(EstimateChunk next) {
        if (!(next instanceof SampleSums b) || b.reduction != reduction || b.parameters != parameters
                || b.outputs != outputs || !b.note.equals(note)) {
            throw new IllegalArgumentException("merge: next comes from another estimator or parameter count");
        }
        if (b.first != first + count) {
            throw new IllegalArgumentException("merge: next starts at sample " + b.first + ", not at "
                    + (first + count));
        }
        SampleSums r = new SampleSums(this);
        r.count += b.count;
        for (int g = 0; g < n.length; g++) {
            r.mergeGroup(g, b.n[g], b.fMean[g], b.mean[g], b.co[g]);
        }
        return r;
    }

    /** Chan's update of group g by a run of nb samples with the given means and co-moments. */
    private void mergeGroup(int g, long nb, double[] fb, double[] mb, double[] cb) {
        long na = n[g];
        if (nb == 0) {
            return;
        }
        if (na == 0) {
            n[g] = nb;
            System.arraycopy(fb, 0, fMean[g], 0, outputs);
            System.arraycopy(mb, 0, mean[g], 0, mb.length);
            System.arraycopy(cb, 0, co[g], 0, cb.length);
            return;
        }
        long total = na + nb;
        double wb = (double) nb / total;
        double cross = (double) na * nb / total;
        for (int i = 0; i < outputs; i++) {
            fMean[g][i] += (fb[i] - fMean[g][i]) * wb;
        }
        int d = reduction.features;
        double[] mu = mean[g];
        double[] c = co[g];
        double[] dm = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            dm[i] = mb[i] - mu[i];
            mu[i] += dm[i] * wb;
        }
        for (int j = 0; j < k; j++) {
            int base = j * d;
            for (int a = 0; a < d; a++) {
                int row = (base + a) * d;
                for (int b = 0; b < d; b++) {
                    c[row + b] += cb[row + b] + dm[base + a] * dm[base + b] * cross;
                }
            }
        }
        n[g] = total;
    }

    /**
     * @param nanos the wall time to report
     * @return the estimate from the sums of samples 0 … n − 1
     */
    GradientEstimate finish(long nanos) {
        if (outputs != 1) {
            throw new IllegalArgumentException("finish: the sums are of " + outputs + " outputs; use finishJacobian");
        }
        double[][] r = moments();
        return new GradientEstimate(r[3][0], r[0], r[1], r[2], (int) count, nanos, note);
    }

    /**
     * @param nanos the wall time to report
     * @return the Jacobian estimate from the sums of samples 0 … n − 1
     */
    JacobianEstimate finishJacobian(long nanos) {
        double[][] r = moments();
        double[][] mu = new double[outputs][parameters];
        double[][] se = new double[outputs][parameters];
        double[][] var = new double[outputs][parameters];
        for (int i = 0; i < outputs; i++) {
            System.arraycopy(r[0], i * parameters, mu[i], 0, parameters);
            System.arraycopy(r[1], i * parameters, se[i], 0, parameters);
            System.arraycopy(r[2], i * parameters, var[i], 0, parameters);
        }
        return new JacobianEstimate(r[3], mu, se, var, (int) count, nanos, note);
    }

    /** @return {means, standard errors, variances} per component and the outputs' means */
    private double[][] moments() {
        if (first != 0) {
            throw new IllegalArgumentException("finish: the sums start at sample " + first + ", not 0");
        }
        if (count < 2) {
            throw new IllegalArgumentException("samples = " + count + " is less than 2");
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("samples = " + count + " is more than " + Integer.MAX_VALUE);
        }
        SampleSums all = this;
        if (reduction == Reduction.HYBRID && count < HybridEstimator.CROSS_FIT_MINIMUM) {
            all = pooled();
        }
        double[] mu = new double[k];
        double[] variance = new double[k];
        double[] se = new double[k];
        int groups = all == this ? n.length : 1;
        double[][] coefficients = new double[groups][];
        for (int j = 0; j < k; j++) {
            for (int g = 0; g < groups; g++) {
                coefficients[g] = all.coefficients(g, j, groups);
            }
            double[] gm = new double[groups];
            double[] gm2 = new double[groups];
            for (int g = 0; g < groups; g++) {
                gm[g] = all.mean(g, j, coefficients[g], groups == 2);
                // a co-moment form is never negative; rounding can make it so when the mix is (nearly) constant
                gm2[g] = Math.max(0, all.quadratic(g, j, coefficients[g], coefficients[g]));
            }
            double m = gm[0];
            double m2 = gm2[0];
            long nn = all.n[0];
            for (int g = 1; g < groups; g++) {
                long total = nn + all.n[g];
                double dm = gm[g] - m;
                m += dm * ((double) all.n[g] / total);
                m2 += gm2[g] + dm * dm * ((double) nn * all.n[g] / total);
                nn = total;
            }
            mu[j] = m;
            variance[j] = m2 / (count - 1);
            se[j] = Math.sqrt(variance[j] / count);
        }
        double[] values = new double[outputs];
        for (int i = 0; i < outputs; i++) {
            double value = all.fMean[0][i];
            long nn = all.n[0];
            for (int g = 1; g < groups; g++) {
                long total = nn + all.n[g];
                value += (all.fMean[g][i] - value) * ((double) all.n[g] / total);
                nn = total;
            }
            values[i] = value;
        }
        return new double[][] {mu, se, variance, values};
    }

    /** @return these sums with the parity groups merged into one (hybrid batches too small to cross-fit) */
    private SampleSums pooled() {
        SampleSums p = new SampleSums(reduction, outputs, parameters, first, note);
        p.count = count;
        for (int g = 0; g < n.length; g++) {
            p.mergeGroup(0, n[g], fMean[g], mean[g], co[g]);
        }
        p.n[1] = 0;
        return p;
    }

    /**
     * The coefficients γ with per-sample gradient estimate γ·x for component j in group g.
     *
     * @param groups the number of groups in use (1 after pooling)
     */
    private double[] coefficients(int g, int j, int groups) {
        switch (reduction) {
            case PLAIN:
                return new double[] {1};
            case SCORE_BASELINE:
                return baseline(g, 0, j / parameters);
            default:
                // cross-fitted: the weight and the score's baseline both come from the other group,
                // so a group's coefficients are constants given the other group
                int other = groups == 1 ? g : 1 - g;
                double[] b = groups == 1 ? baseline(g, 1, j / parameters) : crossBaseline(other, j / parameters);
                double lambda = groups == 1 ? 0.5 : weight(other, j);
                double[] gamma = new double[5];
                gamma[0] = lambda;
                for (int a = 1; a < 5; a++) {
                    gamma[a] = (1 - lambda) * b[a];
                }
                return gamma;
        }
    }

    /**
     * The score-function-with-baseline coefficients over (…, δ, f, f·S, S) starting at feature
     * {@code offset}: (1, 0, c, −c·f̄) with c = n/(n − 1) — from g = δ + (f − b)·S with the
     * leave-one-out mean b = (n·f̄ − f)/(n − 1), since f − b = c·(f − f̄).
     */
    private double[] baseline(int g, int offset, int output) {
        double[] gamma = new double[reduction.features];
        double c = (double) n[g] / (n[g] - 1);
        gamma[offset] = 1;
        gamma[offset + 2] = c;
        gamma[offset + 3] = -c * fMean[g][output];
        return gamma;
    }

    /**
     * The hybrid's score-function coefficients over (a, δ, f, f·S, S) with group g's mean f̄_g as
     * the baseline: (0, 1, 0, 1, −f̄_g), from g = δ + (f − f̄_g)·S.
     */
    private double[] crossBaseline(int g, int output) {
        return new double[] {0, 1, 0, 1, -fMean[g][output]};
    }

    /**
     * The weight of stochastic AD that minimises the variance in group g of the mix with the score
     * function whose baseline is group g's mean, clamped to [0, 1] (½ when undefined).
     */
    private double weight(int g, int j) {
        double[] a = {1, 0, 0, 0, 0};
        double[] b = crossBaseline(g, j / parameters);
        double vaa = quadratic(g, j, a, a);
        double vbb = quadratic(g, j, b, b);
        double vab = quadratic(g, j, a, b);
        double denominator = vaa + vbb - 2 * vab;
        if (!(denominator > 0)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (vbb - vab) / denominator));
    }

    /**
     * The mean of γ·x over group g — except that the baseline's mean(f·S) − b·mean(S), which
     * cancels badly when f̄ is large, is taken as Σ(f − f̄)(S − S̄)/n + (f̄ − b)·S̄ from the
     * co-moments.
     *
     * @param crossed whether the baseline b is the other group's mean (the hybrid's halves), not
     *                this group's own (leave-one-out, where f̄ − b is 0 after the factor c)
     */
    private double mean(int g, int j, double[] gamma, boolean crossed) {
        int d = reduction.features;
        double[] mu = mean[g];
        if (reduction == Reduction.PLAIN) {
            return gamma[0] * mu[j];
        }
        int o = d - 4;
        int base = j * d;
        double s = o == 1 ? gamma[0] * mu[base] : 0;
        s += gamma[o] * mu[base + o];
        s += gamma[o + 2] * co[g][(base + o + 1) * d + o + 3] / n[g];
        if (crossed) {
            // γ_fS·f̄_g + γ_S = (1 − λ)·(f̄_g − f̄_other)
            s += (gamma[o + 2] * mu[base + o + 1] + gamma[o + 3]) * mu[base + o + 3];
        }
        return s;
    }

    /** γᵀ C δ for component j's co-moments in group g. */
    private double quadratic(int g, int j, double[] gamma, double[] delta) {
        int d = reduction.features;
        double s = 0;
        for (int a = 0; a < d; a++) {
            if (gamma[a] == 0) {
                continue;
            }
            int row = (j * d + a) * d;
            for (int b = 0; b < d; b++) {
                s += gamma[a] * co[g][row + b] * delta[b];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "SampleSums[" + reduction + ", samples " + first + " … " + (first + count - 1) + ", k = " + k
                + ", group means " + Arrays.deepToString(fMean) + "]";
    }
}
