package org.stochad.shower;

/** The argument checks of this package: each throws an IllegalArgumentException naming the argument and its value. */
final class Checks {

    private Checks() {
    }

    /**
     * @param name the argument's name
     * @param v    its value, which must be a finite number &gt; 0
     */
    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " is not a finite number > 0");
        }
    }

    /**
     * @param name the argument's name
     * @param v    its value, which must be a finite number &ge; 0
     */
    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " is not a finite number >= 0");
        }
    }

    /**
     * @param name the argument's name
     * @param v    its value, which must be &ge; min
     * @param min  the least allowed value
     */
    static void atLeast(String name, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " = " + v + " is less than " + min);
        }
    }
}
