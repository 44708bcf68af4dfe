package vn.canhgac.commons.paging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * An opaque keyset cursor made of the sort key's parts (say, a name and an id), so that a list sorted by a
 * non-unique key still pages exactly. A cursor the API did not hand out is a 400 on {@code after}, also when it
 * is well-formed base64 whose parts are not what the list sorts by (a tampered id or timestamp): every part is
 * read through a typed accessor here, never parsed by the caller or cast by the database.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u0000';

    private Cursor() {}

    public static String encode(String... parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, or {@code null} for the first page. */
    public static Parts decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            if (decoded.length == parts) {
                return new Parts(decoded);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw tampered();
    }

    private static DomainProblem tampered() {
        return DomainProblem.invalidField("after", "bad-cursor");
    }

    /** The decoded parts, each read as the type the list sorts by; a part that does not parse is a bad cursor. */
    public static final class Parts {
        private final String[] parts;

        private Parts(String[] parts) {
            this.parts = parts;
        }

        public String text(int index) {
            return parts[index];
        }

        public UUID uuid(int index) {
            return read(index, UUID::fromString);
        }

        public LocalDate date(int index) {
            return read(index, LocalDate::parse);
        }

        public OffsetDateTime timestamp(int index) {
            return read(index, OffsetDateTime::parse);
        }

        private <T> T read(int index, Function<String, T> parser) {
            try {
                return parser.apply(parts[index]);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw tampered();
            }
        }
    }
}
