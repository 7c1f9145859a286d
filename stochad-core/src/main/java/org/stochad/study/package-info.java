/**
 * Variance studies that compare estimators on one program at several parameter points with
 * one budget: per-sample spread, cost relative to a primal run and work-normalised variance,
 * the measure of Kagan and Heinrich (arXiv:2308.16680) for choosing an estimator.
 *
 * <p>A study returns records (rendered as text or CSV on request);
 * {@link org.stochad.study.OutputFiles} writes any file atomically.
 */
package org.stochad.study;
