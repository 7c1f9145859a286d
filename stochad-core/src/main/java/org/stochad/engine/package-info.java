/** The estimators' machinery: propagation with pruning, replay with a weighted reservoir, score accumulation. */
package org.stochad.engine;
