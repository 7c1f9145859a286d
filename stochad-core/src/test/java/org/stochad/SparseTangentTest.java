package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sparse tangent form (a one-hot tangent held as a few entries and one signed zero) gives
 * every component bit for bit as the dense arithmetic does, signed zeros and NaN included:
 * direction 0 is ca·a₀ + cb·b₀, a direction both operands carry ca·a_j + cb·b_j, one only the
 * first carries ca·a_j, one only the second carries 0.0 + cb·b_j.
 */
class SparseTangentTest {

    private static final double[] COEFFICIENTS = {1, -1, 2.5, -0.75, 0.0, -0.0, 1e-300, -1e300,
        Double.POSITIVE_INFINITY, Double.NaN};

    @Test
    void arithmeticMatchesTheDenseFormulaBitForBit() {
        SplittableRandom random = new SplittableRandom(18);
        List<double[]> tangents = new ArrayList<>();
        for (int k : new int[] {0, 3, 5, 8, 12}) {
            for (int form = 0; form < 4; form++) {
                tangents.add(tangent(random, k, form));
            }
        }
        for (double[] ta : tangents) {
            for (double[] tb : tangents) {
                StochasticTriple a = StochasticTriple.of(1.25, ta);
                StochasticTriple b = StochasticTriple.of(-0.5, tb);
                check(a.plus(b), ta, 1, tb, 1);
                check(a.minus(b), ta, 1, tb, -1);
                check(a.times(b), ta, -0.5, tb, 1.25);
                for (double c : COEFFICIENTS) {
                    check(a.times(c), ta, c, new double[0], 0);
                    double[] scaled = new double[ta.length];
                    for (int j = 0; j < ta.length; j++) {
                        scaled[j] = c * ta[j];
                    }
                    assertBits(a.withScaledTangent(3, c), scaled);
                    if (ta.length == 0 && !Double.isFinite(c)) {
                        continue;   // a triple without directions keeps c·0 as its (unused) first component
                    }
                    // a result used again: sparse operands of mixed fills
                    StochasticTriple chained = a.times(c).plus(b.neg());
                    double[] first = formula(ta, c, new double[0], 0);
                    double[] second = formula(tb, -1, new double[0], 0);
                    check(chained, first, 1, second, 1);
                }
            }
        }
    }

    /** Form 0: one-hot, 1: one-hot with −0.0 elsewhere, 2: two entries, 3: dense random. */
    private static double[] tangent(SplittableRandom random, int k, int form) {
        double[] t = new double[k];
        if (k == 0) {
            return t;
        }
        switch (form) {
            case 0 -> t[random.nextInt(k)] = 1;
            case 1 -> {
                java.util.Arrays.fill(t, -0.0);
                t[random.nextInt(k)] = -2;
            }
            case 2 -> {
                t[random.nextInt(k)] = 0.5;
                t[random.nextInt(k)] = -0.0;
                t[k - 1] = 3;
            }
            default -> {
                for (int j = 0; j < k; j++) {
                    t[j] = random.nextDouble() - 0.5;
                }
            }
        }
        return t;
    }

    private static double[] formula(double[] a, double ca, double[] b, double cb) {
        int n = Math.max(a.length, b.length);
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            boolean hasA = j < a.length;
            boolean hasB = j < b.length;
            if (j == 0) {
                r[j] = ca * (hasA ? a[0] : 0) + cb * (hasB ? b[0] : 0);
            } else if (hasA) {
                r[j] = hasB ? ca * a[j] + cb * b[j] : ca * a[j];
            } else {
                r[j] = 0.0 + cb * b[j];
            }
        }
        return r;
    }

    private static void check(StochasticTriple result, double[] a, double ca, double[] b, double cb) {
        assertBits(result, formula(a, ca, b, cb));
    }

    private static void assertBits(StochasticTriple t, double[] expected) {
        assertThat(t.directions()).isEqualTo(expected.length);
        for (int j = 0; j < expected.length; j++) {
            assertThat(Double.doubleToRawLongBits(t.delta(j)))
                    .as("direction %d of %s, expected %s", j, t, expected[j])
                    .isEqualTo(Double.doubleToRawLongBits(expected[j]));
        }
        if (expected.length > 0) {
            assertThat(t.delta(expected.length)).isEqualTo(0.0);
        }
    }
}
