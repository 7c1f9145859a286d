/** JMH benchmarks: the cost of triples, draws and every estimator against the primal run. */
package org.stochad.benchmarks;
