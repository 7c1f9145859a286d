package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code stochad} program in-process with captured output, for the command tests. */
final class Cli {

    private Cli() {
    }

    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isBlank() ? List.of() : Arrays.asList(err.strip().split("\\R"));
        }

        /** @param title a CSV block's table-title prefix @return that block's data rows, split on commas */
        List<String[]> csvRows(String title) {
            List<String[]> rows = new ArrayList<>();
            boolean in = false;
            boolean header = false;
            for (String line : out.split("\\R")) {
                if (line.startsWith("# ")) {
                    in = line.contains(title);
                    header = in;
                    continue;
                }
                if (!in || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(csvSplit(line));
            }
            return rows;
        }
    }

    /** @param line one CSV line @return its cells, with quoted cells unquoted */
    static String[] csvSplit(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }

    static Run run(String... args) {
        CommandLine cl = Stochad.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** @return the arguments with progress bars off and output into {@code out} */
    static String[] quiet(Path out, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--no-progress", "--out", out.toString()));
        return a.toArray(new String[0]);
    }

    static Run ok(Run r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    static void assertUserError(Run r, String fragment) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
