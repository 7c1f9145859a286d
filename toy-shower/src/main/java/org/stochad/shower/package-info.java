/** The toy-shower module (work in progress). */
package org.stochad.shower;
