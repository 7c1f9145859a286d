/** Addressed random streams over Commons RNG, so that alternative worlds share their random numbers. */
package org.stochad.random;
