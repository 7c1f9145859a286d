/** The hadronization module (work in progress). */
package org.stochad.lund;
