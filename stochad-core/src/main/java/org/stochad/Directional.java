package org.stochad;

/** The program t ↦ f(θ + t·u) of one parameter, for directional derivatives. */
final class Directional {

    private Directional() {
    }

    /**
     * @param program the program of θ
     * @param theta   the point
     * @param u       the direction
     * @return the program of t whose parameter j is θ_j + t·u_j (tangent u_j)
     */
    static StochasticProgram along(StochasticProgram program, double[] theta, double[] u) {
        if (program == null) {
            throw new IllegalArgumentException("program = null");
        }
        if (theta == null || u == null || theta.length == 0 || u.length != theta.length) {
            throw new IllegalArgumentException("directional: u has " + (u == null ? null : u.length)
                    + " components, theta " + (theta == null ? null : theta.length) + " (need the same number, ≥ 1)");
        }
        for (int j = 0; j < u.length; j++) {
            if (!Double.isFinite(u[j]) || !Double.isFinite(theta[j])) {
                throw new IllegalArgumentException("directional: u[" + j + "] = " + u[j] + ", theta[" + j + "] = "
                        + theta[j] + " (both must be finite)");
            }
        }
        double[] at = theta.clone();
        double[] dir = u.clone();
        return (sampler, t) -> {
            StochasticTriple[] shifted = new StochasticTriple[at.length];
            for (int j = 0; j < at.length; j++) {
                shifted[j] = t[0].times(dir[j]).plus(at[j]);
            }
            return program.run(sampler, shifted);
        };
    }
}
