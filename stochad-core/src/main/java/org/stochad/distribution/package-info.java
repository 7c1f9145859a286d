/** Discrete families, their inversion and their derivative weights; the extension point for new families. */
package org.stochad.distribution;
