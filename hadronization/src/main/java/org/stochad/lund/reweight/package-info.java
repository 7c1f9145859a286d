/** RSA-style reweighting of Lund events to other parameters, and estimators built on it. */
package org.stochad.lund.reweight;
