package org.stochad.optim;

/**
 * The trajectory of an optimisation.
 *
 * @param parameters the parameters before each step and after the last: steps + 1 rows
 * @param loss       the estimated mean loss at each step's parameters
 * @param nanos      the wall time
 */
public record OptimizationResult(double[][] parameters, double[] loss, long nanos) implements java.io.Serializable {

    /**
     * Copies the arrays.
     * @param parameters the parameters before each step and after the last: steps + 1 rows
     * @param loss       the estimated mean loss at each step's parameters
     * @param nanos      the wall time
     */
    public OptimizationResult {
        parameters = deepCopy(parameters);
        loss = loss.clone();
    }

    /** @return a copy of parameters */
    @Override
    public double[][] parameters() {
        return deepCopy(parameters);
    }

    /** @return a copy of loss */
    @Override
    public double[] loss() {
        return loss.clone();
    }

    /** @return the final parameters */
    public double[] last() {
        return parameters[parameters.length - 1].clone();
    }

    /** @return the number of steps taken */
    public int steps() {
        return loss.length;
    }

    /**
     * @param n how many of the last steps
     * @return the mean loss over the last n steps
     */
    public double meanLossOfLast(int n) {
        int from = Math.max(0, loss.length - n);
        double s = 0;
        for (int i = from; i < loss.length; i++) {
            s += loss[i];
        }
        return s / (loss.length - from);
    }

    /**
     * One line a person can read: steps, start and end point, first and last loss, wall time,
     * e.g. {@code 200 steps, θ [1.00] → [0.52], loss 0.84 → 0.25, 41.3 ms}.
     */
    @Override
    public String toString() {
        return steps() + " steps, θ " + format(parameters[0]) + " → " + format(parameters[parameters.length - 1])
                + (loss.length == 0 ? "" : String.format(java.util.Locale.ROOT, ", loss %.6g → %.6g", loss[0],
                loss[loss.length - 1])) + String.format(java.util.Locale.ROOT, ", %.1f ms", nanos / 1e6);
    }

    private static String format(double[] x) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", x[i]));
        }
        return b.append(']').toString();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
