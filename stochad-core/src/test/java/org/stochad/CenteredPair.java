package org.stochad;

import org.stochad.distribution.DiscreteFamily;

/**
 * A user-defined family written against the extension point only: X = Binomial(2, θ) − 1 on
 * {−1, 0, 1}, a support that starts below zero, with pmf (1−θ)², 2θ(1−θ), θ².
 */
public record CenteredPair() implements DiscreteFamily {

    @Override
    public String name() {
        return "centeredPair";
    }

    @Override
    public String parameterName() {
        return "theta";
    }

    @Override
    public void checkParameter(double theta) {
        if (!(theta >= 0 && theta <= 1)) {
            throw new IllegalArgumentException("centeredPair: theta = " + theta + " is outside [0, 1]");
        }
    }

    @Override
    public int lowerBound() {
        return -1;
    }

    @Override
    public double pmf(int x, double t) {
        switch (x) {
            case -1: return (1 - t) * (1 - t);
            case 0: return 2 * t * (1 - t);
            case 1: return t * t;
            default: return 0;
        }
    }

    @Override
    public double cdf(int x, double t) {
        return x < -1 ? 0 : x == -1 ? (1 - t) * (1 - t) : x == 0 ? 1 - t * t : 1;
    }

    @Override
    public double cdfDerivative(int x, double t) {
        return x == -1 ? -2 * (1 - t) : x == 0 ? -2 * t : 0;
    }
}
