package vn.canhgac.commons.csv;

import java.time.LocalDate;
import java.util.List;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * A CSV document for people to open in a spreadsheet (RFC 4180, CRLF): UTF-8 with a byte-order mark, so that
 * spreadsheets read Vietnamese, and no cell a spreadsheet would run as a formula.
 */
public final class CsvDocument {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final StringBuilder text = new StringBuilder("\uFEFF");

    private CsvDocument() {}

    public static CsvDocument withHeader(List<String> columns) {
        CsvDocument document = new CsvDocument();
        document.row(columns);
        return document;
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

    /** The rows of an export, refused (422 export-too-large) when there are more than one file holds. */
    public static <T> List<T> atMost(int limit, List<T> rows) {
        if (rows.size() > limit) {
            throw DomainProblem.unprocessable("export-too-large", limit);
        }
        return rows;
    }

    /** A Content-Disposition that saves the file as {@code <name>-<day>.csv}. */
    public static String attachment(String name, LocalDate day) {
        return "attachment; filename=\"" + name + "-" + day + ".csv\"";
    }

    public String text() {
        return text.toString();
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
        // quote it and prefix an apostrophe.
        boolean formula = "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + (formula ? "'" : "") + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
