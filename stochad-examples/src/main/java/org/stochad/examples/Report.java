package org.stochad.examples;

import java.nio.file.Path;
import java.util.List;

/**
 * What an example run produced: its tables, a few lines of explanation and the files it wrote.
 *
 * @param title  the example's title
 * @param tables the result tables
 * @param notes  short lines of explanation, printed after the tables
 * @param files  the plots and data files written
 */
public record Report(String title, List<Table> tables, List<String> notes, List<Path> files) {

    /**
     * Copies the lists.
     *
     * @param title the example's title
     * @param tables the result tables
     * @param notes short lines of explanation, printed after the tables
     * @param files the plots and data files written
     */
    public Report {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        files = List.copyOf(files);
    }
}
