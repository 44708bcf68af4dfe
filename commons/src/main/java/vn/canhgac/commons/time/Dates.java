package vn.canhgac.commons.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.canhgac.commons.problem.DomainProblem;

/** Calendar days that callers send as text (query parameters): ISO-8601, {@code yyyy-MM-dd}. */
public final class Dates {

    private Dates() {}

    /** The day, or null when none is given; a bad one is a 400 naming the field. */
    public static LocalDate parameter(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainProblem.invalidField(field, "bad-date", text);
        }
    }
}
