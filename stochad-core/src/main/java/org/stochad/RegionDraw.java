package org.stochad;

/**
 * The result of {@link Sampler#split}: which region of a continuous draw the value fell in, and
 * the value.
 *
 * @param region the 0-based index of the region (a categorical draw, flippable)
 * @param value  the value, drawn by inversion inside the region and differentiated pathwise
 */
public record RegionDraw(StochasticTriple region, StochasticTriple value) {
}
