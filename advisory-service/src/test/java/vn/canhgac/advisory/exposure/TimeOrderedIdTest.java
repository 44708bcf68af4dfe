package vn.canhgac.advisory.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database's {@code time_ordered_id()} (commons' migrations), with which the matcher names new exposures,
 * makes the ids {@code TimeOrderedIds} makes in Java: UUID version 7, the current Unix milliseconds in the first 48
 * bits, so that ids made one after the other sort one after the other.
 */
@QuarkusTest
class TimeOrderedIdTest {

    @Inject
    Pool pool;

    @Test
    void idsAreVersionSevenAndSortInTheOrderTheyWereMade() {
        long before = System.currentTimeMillis();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // A millisecond apart at least: within one, the order of the random bits is not the order of the calls.
            Row row = pool.query("select time_ordered_id() as id, pg_sleep(0.002)")
                    .execute()
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            ids.add(row.getUUID("id"));
        }
        long after = System.currentTimeMillis();
        for (UUID id : ids) {
            assertEquals(7, id.version(), id.toString());
            assertEquals(2, id.variant(), id.toString());
            long millis = id.getMostSignificantBits() >>> 16;
            assertTrue(millis >= before - 1_000 && millis <= after + 1_000, "the time of " + id);
        }
        assertTrue(
                ids.get(0).compareTo(ids.get(1)) < 0 && ids.get(1).compareTo(ids.get(2)) < 0,
                "in the order they were made: " + ids);
    }
}
