/** Output of the Lund generator in physicists' formats: HepMC3 Asciiv3 events, YODA and CSV histograms. */
package org.stochad.lund.io;
