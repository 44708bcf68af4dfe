package vn.canhgac.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.problem.DomainProblem;

class CursorTest {

    private static final UUID ID = UUID.fromString("0190b4f2-5a2c-7cc4-9a11-3f2a1b0c9d8e");

    @Test
    void aCursorHandedOutReadsBackAsItsTypes() {
        Cursor.Parts parts = Cursor.decode(Cursor.encode("2024-01-31", ID.toString()), 2);
        assertEquals(LocalDate.of(2024, 1, 31), parts.date(0));
        assertEquals(ID, parts.uuid(1));
        assertEquals(
                OffsetDateTime.parse("2024-02-10T01:55:00Z"),
                Cursor.decode(Cursor.encode("2024-02-10T01:55Z", "x"), 2).timestamp(0));
        assertNull(Cursor.decode(" ", 2));
    }

    @Test
    void aWellFormedCursorWithTamperedPartsIsABadRequestNotAFailure() {
        Cursor.Parts tampered = Cursor.decode(Cursor.encode("not-a-date", "not-a-uuid"), 2);
        assertBadCursor(() -> tampered.date(0));
        assertBadCursor(() -> tampered.timestamp(0));
        assertBadCursor(() -> tampered.uuid(1));
        assertBadCursor(() -> Cursor.decode(Cursor.encode("only-one"), 2));
        assertBadCursor(() -> Cursor.decode("%%%", 2));
    }

    private static void assertBadCursor(Runnable read) {
        DomainProblem problem = assertThrows(DomainProblem.class, read::run);
        assertEquals(400, problem.status());
    }
}
