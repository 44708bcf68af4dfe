package vn.canhgac.inventory.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.outbox.OutboxRelay;
import vn.canhgac.commons.sql.QueueOrder;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.CloudEventsProducer;

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

    /**
     * A row the broker refuses for good (here a topic name it cannot have; in life a record over its size limit) is
     * parked with its error after its first try. It used to be claimed first at every tick and stop each drain at its
     * batch, so a backlog behind it went out one batch a second; the rows after it now go on, and it waits for its
     * next try ({@code canhgac.outbox.parked-retry}) without being claimed.
     */
    @Test
    void aRowTheBrokerRefusesForGoodIsParkedWithItsErrorAndTheRowsAfterItGoOn() {
        String refused = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        query(INSERT, UUID.randomUUID(), "not a topic!", refused);
        query(INSERT, UUID.randomUUID(), TOPIC, after);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0L, rowsOf(after)));
            query(INSERT, UUID.randomUUID(), TOPIC, later);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0L, rowsOf(later)));

            Row parked = query(
                            "select attempts, last_error, parked_at is not null as parked from outbox_event"
                                    + " where event_key = $1",
                            refused)
                    .iterator()
                    .next();
            assertTrue(parked.getBoolean("parked"), "parked");
            assertEquals(1, parked.getInteger("attempts"), "tried once, not at every tick since");
            assertTrue(parked.getString("last_error").contains("not a topic!"), parked.getString("last_error"));
        } finally {
            query("delete from outbox_event where event_key = $1", refused);
        }
    }

    /**
     * A record over its topic's size limit (a broker left at Kafka's 1 MB) is parked, and the rows after it with the
     * same key wait with it, in its batch and after: sent before it, a newer state would be followed on its
     * compacted topic by the older one, which the topic would keep. Rows of other keys go on.
     */
    @Test
    void theRowsAfterAParkedOneWithItsKeyWaitWithIt() throws Exception {
        String topic = "test.outbox-small-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CloudEventsProducer.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048576"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            pool.withTransaction(c -> c.preparedQuery(
                                    "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload,"
                                            + " occurred_at) values (gen_random_uuid(), $1, $2, 'canhgac.test.v1', $2,"
                                            + " json_build_object('blob', repeat('x', 2 * 1024 * 1024)), now())")
                            .execute(Tuple.of(topic, key))
                            .flatMap(
                                    ignored -> c.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), topic, key)))
                            .flatMap(ignored ->
                                    c.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), topic, other))))
                    .await()
                    .indefinitely();
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0L, rowsOf(other)));
                assertEquals(
                        List.of(true, false),
                        query(
                                        "select parked_at is not null as parked from outbox_event where event_key = $1"
                                                + " order by id",
                                        key)
                                .stream()
                                .map(row -> row.getBoolean("parked"))
                                .toList(),
                        "the large row parked, the next of its key unsent");
            } finally {
                query("delete from outbox_event where event_key = $1", key);
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Events of megabytes (an asset's, with its SBOM) waiting in the outbox go out a few at a time, as many as fit
     * {@code canhgac.outbox.batch-bytes} (16 MB): 500 of them at once would not fit the service's heap. Here three of
     * 7 MB each, which take two batches, and the small row behind them.
     */
    @Test
    void eventsOfMegabytesGoOutAsManyAtOnceAsFitTheBatchsBytes() {
        String large = UUID.randomUUID().toString();
        String behind = UUID.randomUUID().toString();
        query(
                "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)"
                        + " select gen_random_uuid(), $1, $2, 'canhgac.test.v1', $2,"
                        + " json_build_object('blob', repeat('x', 7 * 1024 * 1024)), now() from generate_series(1, 3)",
                TOPIC,
                large);
        query(INSERT, UUID.randomUUID(), TOPIC, behind);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0L, rowsOf(large) + rowsOf(behind)));
        assertTrue(
                CloudEventsConsumer.find(TOPIC, behind, Duration.ofSeconds(30)).isPresent(), "the small one too");
    }

    /**
     * A row whose transaction took its id before a burst and committed after the burst was sent still goes out: every
     * claim starts from the first pending row (a claim that went on after the last id claimed would have left it).
     */
    @Test
    void aRowCommittedAfterADrainWentPastItsIdIsStillSent() {
        String late = UUID.randomUUID().toString();
        String burst = UUID.randomUUID().toString();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            connection
                    .preparedQuery(INSERT)
                    .execute(Tuple.of(UUID.randomUUID(), TOPIC, late))
                    .await()
                    .indefinitely();
            query(
                    "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)"
                            + " select gen_random_uuid(), $1, $2, 'canhgac.test.v1', $2, '{}', now()"
                            + " from generate_series(1, 1200)",
                    TOPIC,
                    burst);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0L, rowsOf(burst)));
            transaction.commit().await().indefinitely();
        } finally {
            connection.close().await().indefinitely();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0L, rowsOf(late)));
    }

    /**
     * A burst waiting in an outbox whose statistics say it is empty is claimed through an index, not by sorting the
     * whole table for every batch. A relay's connection plans its claim once, mostly while the outbox is empty (as
     * it is between bursts), and keeps that plan.
     */
    @Test
    void aClaimReadsThroughAnIndexWhateverTheStatisticsSaid() {
        List<String> plans = plansWithoutAndWithQueueOrder(OutboxRelay.CLAIM, "(500, 600)");

        assertTrue(plans.getFirst().contains("Sort"), "the plan this guards against: " + plans.getFirst());
        assertTrue(plans.getLast().contains("Index Scan") && !plans.getLast().contains("Sort"), plans.getLast());
    }

    /** The claimed rows are read by their ids through the primary key, not by a scan of the outbox. */
    @Test
    void theClaimedRowsAreReadThroughAnIndexWhateverTheStatisticsSaid() {
        List<String> plans = plansWithoutAndWithQueueOrder(OutboxRelay.LOAD, "('{1,2,3}')");

        assertTrue(plans.getFirst().contains("Seq Scan"), "the plan this guards against: " + plans.getFirst());
        assertTrue(plans.getLast().contains("Index Scan") && !plans.getLast().contains("Seq Scan"), plans.getLast());
    }

    /** The same for the deletion of the rows sent: it read the whole outbox, 220 ms for each batch of an import. */
    @Test
    void theRowsSentAreDeletedThroughAnIndexWhateverTheStatisticsSaid() {
        List<String> plans = plansWithoutAndWithQueueOrder(OutboxRelay.SENT, "('{1,2,3}')");

        assertTrue(plans.getFirst().contains("Seq Scan"), "the plan this guards against: " + plans.getFirst());
        assertTrue(plans.getLast().contains("Index Scan") && !plans.getLast().contains("Seq Scan"), plans.getLast());
    }

    /**
     * The generic plans of a relay's statement, without and with {@link QueueOrder}, both made while the outbox was
     * empty and read again with 20,000 rows waiting. A temporary copy of the table stands in for it, so that its
     * statistics can be made to say it is empty while the plans are made.
     */
    private List<String> plansWithoutAndWithQueueOrder(String statement, String arguments) {
        String probed = statement.replace("from outbox_event", "from queue_probe");
        return pool.withConnection(connection -> connection
                        .query("create temp table queue_probe (like public.outbox_event including all)")
                        .execute()
                        .flatMap(ignored ->
                                connection.query("vacuum queue_probe").execute())
                        .flatMap(ignored ->
                                connection.query("prepare plain as " + probed).execute())
                        .flatMap(ignored ->
                                connection.query("prepare indexed as " + probed).execute())
                        .flatMap(ignored -> planOf(connection, "plain" + arguments, false))
                        .flatMap(ignored -> planOf(connection, "indexed" + arguments, true))
                        .flatMap(ignored -> connection
                                .query("insert into queue_probe (event_id, topic, event_key, event_type, payload,"
                                        + " occurred_at) select gen_random_uuid(), 't', 'k', 'e', '{}', now()"
                                        + " from generate_series(1, 20000)")
                                .execute())
                        .flatMap(ignored -> planOf(connection, "plain" + arguments, false))
                        .flatMap(plain ->
                                planOf(connection, "indexed" + arguments, true).map(indexed -> List.of(plain, indexed)))
                        // Only what the test made, whatever happened: the pool's own statements stay.
                        .eventually(() -> quietly(connection, "deallocate plain")
                                .flatMap(ignored -> quietly(connection, "deallocate indexed"))
                                .flatMap(ignored -> quietly(connection, "drop table if exists queue_probe"))))
                .await()
                .indefinitely();
    }

    private static Uni<Void> quietly(SqlConnection connection, String cleanup) {
        return connection.query(cleanup).execute().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** The generic plan of a prepared statement, made (the first time) and kept as a relay's connection does. */
    private static Uni<String> planOf(SqlConnection connection, String execution, boolean inQueueOrder) {
        return connection
                .begin()
                .flatMap(transaction -> connection
                        .query("set local plan_cache_mode = force_generic_plan")
                        .execute()
                        .flatMap(ignored -> inQueueOrder
                                ? QueueOrder.readThroughTheIndex(connection)
                                : Uni.createFrom().voidItem())
                        .flatMap(ignored ->
                                connection.query("explain execute " + execution).execute())
                        .map(rows -> {
                            StringBuilder text = new StringBuilder();
                            rows.forEach(row -> text.append(row.getString(0)).append('\n'));
                            return text.toString();
                        })
                        .call(transaction::rollback));
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
