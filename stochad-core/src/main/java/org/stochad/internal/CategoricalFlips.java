package org.stochad.internal;

import java.util.Arrays;
import org.stochad.StochasticTriple;

/**
 * The flips of a categorical draw x: to the next category up and down that has a positive
 * probability, with their rates per direction, g_up = Σ_{i ≤ x} δp_i and g_down = Σ_{i &lt; x} δp_i
 * (0 where no such category exists).
 */
final class CategoricalFlips {

    final int upTarget;
    final int downTarget;
    final double[] gUp;
    final double[] gDown;

    /**
     * @param probabilities the probabilities as triples
     * @param p             their values
     * @param x             the outcome
     * @param directions    the tangent directions to collect
     */
    CategoricalFlips(StochasticTriple[] probabilities, double[] p, int x, int directions) {
        int k = p.length;
        int up = x + 1;
        while (up < k && p[up] == 0) {
            up++;
        }
        int down = x - 1;
        while (down >= 0 && p[down] == 0) {
            down--;
        }
        gUp = new double[directions];
        gDown = new double[directions];
        for (int i = 0; i <= x; i++) {
            for (int j = 0; j < directions; j++) {
                double d = probabilities[i].delta(j);
                gUp[j] += d;
                if (i < x) {
                    gDown[j] += d;
                }
            }
        }
        if (up >= k) {
            Arrays.fill(gUp, 0);
        }
        if (down < 0) {
            Arrays.fill(gDown, 0);
        }
        upTarget = up;
        downTarget = down;
    }

    /**
     * @param p the probabilities' values
     * @param v a point in [0, Σp]
     * @return the category whose cumulative cell holds v, skipping zero-probability categories
     */
    static int quantile(double[] p, double v) {
        double c = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                c += p[i];
                last = i;
                if (v <= c) {
                    return i;
                }
            }
        }
        return last;
    }
}
