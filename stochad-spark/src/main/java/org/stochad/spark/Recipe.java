package org.stochad.spark;

import java.io.Serializable;

/**
 * How to make a value where it is needed — on an executor of a Spark cluster: a program, an
 * estimator or a generator named by the few serializable numbers and words it is built from,
 * e.g. {@code () -> LundProgram.of(LundSettings.defaults().withLines(lines), Observables.parse(spec))}.
 * Use one when the value itself cannot be serialised; the recipe travels, the value is made on
 * the executor (once per task).
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface Recipe<T> extends Serializable {

    /** @return a new value, made from the recipe's captured values only */
    T make();
}
