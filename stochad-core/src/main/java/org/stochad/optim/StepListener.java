package org.stochad.optim;

/** Told after every optimisation step, e.g. to show progress; the optimiser never prints. */
@FunctionalInterface
public interface StepListener {

    /** A listener that ignores every step. */
    StepListener NONE = (step, steps, loss) -> { };

    /**
     * @param step  the steps done so far, from 1
     * @param steps all steps of the run
     * @param loss  the loss at the step's starting point
     */
    void stepDone(int step, int steps, double loss);
}
