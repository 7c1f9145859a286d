package org.stochad.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled table of results: column names and rows of cells (numbers or text).
 *
 * @param title   the table's title
 * @param columns the column names
 * @param rows    the rows, each as long as {@code columns}
 */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

    /**
     * Checks the shape and copies the lists.
     *
     * @param title the table's title
     * @param columns the column names
     * @param rows the rows, each as long as {@code columns}
     */
    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, not " + columns.size());
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    /** Collects the rows of one table. */
    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title, List<String> columns) {
            this.title = title;
            this.columns = List.copyOf(columns);
        }

        /**
         * @param cells one row's cells
         * @return this builder
         */
        public Builder row(Object... cells) {
            rows.add(List.of(cells));
            return this;
        }

        /** @return the table */
        public Table build() {
            return new Table(title, columns, rows);
        }
    }

    /**
     * @param title the title
     * @param columns the column names
     * @return a builder
     */
    public static Builder builder(String title, String... columns) {
        return new Builder(title, List.of(columns));
    }
}
