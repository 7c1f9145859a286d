package org.stochad.shower;

import org.stochad.StochasticTriple;

/**
 * The toy shower's material cut into K angular sectors, each with its own inner radius θ_k: at a
 * point in sector k the interaction probability is today's {@link MaterialMap} with θ = θ_k.
 * Sector k holds the angles α = atan2(x, y) in [−π + 2πk/K, −π + 2π(k + 1)/K); with K = 1 the
 * map is {@link MaterialMap} exactly.
 *
 * <p>The sector borders are hard. The estimators differentiate with respect to θ only, never
 * with respect to positions, and at every fixed point p is smooth in θ, so E[ℓ] is smooth in
 * every θ_k; and each interaction draw depends on exactly one parameter.
 */
public final class SegmentedMaterial implements java.io.Serializable {

    /** The most sectors. */
    public static final int MAX_SEGMENTS = 64;
    private static final double TWO_PI = 2 * Math.PI;

    private final int segments;

    private SegmentedMaterial(int segments) {
        this.segments = segments;
    }

    /**
     * @param segments the number of sectors K, 1 … {@value #MAX_SEGMENTS}
     * @return the sectored map
     */
    public static SegmentedMaterial of(int segments) {
        if (segments < 1 || segments > MAX_SEGMENTS) {
            throw new IllegalArgumentException("segments = " + segments + " is not in [1, " + MAX_SEGMENTS + "]");
        }
        return new SegmentedMaterial(segments);
    }

    /** @return the number of sectors K */
    public int segments() {
        return segments;
    }

    /**
     * @param x a point's x
     * @param y a point's y
     * @return the index of its sector, in [0, K)
     */
    public int sector(double x, double y) {
        return sectorOf(Math.atan2(x, y));
    }

    /**
     * @param k a sector index
     * @return the angle α = atan2(x, y) of the sector's centre line
     */
    public double centre(int k) {
        checkSector(k);
        return -Math.PI + TWO_PI * (k + 0.5) / segments;
    }

    /**
     * @param x     the point's x
     * @param y     the point's y
     * @param radii the inner radius of every sector (length K)
     * @return the interaction probability per step, in [0, 0.5]
     */
    public double probability(double x, double y, double[] radii) {
        checkRadii(radii);
        double r = Math.sqrt(x * x + y * y);
        double alpha = Math.atan2(x, y);
        double theta = radii[sectorOf(alpha)];
        return 0.5 * MaterialMap.innerEdge(r, theta) * MaterialMap.outerEdge(r, theta) * MaterialMap.pattern(alpha, r);
    }

    /**
     * The derivative of p with respect to the inner radius of the point's own sector (the only
     * parameter p depends on there).
     *
     * @param x     the point's x
     * @param y     the point's y
     * @param radii the inner radius of every sector (length K)
     * @return ∂p/∂θ_k with k = {@link #sector(double, double)}
     */
    public double derivative(double x, double y, double[] radii) {
        checkRadii(radii);
        int k = sector(x, y);
        return MaterialMap.thetaDerivative(x, y, radii[k]);
    }

    /**
     * The material of one run: reads θ_k from the run's triples and gives each draw the tangent of
     * its sector's parameter times ∂p/∂θ_k.
     */
    Simulation.Material material(StochasticTriple[] theta) {
        checkTheta(theta);
        int directions = theta[0].directions();
        double[] values = new double[segments];
        StochasticTriple[] tangents = directions == 0 ? null : theta.clone();
        for (int k = 0; k < segments; k++) {
            values[k] = theta[k].value();
        }
        return (x, y) -> {
            double r = Math.sqrt(x * x + y * y);
            double alpha = Math.atan2(x, y);
            int k = segments == 1 ? 0 : sectorOf(alpha);
            double t = values[k];
            double inner = MaterialMap.innerEdge(r, t);
            double outer = MaterialMap.outerEdge(r, t);
            double edges = 0.5 * inner * outer;
            if (edges == 0) {
                return StochasticTriple.constant(0);
            }
            double p = edges * MaterialMap.pattern(alpha, r);
            if (tangents == null) {
                return StochasticTriple.constant(p);
            }
            double dp = 10 * p * (inner - outer);
            // dp·δθ_k along every direction, in time of θ_k's non-zero tangent components
            return tangents[k].withScaledTangent(p, dp);
        };
    }

    private int sectorOf(double alpha) {
        int k = (int) Math.floor((alpha + Math.PI) / TWO_PI * segments);
        return Math.min(Math.max(k, 0), segments - 1);
    }

    private void checkSector(int k) {
        if (k < 0 || k >= segments) {
            throw new IllegalArgumentException("sector = " + k + " is not in [0, " + segments + ")");
        }
    }

    private void checkRadii(double[] radii) {
        if (radii == null || radii.length != segments) {
            throw new IllegalArgumentException("radii must hold " + segments + " inner radii; got "
                    + (radii == null ? "null" : "length " + radii.length));
        }
    }

    void checkTheta(StochasticTriple[] theta) {
        if (theta == null || theta.length != segments) {
            throw new IllegalArgumentException("theta must hold " + segments + " inner radii; got "
                    + (theta == null ? "null" : "length " + theta.length));
        }
        for (int k = 0; k < segments; k++) {
            double v = theta[k].value();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("theta[" + k + "] = " + v + " is not finite");
            }
        }
    }

    @Override
    public String toString() {
        return segments + " sector" + (segments == 1 ? "" : "s");
    }
}
