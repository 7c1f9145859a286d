/** Event observables of the Lund generator as differentiable outputs, and histograms of them. */
package org.stochad.lund.observable;
