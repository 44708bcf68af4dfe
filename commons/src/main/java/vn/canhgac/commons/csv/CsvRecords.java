package vn.canhgac.commons.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream: quoted fields may hold commas, doubled quotes and line
 * breaks; a record ends at CRLF or LF. Never holds more than one record.
 */
public final class CsvRecords {

    private final Reader reader;
    private int pending = -2;

    public CsvRecords(Reader reader) {
        this.reader = reader;
    }

    /** The next record's fields, or null at the end of the stream. Blank lines are skipped. */
    public List<String> next() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (!any) {
                    return null;
                }
                fields.add(field.toString());
                return fields;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(following);
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        unread(following);
                    }
                }
                if (fields.isEmpty() && field.isEmpty()) {
                    any = false;
                    continue;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        try {
            return reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pending = c;
    }
}
