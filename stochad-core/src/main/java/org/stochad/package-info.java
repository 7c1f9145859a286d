/** The public face of StochAD: stochastic triples, the sampler, programs and gradient estimators. */
package org.stochad;
