/**
 * The {@code stochad} command-line program, the project's one entry point: the demo, the worked
 * examples and the toy-shower and hadronization commands, their options (every shown default read
 * from the libraries' own options objects), progress bars, and the tables, CSV, JSON and text
 * files they write.
 *
 * <p>The idea the program demonstrates: a program with discrete randomness — a Bernoulli draw, a
 * branching shower — has an expected value that is smooth in its parameters even though each run
 * jumps; stochastic automatic differentiation estimates that gradient without bias by carrying a
 * stochastic triple (value, derivative, weighted alternative) through the program, and the commands
 * set it beside the score-function and finite-difference estimators on the same budget.
 *
 * <p>References: G. Arya, M. Schauer, F. Schäfer and C. Rackauckas, <i>Automatic Differentiation
 * of Programs with Discrete Randomness</i>, NeurIPS 2022, arXiv:2210.08572; M. Kagan and
 * L. Heinrich, <i>Branches of a Tree: Taking Derivatives of Programs with Discrete and Branching
 * Randomness in High Energy Physics</i>, arXiv:2308.16680 (2023).
 */
package org.stochad.cli;
