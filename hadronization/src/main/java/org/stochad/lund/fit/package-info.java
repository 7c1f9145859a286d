/** Gradient comparisons of the Lund generator's estimators and fits of its parameters to binned data. */
package org.stochad.lund.fit;
