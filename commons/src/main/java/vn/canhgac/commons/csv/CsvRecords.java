package vn.canhgac.commons.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream: quoted fields may hold commas, doubled quotes and line
 * breaks; a record ends at CRLF, LF or CR. Never holds more than one record (at most {@value #MAX_RECORD_CHARS}
 * characters, twice while a quoted field is open).
 *
 * <p>A record that cannot be read is returned as such, with the line it starts on, and reading goes on:
 * <ul>
 *     <li>a quoted field that reaches the end of the stream without its closing quote
 *     ({@link Fault#UNTERMINATED_QUOTE}): the record is bad, and reading resumes at the line after the one where
 *     that quote opened, so that one stray quote costs one record, not the rest of the file;</li>
 *     <li>a record longer than {@value #MAX_RECORD_CHARS} characters ({@link Fault#RECORD_TOO_LONG}), most likely
 *     a quote that is closed far too late: bad, and reading resumes at the line after the open quote's (or, with
 *     no quote open, after the current line).</li>
 * </ul>
 */
public final class CsvRecords {

    /** The longest record read; a longer one is {@link Fault#RECORD_TOO_LONG}. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    /** Why a record could not be read. */
    public enum Fault {
        UNTERMINATED_QUOTE("csv-unterminated-quote"),
        RECORD_TOO_LONG("csv-record-too-long");

        private final String messageKey;

        Fault(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The message key (under {@code field.}) of this fault; its arguments are {@link Record#faultArguments()}. */
        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * A record: the line it starts on (1 is the first line of the stream), its fields; or, when {@code fault} is
     * set, no fields, the index of the field where the fault lies ({@code faultField}, -1 when none) and the line
     * where it lies ({@code faultLine}: where the unclosed quote opened).
     */
    public record Record(long line, List<String> fields, Fault fault, int faultField, long faultLine) {

        public boolean readable() {
            return fault == null;
        }

        /** The arguments of the fault's message: the line where it lies, then the longest record allowed. */
        public Object[] faultArguments() {
            return new Object[] {String.valueOf(faultLine), String.valueOf(MAX_RECORD_CHARS)};
        }
    }

    private static final int NONE = -2;

    private final Reader reader;
    private int pending = NONE;
    /** Text read once already, to be read again (what followed the line of an unclosed quote). */
    private String replay = "";

    private int replayAt;
    /** While a quoted field is open: everything read since its quote, to read again should it never close. */
    private final StringBuilder raw = new StringBuilder();

    private boolean recording;
    /** The line of the next character. */
    private long line = 1;

    public CsvRecords(Reader reader) {
        this.reader = reader;
    }

    /** The next record, readable or not, or null at the end of the stream. Blank lines are skipped. */
    public Record next() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        long start = line;
        long quoteLine = 0;
        int quoteField = -1;
        int length = 0;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    return unreadable(start, Fault.UNTERMINATED_QUOTE, quoteField, quoteLine, -1);
                }
                if (!any) {
                    return null;
                }
                fields.add(field.toString());
                return new Record(start, fields, null, -1, 0);
            }
            if (!any) {
                any = true;
                start = line;
            }
            if (++length > MAX_RECORD_CHARS) {
                return quoted
                        ? unreadable(start, Fault.RECORD_TOO_LONG, quoteField, quoteLine, c)
                        : unreadable(start, Fault.RECORD_TOO_LONG, fields.size(), line, c);
            }
            if (quoted) {
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        stopRecording();
                        unread(following);
                    }
                } else if (c == '\r') {
                    line++;
                    field.append('\r');
                    int following = read();
                    if (following == '\n') {
                        field.append('\n');
                    } else {
                        unread(following);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteLine = line;
                quoteField = fields.size();
                startRecording();
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                endOfLine(c);
                if (fields.isEmpty() && field.isEmpty()) {
                    any = false;
                    length = 0;
                    continue;
                }
                fields.add(field.toString());
                return new Record(start, fields, null, -1, 0);
            } else {
                field.append((char) c);
            }
        }
    }

    /**
     * A bad record; reading resumes at the line after the open quote's when one is open (what was read since is
     * read again), else after the current line. {@code current} is the last character read, -1 at the end.
     */
    private Record unreadable(long start, Fault fault, int faultField, long faultLine, int current) {
        boolean resumed = false;
        if (recording) {
            recording = false;
            int after = afterFirstLineBreak(raw);
            if (after >= 0) {
                if (after == raw.length() && raw.charAt(after - 1) == '\r') {
                    int following = read();
                    if (following != '\n') {
                        unread(following);
                    }
                }
                replay = raw.substring(after) + replay.substring(replayAt);
                replayAt = 0;
                line = faultLine + 1;
                resumed = true;
            }
            raw.setLength(0);
        }
        if (!resumed && current != -1) {
            skipLine(current);
        }
        return new Record(start, List.of(), fault, faultField, faultLine);
    }

    /** Reads to the end of the line that {@code current} belongs to (or ends). */
    private void skipLine(int current) {
        int c = current;
        while (c != '\r' && c != '\n') {
            if (c == -1) {
                return;
            }
            c = read();
        }
        endOfLine(c);
    }

    /** Counts a line break just read, CRLF as one. */
    private void endOfLine(int c) {
        line++;
        if (c == '\r') {
            int following = read();
            if (following != '\n') {
                unread(following);
            }
        }
    }

    private static int afterFirstLineBreak(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    private void startRecording() {
        raw.setLength(0);
        recording = true;
    }

    private void stopRecording() {
        recording = false;
        raw.setLength(0);
    }

    private int read() {
        if (pending != NONE) {
            int c = pending;
            pending = NONE;
            return c;
        }
        int c;
        if (replayAt < replay.length()) {
            c = replay.charAt(replayAt++);
            if (replayAt == replay.length()) {
                replay = "";
                replayAt = 0;
            }
        } else {
            try {
                c = reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (recording && c != -1) {
            raw.append((char) c);
        }
        return c;
    }

    private void unread(int c) {
        pending = c;
    }
}
