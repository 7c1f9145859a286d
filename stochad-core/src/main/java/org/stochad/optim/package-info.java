/** Stochastic-gradient optimisers (SGD, Adam) driven by any estimator. */
package org.stochad.optim;
