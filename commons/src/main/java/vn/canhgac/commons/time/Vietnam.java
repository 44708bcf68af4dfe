package vn.canhgac.commons.time;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone whose calendar the platform's dates follow: a list issued "today", a due date, a duty day are days
 * in Vietnam, whatever zone a server or a caller runs in.
 */
public final class Vietnam {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
