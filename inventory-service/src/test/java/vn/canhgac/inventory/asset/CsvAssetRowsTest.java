package vn.canhgac.inventory.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.problem.ProblemMessages;

/** Reading the rows of an asset CSV, without the database: what becomes an error of which row and column. */
class CsvAssetRowsTest {

    private static final String HEADER = "organization,external_id,hostname,kind,addresses\n";

    private static List<ImportRow> read(String csv) {
        List<ImportRow> rows = new ArrayList<>();
        new CsvAssetRows(new StringReader(csv)).forEachRemaining(rows::add);
        return rows;
    }

    private static String message(Violation violation) {
        return ProblemMessages.text(Locale.ENGLISH, "field." + violation.messageKey(), violation.args());
    }

    @Test
    void anUnterminatedQuoteIsAnErrorOfItsRowAndTheRowsAfterItAreRead() {
        List<ImportRow> rows = read(HEADER
                + "UBND-CAMRANH,CR-1,portal,server,203.162.10.21\n"
                + "UBND-CAMRANH,CR-2,\"mail,server,203.162.10.25\n"
                + "UBND-CAMRANH,CR-3,edge-lb,appliance,203.162.10.2\n"
                + "UBND-CAMRANH,CR-4,motcua,server,203.162.10.30\n");
        assertEquals(4, rows.size());
        assertEquals("portal", rows.get(0).input().hostname());
        ImportRow bad = rows.get(1);
        assertEquals(2, bad.number());
        assertNull(bad.input());
        assertEquals(1, bad.unreadable().size());
        Violation violation = bad.unreadable().getFirst();
        assertEquals("hostname", violation.field());
        assertEquals("csv-unterminated-quote", violation.messageKey());
        assertTrue(message(violation).contains("line 3"), message(violation));
        assertTrue(ProblemMessages.text(ProblemMessages.VIETNAMESE, "field.csv-unterminated-quote", violation.args())
                .contains("dòng 3"));
        assertEquals(
                List.of("edge-lb", "motcua"),
                rows.subList(2, 4).stream().map(r -> r.input().hostname()).toList());
        assertEquals(
                List.of(3L, 4L),
                rows.subList(2, 4).stream().map(ImportRow::number).toList());
        assertTrue(rows.get(2).unreadable().isEmpty());
    }

    @Test
    void anUnterminatedQuoteInTheLastRowSpoilsThatRowOnly() {
        List<ImportRow> rows = read(HEADER + "A,1,one,server,\n" + "A,2,two,server,\"203.162.10.25");
        assertEquals(2, rows.size());
        assertTrue(rows.getFirst().unreadable().isEmpty());
        assertEquals("addresses", rows.getLast().unreadable().getFirst().field());
    }

    @Test
    void aNulOrALoneSurrogateMakesItsRowBadNamingTheColumn() {
        List<ImportRow> rows =
                read(HEADER + "A,1,host\u0000name,server,\n" + "A,2,two,\"ser\uD800ver\",\n" + "A,3,three,server,\n");
        assertEquals(
                List.of("hostname"),
                rows.get(0).unreadable().stream().map(Violation::field).toList());
        assertEquals("bad-characters", rows.get(0).unreadable().getFirst().messageKey());
        assertEquals(
                List.of("kind"),
                rows.get(1).unreadable().stream().map(Violation::field).toList());
        assertTrue(rows.get(2).unreadable().isEmpty());
        assertEquals("three", rows.get(2).input().hostname());
    }

    @Test
    void aQuotedFieldMaySpanLinesAndAHeaderThatNeverEndsIsRefused() {
        List<ImportRow> rows = read(
                "organization,hostname,products\nA,multi,\"F5|BIG-IP|16.1.4;\nNginx|nginx|1.24.0\"\n" + "A,next,\n");
        assertEquals(2, rows.getFirst().input().products().size());
        assertEquals("next", rows.getLast().input().hostname());
        DomainProblem problem = assertThrows(DomainProblem.class, () -> read("organization,\"hostname\n"));
        assertEquals("invalid-request", problem.kind());
    }
}
