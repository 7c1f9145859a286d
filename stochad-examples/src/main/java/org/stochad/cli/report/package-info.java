/**
 * The files and the console output of the {@code stochad} program: charts of the libraries'
 * result records, CSV tables, and the progress bar behind the core's
 * {@link org.stochad.ProgressListener}. The libraries return records; only this package draws
 * and writes them.
 */
package org.stochad.cli.report;
