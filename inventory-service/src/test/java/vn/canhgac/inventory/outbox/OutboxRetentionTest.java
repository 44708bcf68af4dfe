package vn.canhgac.inventory.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.outbox.OutboxRelay;

/** The outbox is a queue, not an archive: published rows go after the retention (7 days), pending ones never. */
@QuarkusTest
class OutboxRetentionTest {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at, published_at)
            values ($1, 'test.retention', $2, 'canhgac.test.v1', $2, '{}', now() - $3::int * interval '1 day',
                    now() - $4::int * interval '1 day')""";

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Test
    void publishedRowsOlderThanTheRetentionAreDeletedAndNothingElse() throws Throwable {
        String run = UUID.randomUUID().toString();
        insert(run, 9, 8);
        insert(run, 2, 1);
        VertxContextSupport.subscribeAndAwait(relay::purge);
        assertEquals(
                1L,
                pool.preparedQuery("select count(*) from outbox_event where event_key = $1")
                        .execute(Tuple.of(run))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getLong(0));
        assertEquals(
                1L,
                pool.preparedQuery(
                                "select count(*) from outbox_event where event_key = $1 and published_at > now() - interval '2 days'")
                        .execute(Tuple.of(run))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getLong(0));
    }

    private void insert(String key, int daysAgo, int publishedDaysAgo) {
        pool.preparedQuery(INSERT)
                .execute(Tuple.of(UUID.randomUUID(), key, daysAgo, publishedDaysAgo))
                .await()
                .indefinitely();
    }
}
