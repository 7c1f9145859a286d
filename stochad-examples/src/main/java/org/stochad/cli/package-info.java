/** The {@code stochad} command-line program: the demo, the worked examples, tables, CSV, JSON and plots. */
package org.stochad.cli;
