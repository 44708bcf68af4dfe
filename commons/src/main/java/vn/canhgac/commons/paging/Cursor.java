package vn.canhgac.commons.paging;

import vn.canhgac.commons.problem.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor made of the sort key's parts (say, a name and an id), so that a list sorted by a
 * non-unique key still pages exactly. A cursor the API did not hand out is a 400 on {@code after}.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u0000';

    private Cursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, or {@code null} for the first page. */
    public static String[] decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            if (decoded.length == parts) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw DomainProblem.invalidField("after", "bad-cursor");
    }
}
