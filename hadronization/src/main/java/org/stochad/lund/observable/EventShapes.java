package org.stochad.lund.observable;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.stochad.StochasticTriple;
import org.stochad.lund.Event;
import org.stochad.lund.Hadron;

/**
 * Thrust and sphericity of an event, as triples. The optimal axis (thrust) or eigenvectors
 * (sphericity) are found on the values; because both observables are extrema over directions,
 * their derivative is that of the objective at the fixed optimal direction (envelope theorem),
 * which is what the returned triples carry.
 */
public final class EventShapes {

    private EventShapes() {
    }

    /**
     * The exact thrust axis: for momenta summing to zero, T = 2·max_S |Σ_{k∈S} p_k| / Σ|p_k|, and
     * the optimal set S is bounded by a plane through two momenta p_i, p_j — the candidates of
     * {@link #thrustAxisCubic(Event)}, whose result this returns bit for bit, in O(n² log n).
     *
     * <p>For each i the other momenta are projected on the plane normal to p_i and sorted by angle
     * φ there; the candidate set of the pair (i, j), {k : (p_i × p_j)·p_k &gt; 0}, is then the window
     * of angles (φ_j, φ_j + π), whose sum a two-pointer sweep updates in O(1) per j. The sweep's
     * sums differ from the cubic scan's by rounding only, so every candidate within a relative
     * 10⁻⁹ of the sweep's best is re-summed exactly as the cubic scan sums it (the index order,
     * then p_i, then p_j) and the winner is chosen with the scan's tie rule (the first maximum in
     * its order).
     *
     * @param event the event (total three-momentum zero)
     * @return the unit thrust axis (values)
     */
    public static double[] thrustAxis(Event event) {
        int n = event.hadrons().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            Hadron h = event.hadrons().get(i);
            x[i] = h.pxValue();
            y[i] = h.pyValue();
            z[i] = h.pzValue();
        }
        return ThrustSweep.axis(x, y, z, n);
    }

    /**
     * The exact thrust axis: for momenta summing to zero, T = 2·max_S |Σ_{k∈S} p_k| / Σ|p_k|,
     * and the optimal set S is bounded by a plane through two momenta, so all pairs (with the
     * four ways to assign the two) are tried — O(n³), exact. The reference for
     * {@link #thrustAxis(Event)}, which returns the same axis bit for bit in O(n² log n).
     *
     * @param event the event (total three-momentum zero)
     * @return the unit thrust axis (values)
     */
    public static double[] thrustAxisCubic(Event event) {
        int n = event.hadrons().size();
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            Hadron h = event.hadrons().get(i);
            p[i] = new double[] {h.pxValue(), h.pyValue(), h.pzValue()};
        }
        double best = -1;
        double[] axis = {0, 0, 1};
        if (n == 1) {
            return axis;
        }
        for (int i = 0; i < n; i++) {
            // single-particle sets (and the degenerate two-particle case)
            double m = norm(p[i]);
            if (m > best) {
                best = m;
                axis = scale(p[i], 1 / m);
            }
            for (int j = i + 1; j < n; j++) {
                double[] c = cross(p[i], p[j]);
                if (norm(c) < 1e-14 * (norm(p[i]) * norm(p[j]) + 1e-300)) {
                    continue;
                }
                double[] s = new double[3];
                for (int k = 0; k < n; k++) {
                    if (k != i && k != j && dot(p[k], c) > 0) {
                        add(s, p[k], 1);
                    }
                }
                for (int comb = 0; comb < 4; comb++) {
                    double[] t = s.clone();
                    if ((comb & 1) != 0) {
                        add(t, p[i], 1);
                    }
                    if ((comb & 2) != 0) {
                        add(t, p[j], 1);
                    }
                    double m2 = norm(t);
                    if (m2 > best) {
                        best = m2;
                        axis = scale(t, 1 / m2);
                    }
                }
            }
        }
        return axis;
    }

    /**
     * @param event the event
     * @return thrust T = Σ|p·n|/Σ|p| at the thrust axis n, in [½, 1]
     */
    public static StochasticTriple thrust(Event event) {
        double[] n = thrustAxis(event);
        StochasticTriple num = StochasticTriple.constant(0);
        StochasticTriple den = StochasticTriple.constant(0);
        for (Hadron h : event.hadrons()) {
            num = num.plus(h.px().times(n[0]).plus(h.py().times(n[1])).plus(h.pz().times(n[2])).abs());
            den = den.plus(h.px().square().plus(h.py().square()).plus(h.pz().square()).sqrt());
        }
        return num.div(den);
    }

    /**
     * The value of {@link #thrust(Event)} on doubles, bit for bit, without triples.
     *
     * @param event the event
     * @return thrust T = Σ|p·n|/Σ|p| at the thrust axis n
     */
    public static double thrustValue(Event event) {
        double[] n = thrustAxis(event);
        double num = 0;
        double den = 0;
        for (Hadron h : event.hadrons()) {
            double px = h.pxValue();
            double py = h.pyValue();
            double pz = h.pzValue();
            num = num + Math.abs(px * n[0] + py * n[1] + pz * n[2]);
            den = den + Math.sqrt(px * px + py * py + pz * pz);
        }
        return num / den;
    }

    /**
     * @param event the event
     * @return sphericity S = 3/2 (λ₂ + λ₃) of the tensor Σ p^a p^b / Σ |p|², in [0, 1]
     */
    public static StochasticTriple sphericity(Event event) {
        StochasticTriple[][] s = new StochasticTriple[3][3];
        StochasticTriple norm = StochasticTriple.constant(0);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                s[a][b] = StochasticTriple.constant(0);
            }
        }
        for (Hadron h : event.hadrons()) {
            StochasticTriple[] p = {h.px(), h.py(), h.pz()};
            for (int a = 0; a < 3; a++) {
                for (int b = a; b < 3; b++) {
                    s[a][b] = s[a][b].plus(p[a].times(p[b]));
                }
            }
            norm = norm.plus(p[0].square().plus(p[1].square()).plus(p[2].square()));
        }
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                s[a][b] = s[a][b].div(norm);
                s[b][a] = s[a][b];
                m[a][b] = s[a][b].value();
                m[b][a] = m[a][b];
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] values = eig.getRealEigenvalues();
        int largest = 0;
        for (int k = 1; k < 3; k++) {
            if (values[k] > values[largest]) {
                largest = k;
            }
        }
        // λ2 + λ3 = trace − λ1 = 1 − λ1, with λ1 = v·S·v at the fixed leading eigenvector
        RealVector v = eig.getEigenvector(largest);
        StochasticTriple l1 = StochasticTriple.constant(0);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                l1 = l1.plus(s[a][b].times(v.getEntry(a) * v.getEntry(b)));
            }
        }
        return l1.neg().plus(1).times(1.5);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static void add(double[] s, double[] p, double f) {
        s[0] += f * p[0];
        s[1] += f * p[1];
        s[2] += f * p[2];
    }

    private static double[] scale(double[] a, double f) {
        return new double[] {a[0] * f, a[1] * f, a[2] * f};
    }
}
