package org.stochad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.examples.Report;
import org.stochad.examples.Table;

/** Prints reports as aligned tables, CSV or JSON. */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    /**
     * Prints reports in one format. Tables and notes go to {@code out}; in CSV mode the written
     * files are listed on {@code err}, so standard output stays pure CSV.
     *
     * @param reports the reports
     * @param format  the format
     * @param out     standard output
     * @param err     standard error
     */
    public static void print(List<Report> reports, OutputFormat format, PrintWriter out, PrintWriter err) {
        switch (format) {
            case TABLE -> reports.forEach(r -> printTable(r, out));
            case CSV -> reports.forEach(r -> printCsv(r, out, err));
            case JSON -> out.println(json(reports));
            default -> throw new IllegalArgumentException("format = " + format);
        }
        out.flush();
        err.flush();
    }

    // ------------------------------------------------------------------ table

    private static void printTable(Report r, PrintWriter out) {
        out.println("== " + r.title() + " ==");
        for (Table t : r.tables()) {
            out.println();
            out.print(aligned(t));
        }
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(n -> out.println("  " + n));
        }
        for (Path p : r.files()) {
            out.println("  wrote " + p);
        }
        out.println();
    }

    /**
     * @param t a table
     * @return the table as aligned text with a title line and a rule under the header
     */
    public static String aligned(Table t) {
        int cols = t.columns().size();
        List<String[]> cells = new ArrayList<>();
        cells.add(t.columns().toArray(new String[0]));
        boolean[] numeric = new boolean[cols];
        java.util.Arrays.fill(numeric, true);
        for (List<Object> row : t.rows()) {
            String[] s = new String[cols];
            for (int c = 0; c < cols; c++) {
                Object v = row.get(c);
                s[c] = text(v);
                numeric[c] &= v instanceof Number;
            }
            cells.add(s);
        }
        int[] width = new int[cols];
        for (String[] s : cells) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], s[c].codePointCount(0, s[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder(t.title()).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            String[] s = cells.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                int pad = width[c] - s[c].codePointCount(0, s[c].length());
                if (c > 0) {
                    line.append("  ");
                }
                if (numeric[c]) {
                    line.append(" ".repeat(pad)).append(s[c]);
                } else {
                    line.append(s[c]).append(" ".repeat(pad));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                sb.append("-".repeat(total + 2 * (cols - 1))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-4 || a >= 1e7)) {
                return String.format(Locale.ROOT, "%.4e", d);
            }
            String t = String.format(Locale.ROOT, "%.6g", d);
            if (t.indexOf('.') >= 0 && t.indexOf('e') < 0) {
                t = t.replaceAll("0+$", "");
                t = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
            }
            return t;
        }
        return String.valueOf(v);
    }

    // ------------------------------------------------------------------ CSV

    private static void printCsv(Report r, PrintWriter out, PrintWriter err) {
        for (Table t : r.tables()) {
            out.println("# " + r.title() + ": " + t.title());
            out.println(String.join(",", t.columns().stream().map(ReportPrinter::csvCell).toList()));
            for (List<Object> row : t.rows()) {
                out.println(String.join(",", row.stream().map(ReportPrinter::csvCell).toList()));
            }
            out.println();
        }
        for (Path p : r.files()) {
            err.println("wrote " + p);
        }
    }

    private static String csvCell(Object v) {
        if (v instanceof Number n) {
            return n instanceof Double d && d.isNaN() ? "" : String.valueOf(n);
        }
        String s = String.valueOf(v);
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    // ------------------------------------------------------------------ JSON

    /**
     * @param reports reports
     * @return them as one JSON document
     */
    public static String json(List<Report> reports) {
        StringBuilder sb = new StringBuilder("{\"reports\":[");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"title\":").append(quote(r.title())).append(",\"tables\":[");
            for (int k = 0; k < r.tables().size(); k++) {
                Table t = r.tables().get(k);
                sb.append(k == 0 ? "" : ",").append("{\"title\":").append(quote(t.title())).append(",\"rows\":[");
                for (int j = 0; j < t.rows().size(); j++) {
                    sb.append(j == 0 ? "" : ",").append('{');
                    List<Object> row = t.rows().get(j);
                    for (int c = 0; c < row.size(); c++) {
                        sb.append(c == 0 ? "" : ",").append(quote(t.columns().get(c))).append(':')
                                .append(jsonValue(row.get(c)));
                    }
                    sb.append('}');
                }
                sb.append("]}");
            }
            sb.append("],\"notes\":[");
            sb.append(String.join(",", r.notes().stream().map(ReportPrinter::quote).toList()));
            sb.append("],\"files\":[");
            sb.append(String.join(",", r.files().stream().map(p -> quote(p.toString())).toList()));
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    private static String jsonValue(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : d.toString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return quote(String.valueOf(v));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
