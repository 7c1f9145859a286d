/**
 * The Kagan–Heinrich toy particle shower in detector material (arXiv 2308.16680): the shower
 * program, its material map, the depth loss, a loss scan, a gradient-estimator study, design
 * optimisation and an event display.
 */
package org.stochad.shower;
