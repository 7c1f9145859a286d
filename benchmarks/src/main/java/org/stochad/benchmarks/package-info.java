/** The benchmarks module (work in progress). */
package org.stochad.benchmarks;
