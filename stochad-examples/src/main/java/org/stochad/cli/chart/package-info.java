/**
 * Every figure of the {@code stochad} program in one style ({@link org.stochad.cli.chart.ChartStyle}):
 * the worked examples' line and marker charts, the toy shower's loss landscape, optimisation
 * trajectories and event display, written atomically as PNG files.
 *
 * <p>The figures show what the estimators of stochastic automatic differentiation deliver: an
 * estimate with its standard error beside an exact value where one exists, and the spread of
 * repeated runs where none does. References: G. Arya et al., <i>Automatic Differentiation of
 * Programs with Discrete Randomness</i>, arXiv:2210.08572 (2022); M. Kagan and L. Heinrich,
 * <i>Branches of a Tree</i>, arXiv:2308.16680 (2023), whose figures the toy-shower charts follow.
 */
package org.stochad.cli.chart;
