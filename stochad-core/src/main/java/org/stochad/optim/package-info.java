/**
 * Stochastic-gradient optimisers — SGD with momentum and Adam (Kingma and Ba, "Adam: a method
 * for stochastic optimization", ICLR 2015) — driven by any estimator of the core, with
 * clipping, box bounds and a seed per step derived from one seed.
 *
 * <p>They return the trajectory as a record and report progress through
 * {@link org.stochad.ProgressListener}; plotting it is the caller's business.
 */
package org.stochad.optim;
