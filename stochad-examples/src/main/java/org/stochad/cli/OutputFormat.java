package org.stochad.cli;

/** How results are printed on standard output. */
public enum OutputFormat {
    /** Aligned text tables. */
    TABLE,
    /** Comma-separated values, one block per table. */
    CSV,
    /** One JSON document. */
    JSON
}
