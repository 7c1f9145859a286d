package org.stochad.cli;

import org.stochad.examples.Report;
import org.stochad.examples.RunSettings;

/** One part of the {@code stochad demo} tour. */
public interface DemoSection {

    /**
     * @param settings the run settings (samples 0 means the section's default)
     * @return the section's report
     */
    Report run(RunSettings settings);
}
