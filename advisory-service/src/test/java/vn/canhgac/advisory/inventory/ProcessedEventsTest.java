package vn.canhgac.advisory.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.events.ProcessedEvents;

/**
 * The consumers' processed markers are forgotten after their retention (two weeks by default), several chunks in one
 * run, and the younger ones stay.
 */
@QuarkusTest
class ProcessedEventsTest {

    @Inject
    Pool pool;

    @Inject
    ProcessedEvents processedEvents;

    @Test
    void markersOlderThanTheRetentionAreForgottenAndTheOthersStay() {
        String run = "retention-" + UUID.randomUUID() + "/";
        mark(run + "expired-", 25_000, 15);
        mark(run + "kept-", 3, 13);
        mark(run + "fresh-", 2, 0);

        long forgotten = processedEvents.forgetExpired().await().indefinitely();

        // 25,000 in chunks of 10,000: gone only if the run went on past the first chunks (the hourly run may take a
        // share meanwhile, so the count answered is not checked exactly).
        assertTrue(forgotten > 0, "expired markers forgotten");
        assertEquals(0, count(run + "expired-%"), "every expired marker forgotten, over several chunks");
        assertEquals(3, count(run + "kept-%"), "a marker younger than the retention stays");
        assertEquals(2, count(run + "fresh-%"));
    }

    private void mark(String prefix, int count, int daysAgo) {
        pool.preparedQuery("""
                        insert into processed_event (id, processed_at)
                        select $1 || g, now() - make_interval(days => $3) from generate_series(1, $2) g""")
                .execute(Tuple.of(prefix, count, daysAgo))
                .await()
                .indefinitely();
    }

    private long count(String pattern) {
        return pool.preparedQuery("select count(*) from processed_event where id like $1")
                .execute(Tuple.of(pattern))
                .map(rows -> rows.iterator().next().getLong(0))
                .await()
                .indefinitely();
    }
}
