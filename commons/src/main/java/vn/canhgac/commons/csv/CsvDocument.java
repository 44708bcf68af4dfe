package vn.canhgac.commons.csv;

import java.time.LocalDate;
import java.util.List;

/**
 * A CSV document for people to open in a spreadsheet (RFC 4180, CRLF): UTF-8 with a byte-order mark, so that
 * spreadsheets read Vietnamese, and no cell a spreadsheet would run as a formula.
 */
public final class CsvDocument {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final String FORMULA_START = "=+-@\t\r";

    private final StringBuilder text;

    private CsvDocument(String start) {
        text = new StringBuilder(start);
    }

    /** The start of a file: its byte-order mark and its header. */
    public static CsvDocument withHeader(List<String> columns) {
        return new CsvDocument("\uFEFF").row(columns);
    }

    /** Records that follow a header already written, in a file sent piece by piece. */
    public static CsvDocument continued() {
        return new CsvDocument("");
    }

    /** One record; a null value is an empty cell. */
    public CsvDocument row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(values.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /** A Content-Disposition that saves the file as {@code <name>-<day>.csv}. */
    public static String attachment(String name, LocalDate day) {
        return "attachment; filename=\"" + name + "-" + day + ".csv\"";
    }

    public String text() {
        return text.toString();
    }

    /**
     * A cell as it was before {@link #cell} guarded it: an apostrophe before a character that starts a formula is
     * dropped, so that a file exported here and edited in a spreadsheet imports the values it was written from.
     */
    public static String unguarded(String value) {
        return value != null && looksGuarded(value) ? value.substring(1) : value;
    }

    /** Apostrophes, then a character that starts a formula: what {@link #cell} writes for a formula. */
    private static boolean looksGuarded(String value) {
        int first = 0;
        while (first < value.length() && value.charAt(first) == '\'') {
            first++;
        }
        return first > 0 && first < value.length() && FORMULA_START.indexOf(value.charAt(first)) >= 0;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return text;
        }
        // A leading = + - @ (or a tab or carriage return before one) would run as a formula in a spreadsheet:
        // quote it and prefix an apostrophe. A value that already reads as a guarded one gets its own apostrophe
        // too, so that unguarded() gives back exactly what was written.
        boolean formula = FORMULA_START.indexOf(text.charAt(0)) >= 0 || looksGuarded(text);
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + (formula ? "'" : "") + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
