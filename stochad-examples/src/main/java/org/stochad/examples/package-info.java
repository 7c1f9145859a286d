/**
 * Worked examples of differentiating programs with discrete randomness — StochasticAD.jl's set and
 * more — each with an independent exact value to compare against, and the small report types the
 * {@code stochad} program prints.
 */
package org.stochad.examples;
