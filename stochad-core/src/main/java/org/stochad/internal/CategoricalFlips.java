package org.stochad.internal;

import org.stochad.StochasticTriple;

/**
 * The flips of a categorical draw x under inversion coupling, with their rates per direction.
 *
 * <p>Cell x is the interval (B_{x−1}, B_x] with B_y = p_0 + … + p_y, whose edges move at
 * G_y = δp_0 + … + δp_y. When G_x &lt; 0 the upper edge moves down and u just below it goes to
 * the category above the edge; when G_{x−1} &gt; 0 the lower edge moves up and u just above it
 * goes to the category below. Usually that is the next category with a positive probability,
 * with g_up = G_x and g_down = G_{x−1}. Categories of probability 0 at the edge whose probability
 * grows (δp_y &gt; 0, StochasticAD.jl's {@code handle_zeroprob}) open up between: the moving
 * stretch of width |G| is shared out among them in index order, category y getting the part
 * between G_{y−1} and G_y (clamped to the stretch), the next positive category the rest; each
 * target's g is then ∓ its width, so the rate |g|/p_x is the exact flip rate.
 */
final class CategoricalFlips {

    /** The categories above x that u may flip to. */
    final int[] upTargets;
    /** Per up target, g per direction (the flip rate is max(0, −g)/p_x). */
    final double[][] gUp;
    /** The categories below x that u may flip to. */
    final int[] downTargets;
    /** Per down target, g per direction (the flip rate is max(0, g)/p_x). */
    final double[][] gDown;

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
        // G_y for y = max(down, 0) … min(up, k) − 1 along each direction, summed from 0 upwards
        int from = Math.max(down, 0);
        int to = Math.min(up, k) - 1;
        double[][] g = new double[to - from + 1][directions];
        double[] running = new double[directions];
        for (int i = 0; i <= to; i++) {
            for (int j = 0; j < directions; j++) {
                running[j] += probabilities[i].delta(j);
            }
            if (i >= from) {
                g[i - from] = running.clone();
            }
        }
        if (down < 0 && x > 0) {
            // categories below x all have probability 0: the lower edge is 0, fixed
            from = -1;
            double[][] shifted = new double[g.length + 1][];
            shifted[0] = new double[directions];
            System.arraycopy(g, 0, shifted, 1, g.length);
            g = shifted;
        }
        int gx = x - from;
        // up side: targets x+1 … up (up itself only when it exists)
        int upCount = up - x - (up >= k ? 1 : 0);
        upTargets = new int[Math.max(upCount, 0)];
        gUp = new double[upTargets.length][];
        if (up == x + 1 && up < k) {
            upTargets[0] = up;
            gUp[0] = g[gx];
        } else {
            for (int t = 0; t < upTargets.length; t++) {
                int y = x + 1 + t;
                upTargets[t] = y;
                double[] w = new double[directions];
                for (int j = 0; j < directions; j++) {
                    double lo = g[gx][j];
                    double top = y < up ? clamp(g[y - from][j], lo, 0) : 0;
                    double bottom = clamp(g[y - 1 - from][j], lo, 0);
                    w[j] = -(top - bottom);
                }
                gUp[t] = w;
            }
        }
        // down side: targets x−1 … down (down itself only when it exists)
        int downCount = x - down - (down < 0 ? 1 : 0);
        downTargets = new int[Math.max(downCount, 0)];
        gDown = new double[downTargets.length][];
        if (down == x - 1 && down >= 0) {
            downTargets[0] = down;
            gDown[0] = g[gx - 1];
        } else {
            for (int t = 0; t < downTargets.length; t++) {
                int y = x - 1 - t;
                downTargets[t] = y;
                double[] w = new double[directions];
                for (int j = 0; j < directions; j++) {
                    double hi = g[gx - 1][j];
                    double top = clamp(g[y - from][j], 0, hi);
                    double bottom = y > down && y - 1 - from >= 0 ? clamp(g[y - 1 - from][j], 0, hi) : 0;
                    w[j] = top - bottom;
                }
                gDown[t] = w;
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return lo > hi ? 0 : Math.max(lo, Math.min(hi, v));
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
