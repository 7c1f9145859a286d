package org.stochad.shower;

import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle, independent of the simulation code: the exact E[ℓ](θ) and dE[ℓ]/dθ of a small
 * shower, by enumerating every interaction (and direction-coin) outcome for a given initial
 * direction and integrating the direction with the midpoint rule. The material is written out
 * from the published formula here, not taken from {@link MaterialMap}.
 */
final class ShowerEnumeration {

    private record Particle(double x, double y, double dx, double dy, double e) {
    }

    private final ShowerConfig c;
    private final double theta;
    private double mean;
    private double derivative;
    private long leaves;

    private ShowerEnumeration(ShowerConfig c, double theta) {
        this.c = c;
        this.theta = theta;
    }

    /** @return {E[ℓ], dE[ℓ]/dθ, number of enumerated histories} with {@code nodes} directions */
    static double[] exact(ShowerConfig c, double theta, int nodes) {
        ShowerEnumeration en = new ShowerEnumeration(c, theta);
        for (int i = 0; i < nodes; i++) {
            double phi = -Math.PI + 2 * Math.PI * (i + 0.5) / nodes;
            List<Particle> start = new ArrayList<>();
            start.add(new Particle(0, 0, Math.cos(phi), Math.sin(phi), c.initialEnergy()));
            en.explore(start, 0, 0, 1.0 / nodes, 0);
        }
        return new double[] {en.mean, en.derivative, en.leaves};
    }

    static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** {p, ∂p/∂θ} written out from the paper's formula with the product rule. */
    static double[] material(double x, double y, double theta) {
        double r = Math.sqrt(x * x + y * y);
        double alpha = Math.atan2(x, y);
        double start = sigma(10 * (r - theta));
        double end = sigma(-10 * (r - (theta + 10)));
        double spiral = sigma(-10 * Math.sin(10 * (alpha + 2 * r)));
        double rings = sigma(-10 * Math.cos(10 * (r - 2)));
        double p = 0.5 * start * end * spiral * rings;
        double dStart = -10 * start * (1 - start);
        double dEnd = 10 * end * (1 - end);
        double dp = 0.5 * spiral * rings * (dStart * end + start * dEnd);
        return new double[] {p, dp};
    }

    private void explore(List<Particle> stack, double sumR, int n, double prob, double dprob) {
        if (prob == 0 && dprob == 0) {
            return;
        }
        if (stack.isEmpty()) {
            double d = sumR / n - c.targetDepth();
            mean += prob * d * d;
            derivative += dprob * d * d;
            leaves++;
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
        double[] m = material(nx, ny, theta);
        double q = m[0];
        double dq = m[1];
        List<Particle> pass = new ArrayList<>(rest);
        pass.add(new Particle(nx, ny, p.dx, p.dy, p.e));
        explore(pass, sumR, n, prob * (1 - q), dprob * (1 - q) - prob * dq);
        double pi = prob * q;
        double dpi = dprob * q + prob * dq;
        double b = c.directionBump();
        if (c.splitProbability() == 1) {
            List<Particle> split = new ArrayList<>(rest);
            split.add(kicked(nx, ny, p, b, b, p.e / 2));
            split.add(kicked(nx, ny, p, -b, -b, p.e / 2));
            explore(split, sumR + r, n + 1, pi, dpi);
        } else if (c.splitProbability() == 0) {
            for (int sx = -1; sx <= 1; sx += 2) {
                for (int sy = -1; sy <= 1; sy += 2) {
                    List<Particle> next = new ArrayList<>(rest);
                    next.add(kicked(nx, ny, p, sx * b, sy * b, Math.max(p.e - c.energyLoss(), 0)));
                    explore(next, sumR + r, n + 1, pi / 4, dpi / 4);
                }
            }
        } else {
            throw new IllegalArgumentException("the oracle handles split probability 0 or 1 only");
        }
    }

    private static Particle kicked(double x, double y, Particle p, double kx, double ky, double e) {
        double ux = p.dx + kx;
        double uy = p.dy + ky;
        double norm = Math.hypot(ux, uy);
        return new Particle(x, y, ux / norm, uy / norm, e);
    }
}
