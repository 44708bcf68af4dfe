package vn.canhgac.inventory.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.CloudEventsConsumer;

/**
 * The outbox is a queue, not an archive: a row leaves it once the broker has its event (the topic keeps it), and not
 * before.
 */
@QuarkusTest
class OutboxQueueTest {

    private static final String TOPIC = "test.outbox-queue";
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
            values ($1, $2, $3, 'canhgac.test.v1', $3, '{"queued":true}', now())""";

    @Inject
    Pool pool;

    @Test
    void aRowIsDeletedOnceItsEventIsOnTheTopic() {
        String key = UUID.randomUUID().toString();
        query(INSERT, UUID.randomUUID(), TOPIC, key);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0L, rowsOf(key)));
        assertTrue(
                CloudEventsConsumer.find(TOPIC, key, Duration.ofSeconds(30)).isPresent(), "the event is on the topic");
    }

    @Test
    void aRowTheBrokerRefusesStaysWithItsErrorUntilItIsSent() {
        String key = UUID.randomUUID().toString();
        query(INSERT, UUID.randomUUID(), "not a topic!", key);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(
                            query(
                                            "select attempts > 0 and last_error is not null from outbox_event"
                                                    + " where event_key = $1",
                                            key)
                                    .iterator()
                                    .next()
                                    .getBoolean(0),
                            "kept, with its attempts and error"));
        } finally {
            query("delete from outbox_event where event_key = $1", key);
        }
    }

    private long rowsOf(String key) {
        return query("select count(*) from outbox_event where event_key = $1", key)
                .iterator()
                .next()
                .getLong(0);
    }

    private RowSet<Row> query(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
    }
}
