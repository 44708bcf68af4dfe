package vn.canhgac.commons.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void givenFiltersBecomeNumberedParametersAfterTheFixedOnes() {
        Conditions where = Conditions.on(Tuple.of("/UBND-KH/%"), "i.org_path like $1")
                .whenPresent("HIGH", "i.severity = ?")
                .whenPresent(null, "i.status = ?")
                .whenPresent("  ", "i.search_text like ?")
                .whenPresent("/UBND-KH/STTTT-KH/%", "(i.reporting_path like ? or a.org_path like ?)")
                .when(true, "i.resolution_due < now()")
                .when(false, "i.first_response_due < now()");
        assertEquals(
                " where i.org_path like $1 and i.severity = $2 and (i.reporting_path like $3 or a.org_path like $4)"
                        + " and i.resolution_due < now()",
                where.clause());
        assertEquals(4, where.params().size());
        assertEquals("$5", where.bind(51));
    }

    @Test
    void aValueNeverEntersTheSqlText() {
        Conditions where = Conditions.on(Tuple.tuple()).whenPresent("x' or '1'='1", "hostname = ?");
        assertEquals(" where hostname = $1", where.clause());
        assertEquals("x' or '1'='1", where.params().getString(0));
    }

    @Test
    void marksAndValuesMustAgree() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Conditions.on(Tuple.tuple()).and("a = ? and b = ?", 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> Conditions.on(Tuple.tuple()).and("a = ?", 1, 2));
        assertEquals("", Conditions.on(Tuple.tuple()).clause());
    }
}
