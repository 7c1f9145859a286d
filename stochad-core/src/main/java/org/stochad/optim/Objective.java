package org.stochad.optim;

/**
 * A function to minimise, given as its (estimated) loss and gradient at a point: the form the
 * optimisers take when the loss is not an expectation of one program (a histogram loss, say) or
 * when the caller estimates the gradient itself.
 */
@FunctionalInterface
public interface Objective {

    /**
     * @param theta the parameters (a copy the objective may keep)
     * @param step  the step, from 0
     * @return the loss and its gradient at theta
     */
    Evaluation evaluate(double[] theta, int step);

    /**
     * The loss and its gradient at one point.
     *
     * @param loss     the loss (an estimate)
     * @param gradient its gradient (an estimate), one entry per parameter
     */
    record Evaluation(double loss, double[] gradient) {

        /**
         * Checks and copies the gradient.
         *
         * @param loss     the loss (an estimate)
         * @param gradient its gradient (an estimate), one entry per parameter
         */
        public Evaluation {
            if (gradient == null) {
                throw new IllegalArgumentException("gradient = null");
            }
            gradient = gradient.clone();
        }

        /** @return a copy of the gradient */
        @Override
        public double[] gradient() {
            return gradient.clone();
        }
    }
}
