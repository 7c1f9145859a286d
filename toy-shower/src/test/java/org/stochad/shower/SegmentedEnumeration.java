package org.stochad.shower;

import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle for the segmented detector, independent of the simulation code: the exact
 * E[objective] and its gradient in every sector's inner radius for a small shower, by enumerating
 * every interaction (and coin) outcome and integrating the initial direction with the midpoint
 * rule. The sector of a point is computed here from its angle, and the budget written out.
 */
final class SegmentedEnumeration {

    private record Particle(double x, double y, double dx, double dy, double e) {
    }

    private final ShowerConfig c;
    private final double[] radii;
    private double mean;
    private final double[] gradient;

    private SegmentedEnumeration(ShowerConfig c, double[] radii) {
        this.c = c;
        this.radii = radii;
        this.gradient = new double[radii.length];
    }

    /**
     * @return {E[objective], ∂/∂θ_0, …, ∂/∂θ_{K−1}} with budget weight lambda and price amplitude a
     */
    static double[] exact(ShowerConfig c, double[] radii, double lambda, double a, int nodes) {
        SegmentedEnumeration en = new SegmentedEnumeration(c, radii);
        for (int i = 0; i < nodes; i++) {
            double phi = -Math.PI + 2 * Math.PI * (i + 0.5) / nodes;
            List<Particle> start = new ArrayList<>();
            start.add(new Particle(0, 0, Math.cos(phi), Math.sin(phi), c.initialEnergy()));
            en.explore(start, 0, 0, 1.0 / nodes, new double[radii.length]);
        }
        int k = radii.length;
        double[] out = new double[k + 1];
        out[0] = en.mean;
        for (int j = 0; j < k; j++) {
            double w = 2 * Math.PI / k;
            double lo = -Math.PI + j * w;
            double price = 1 + a * (Math.sin(lo + w) - Math.sin(lo)) / w;
            out[0] += lambda * price * 2 * radii[j] / (10.0 * k);
            out[j + 1] = en.gradient[j] + lambda * price * 2 / (10.0 * k);
        }
        return out;
    }

    private int sector(double x, double y) {
        double alpha = Math.atan2(x, y);
        int k = radii.length;
        for (int j = 0; j < k; j++) {
            if (alpha < -Math.PI + 2 * Math.PI * (j + 1) / k) {
                return j;
            }
        }
        return k - 1;
    }

    private void explore(List<Particle> stack, double sumR, int n, double prob, double[] dprob) {
        if (prob == 0) {
            return;
        }
        if (stack.isEmpty()) {
            double d = sumR / n - c.targetDepth();
            mean += prob * d * d;
            for (int j = 0; j < dprob.length; j++) {
                gradient[j] += dprob[j] * d * d;
            }
            return;
        }
        List<Particle> rest = new ArrayList<>(stack);
        Particle p = rest.remove(rest.size() - 1);
        double nx = p.x + c.stepLength() * p.dx;
        double ny = p.y + c.stepLength() * p.dy;
        double r = Math.hypot(p.x, p.y);
        if (p.e < c.energyThreshold() || Math.hypot(nx, ny) > c.escapeRadius()) {
            explore(rest, sumR + r, n + 1, prob, dprob);
            return;
        }
        int s = sector(nx, ny);
        double[] m = ShowerEnumeration.material(nx, ny, radii[s]);
        double q = m[0];
        double dq = m[1];
        double[] dPass = new double[dprob.length];
        double[] dHit = new double[dprob.length];
        for (int j = 0; j < dprob.length; j++) {
            dPass[j] = dprob[j] * (1 - q);
            dHit[j] = dprob[j] * q;
        }
        dPass[s] -= prob * dq;
        dHit[s] += prob * dq;
        List<Particle> pass = new ArrayList<>(rest);
        pass.add(new Particle(nx, ny, p.dx, p.dy, p.e));
        explore(pass, sumR, n, prob * (1 - q), dPass);
        double b = c.directionBump();
        if (c.splitProbability() == 1) {
            List<Particle> split = new ArrayList<>(rest);
            split.add(kicked(nx, ny, p, b, b, p.e / 2));
            split.add(kicked(nx, ny, p, -b, -b, p.e / 2));
            explore(split, sumR + r, n + 1, prob * q, dHit);
        } else {
            throw new IllegalArgumentException("this oracle handles split probability 1 only");
        }
    }

    private static Particle kicked(double x, double y, Particle p, double kx, double ky, double e) {
        double ux = p.dx + kx;
        double uy = p.dy + ky;
        double norm = Math.hypot(ux, uy);
        return new Particle(x, y, ux / norm, uy / norm, e);
    }
}
