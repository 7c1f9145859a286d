/** Variance studies that compare estimators, with tables, CSV and plots, and atomic output files. */
package org.stochad.study;
