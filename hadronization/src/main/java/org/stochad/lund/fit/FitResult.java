package org.stochad.lund.fit;

/**
 * One fit's trajectory.
 *
 * @param method  how gradients were obtained
 * @param start   the starting (a, b)
 * @param seed    the fit's seed
 * @param path    (a, b) before each step and after the last: steps + 1 rows
 * @param loss    the loss at each step's parameters
 * @param neff    the effective sample size (Σw)²/Σw² of the base sample at each step (RSA; empty otherwise)
 * @param events  events generated (RSA: the base sample; re-simulation: all primal events of all steps)
 * @param seconds the wall time
 */
public record FitResult(LundFit.Method method, double[] start, long seed, double[][] path, double[] loss,
                        double[] neff, long events, double seconds) {

    /**
     * @param last how many of the final parameter rows to average (Polyak averaging of the noisy path)
     * @return the fitted (a, b)
     */
    public double[] estimate(int last) {
        int from = Math.max(0, path.length - last);
        double[] m = new double[path[0].length];
        for (int i = from; i < path.length; i++) {
            for (int j = 0; j < m.length; j++) {
                m[j] += path[i][j] / (path.length - from);
            }
        }
        return m;
    }
}
