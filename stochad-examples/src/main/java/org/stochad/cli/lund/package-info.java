/**
 * The files of {@code stochad hadron}: charts (histograms with error bars, fit trajectories,
 * pulls, variances — each naming its settings), Markdown and CSV renderings of the hadronization
 * library's result records, their file names, and the help texts' defaults read from the
 * library's options objects.
 */
package org.stochad.cli.lund;
