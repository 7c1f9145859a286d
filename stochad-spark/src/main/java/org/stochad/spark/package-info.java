/**
 * StochAD on Apache Spark: {@link org.stochad.spark.SparkEstimator} runs any chunked estimator's
 * chunks on a cluster and merges them in chunk order (bit-identical to a local run),
 * {@link org.stochad.spark.SparkEvents} generates Lund events on it in index order, and
 * {@link org.stochad.spark.Recipe} names programs that travel to the executors as a few values.
 */
package org.stochad.spark;
