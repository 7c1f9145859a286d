package org.stochad.lund.pathwise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Log1p} must give the bits of {@code Math.log1p} everywhere, not just close values. */
class Log1pTest {

    private static void same(double x) {
        assertEquals(Double.doubleToRawLongBits(Math.log1p(x)), Double.doubleToRawLongBits(Log1p.of(x)),
                () -> "x = " + x + " (" + Long.toHexString(Double.doubleToRawLongBits(x)) + ")");
    }

    @Test
    void randomArgumentsOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 2_000_000; i++) {
            same(-random.nextDouble()); // log1p(−u), the quadrature's use
            same(-Math.exp(-random.nextDouble(0, 50))); // −u with u = e^−s down to e^−50
            same(random.nextDouble(0, 1e3));
            double magnitude = Math.scalb(1.0 + random.nextDouble(), random.nextInt(-60, 60));
            same(magnitude);
            same(-Math.min(magnitude, 1.0));
            same(Double.longBitsToDouble(random.nextLong())); // any bit pattern, NaN and ±∞ included
        }
    }

    @Test
    void specialAndBoundaryArguments() {
        double[] xs = {0.0, -0.0, -1.0, -2.0, 1.0, 0.5, -0.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 0x1p-29, -0x1p-29,
            0x1p-54, 0x1p53, 0.41422, 0.4142135623730950, -0.2929, -0.29289321881345254, Math.nextDown(-0.0),
            Math.nextUp(-1.0), Math.sqrt(2) - 1, Math.sqrt(0.5) - 1};
        for (double x : xs) {
            for (int ulps = -40; ulps <= 40; ulps++) {
                double y = x;
                for (int j = 0; j < Math.abs(ulps); j++) {
                    y = ulps > 0 ? Math.nextUp(y) : Math.nextDown(y);
                }
                same(y);
            }
        }
        for (int k = -30; k <= 60; k++) {
            double p = Math.scalb(1.0, k); // 1 + x a power of two: f = 0 and |f| < 2^-20
            same(p - 1);
            same(Math.nextUp(p - 1));
            same(Math.nextDown(p - 1));
            same(p * (1 + 0x1p-25) - 1);
        }
    }
}
