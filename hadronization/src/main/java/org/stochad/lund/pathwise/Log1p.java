package org.stochad.lund.pathwise;

/**
 * ln(1 + x) with the bits of {@link Math#log1p}, computed in Java: on JDK 17 {@code Math.log1p} is a
 * native call (fdlibm through JNI), and the Lund CDF's quadrature makes some 800 of them per event,
 * which was a tenth of a pathwise sample's time. This follows fdlibm's algorithm (the one the JDK's
 * {@code StrictMath.log1p} is specified by): 1 + x = 2^k·(1 + f) with √2/2 &le; 1 + f &lt; √2 and a
 * correction c for the rounding of 1 + x, then ln(1 + f) = f − (f²/2 − s·(f²/2 + R(s²))), s = f/(2 + f),
 * R a degree-7 minimax polynomial. The rare arguments (|x| &lt; 2^−29, x &le; −1, huge, NaN, ±∞) go
 * to {@code Math.log1p}. {@code Log1pTest} checks the bits against {@code Math.log1p}.
 */
final class Log1p {

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LP1 = 6.666666666666735130e-01;
    private static final double LP2 = 3.999999999940941908e-01;
    private static final double LP3 = 2.857142874366239149e-01;
    private static final double LP4 = 2.222219843214978396e-01;
    private static final double LP5 = 1.818357216161805012e-01;
    private static final double LP6 = 1.531383769920937332e-01;
    private static final double LP7 = 1.479819860511658591e-01;

    private Log1p() {
    }

    /**
     * @param x the argument
     * @return ln(1 + x), bit for bit {@code Math.log1p(x)}
     */
    static double of(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
        int ax = hx & 0x7fffffff;
        if (!(x > -1) || ax < 0x3e200000 || hx >= 0x43400000) {
            return Math.log1p(x); // |x| < 2^-29, x <= -1, x >= 2^53, NaN, ±∞
        }
        int k;
        double f;
        double c = 0;
        int hu;
        if (hx < 0x3FDA827A && (hx > 0 || hx <= (int) 0xbfd2bec3)) {
            // -0.2929 < x < 0.41422: 1 + x needs no scaling
            k = 0;
            f = x;
            hu = 1;
        } else {
            double u = 1.0 + x;
            long ub = Double.doubleToRawLongBits(u);
            hu = (int) (ub >>> 32);
            k = (hu >> 20) - 1023;
            c = (k > 0 ? 1.0 - (u - x) : x - (u - 1.0)) / u; // the rounding of 1 + x, relative
            hu &= 0x000fffff;
            long low = ub & 0xffffffffL;
            if (hu < 0x6a09e) {
                u = Double.longBitsToDouble((long) (hu | 0x3ff00000) << 32 | low); // u in [1, √2)
            } else {
                k += 1;
                u = Double.longBitsToDouble((long) (hu | 0x3fe00000) << 32 | low); // u/2 in [√2/2, 1)
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^-20
            if (f == 0) {
                return k == 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (c + k * LN2_LO)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + (c + k * LN2_LO))) - f);
    }
}
