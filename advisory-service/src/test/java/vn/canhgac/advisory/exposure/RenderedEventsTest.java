package vn.canhgac.advisory.exposure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.commons.contracts.EventContracts;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.CloudEventsProducer;

/**
 * The matcher records its events without their data, and the relay reads each exposure's row as it sends the event
 * (decision record 17): an event sent after a later change carries that change, and one whose exposure is gone is
 * parked with its error, the events after it of the same exposure waiting with it.
 */
@QuarkusTest
class RenderedEventsTest {

    private static final String TOPIC = CloudEventsProducer.TOPIC_PREFIX + "advisory.exposures";
    private static final String UNIT = InventoryFeed.unique("RENDER");
    private static final String NET = InventoryFeed.randomNetwork24();
    private static final String RECORDED = """
            insert into outbox_event (event_id, topic, event_key, event_type, subject, rendered_by, occurred_at)
            values (gen_random_uuid(), $1, $2, $3, $2, 'exposure', now())""";

    private static InventoryFeed inventory;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void inventory() {
        inventory = new InventoryFeed();
        inventory.organization("UBND-KH", "/UBND-KH/", 0, List.of());
        inventory.organization("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, List.of());
        inventory.organization(UNIT, "/UBND-KH/STTTT-KH/" + UNIT + "/", 0, List.of(NET + "0/24"));
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void anEventSentAfterALaterChangeCarriesThatChange() throws Exception {
        InventoryFeed.awaitOrganization(UNIT);
        String list = Publishing.botnetList(NET + "77\n");
        String exposure = as("authority")
                .queryParam("botnetListId", list)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        ConsumerRecord<String, String> detection = CloudEventsConsumer.find(TOPIC, exposure, Duration.ofSeconds(30))
                .orElseThrow();
        JsonNode detected = data(detection);
        assertEquals(0, detected.path("version").asInt(), "the detection, rendered by the relay");
        Instant recordedAt = OffsetDateTime.parse(CloudEventsConsumer.header(detection, "ce_time"))
                .toInstant();
        assertEquals(
                recordedAt,
                Instant.parse(detected.path("statusChangedAt").asText()),
                "a step's status time is its event's (both its statement's), so that a consumer can tell a later"
                        + " step's data from its own");
        assertEquals(recordedAt, Instant.parse(detected.path("detectedAt").asText()));
        assertEquals(
                "OPEN",
                detected.path("status").asText(),
                "rendered as the contract's record: " + json.treeToValue(detected, ExposureEvent.class));

        // Recorded, and held back from the relay (parked a moment ago, it is not claimed for ten minutes) until the
        // exposure has changed again, in a transaction of its own; then let go.
        long recorded = query("""
                        insert into outbox_event (event_id, topic, event_key, event_type, subject, rendered_by,
                            occurred_at, parked_at)
                        values (gen_random_uuid(), $1, $2, $3, $2, 'exposure', now(), now()) returning id""", Tuple.of(TOPIC, exposure, EventContracts.EXPOSURE_STATUS_CHANGED.type()))
                .iterator()
                .next()
                .getLong(0);
        query(
                "update exposure set status = 'MITIGATED', status_changed_by = 'test', version = version + 1"
                        + " where id = $1::uuid",
                Tuple.of(exposure));
        query("update outbox_event set parked_at = null where id = $1", Tuple.of(recorded));

        ConsumerRecord<String, String> changed = CloudEventsConsumer.find(
                        TOPIC,
                        exposure,
                        value -> readTree(value).path("version").asInt() == 1,
                        Duration.ofSeconds(30))
                .orElseThrow();
        JsonNode later = data(changed);
        assertEquals("MITIGATED", later.path("status").asText(), "the row as it was when sent");
        assertEquals(EventContracts.EXPOSURE_STATUS_CHANGED.type(), CloudEventsConsumer.header(changed, "ce_type"));
    }

    /**
     * A person's step is recorded, with its data, by a statement after the one that made it: its event's time is not
     * before the data's {@code statusChangedAt}, which incident-service reads as the step's own data. The history's
     * line says the same instant as the row.
     */
    @Test
    void aPersonsStepIsRecordedNoEarlierThanItsDataSaysAndItsHistoryLineAtTheSameInstant() {
        InventoryFeed.awaitOrganization(UNIT);
        String list = Publishing.botnetList(NET + "78\n");
        String exposure = as("authority")
                .queryParam("botnetListId", list)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"status\":\"ACKNOWLEDGED\",\"note\":\"Đã nhận\"}")
                .post("/api/v1/exposures/" + exposure + "/status")
                .then()
                .statusCode(200);

        ConsumerRecord<String, String> step = CloudEventsConsumer.find(
                        TOPIC,
                        exposure,
                        value -> readTree(value).path("version").asInt() == 1,
                        Duration.ofSeconds(30))
                .orElseThrow();
        Instant changedAt = Instant.parse(data(step).path("statusChangedAt").asText());
        Instant recordedAt = OffsetDateTime.parse(CloudEventsConsumer.header(step, "ce_time"))
                .toInstant();
        assertFalse(recordedAt.isBefore(changedAt), recordedAt + " is before " + changedAt);
        List<String> history = as("khanhhoa-coordinator")
                .get("/api/v1/exposures/" + exposure)
                .then()
                .statusCode(200)
                .extract()
                .path("history.at");
        assertEquals(changedAt, OffsetDateTime.parse(history.getLast()).toInstant());
    }

    /**
     * A key the renderer's query cannot read (not an exposure's id) fails that query for good: its rows are parked
     * with the failure, and the batch's other events are sent. Run in the relay's transaction, the failed query had
     * rolled it back, and every event of the service waited behind it.
     */
    @Test
    void aKeyTheRendererCannotReadIsParkedWithTheFailureAndTheOtherEventsGoOn() {
        String unreadable = "not-an-exposure-" + UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        pool.withTransaction(c -> c.preparedQuery(RECORDED)
                        .execute(Tuple.of(TOPIC, unreadable, EventContracts.EXPOSURE_STATUS_CHANGED.type()))
                        .flatMap(first -> c.preparedQuery("""
                                        insert into outbox_event (event_id, topic, event_key, event_type, subject,
                                            payload, occurred_at)
                                        values (gen_random_uuid(), 'test.outbox-queue', $1, 'canhgac.test.v1', $1,
                                            '{"queued":true}', now())""").execute(Tuple.of(other))))
                .await()
                .atMost(Duration.ofSeconds(10));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0L, count("true", other)));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertEquals(1L, count("parked_at is not null", unreadable)));
            String error = query("select last_error from outbox_event where event_key = $1", Tuple.of(unreadable))
                    .iterator()
                    .next()
                    .getString(0);
            assertTrue(error.contains("its query failed"), error);
        } finally {
            query("delete from outbox_event where event_key = $1", Tuple.of(unreadable));
        }
    }

    @Test
    void anEventWhoseExposureIsGoneIsParkedAndTheNextOfItsExposureWaitsWithIt() {
        String gone = UUID.randomUUID().toString();
        String type = EventContracts.EXPOSURE_STATUS_CHANGED.type();
        pool.withTransaction(c -> c.preparedQuery(RECORDED)
                        .execute(Tuple.of(TOPIC, gone, type))
                        .flatMap(first -> c.preparedQuery(RECORDED).execute(Tuple.of(TOPIC, gone, type))))
                .await()
                .atMost(Duration.ofSeconds(10));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertEquals(1L, count("parked_at is not null", gone)));
            Row parked = query(
                            "select last_error from outbox_event where event_key = $1 and parked_at is not null",
                            Tuple.of(gone))
                    .iterator()
                    .next();
            assertTrue(
                    parked.getString("last_error").contains("renderer 'exposure' has no data"),
                    parked.getString("last_error"));
            assertEquals(1L, count("parked_at is null", gone), "the next event of the exposure waits behind it");
        } finally {
            query("delete from outbox_event where event_key = $1", Tuple.of(gone));
        }
    }

    private JsonNode data(ConsumerRecord<String, String> record) {
        return readTree(record.value());
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String condition, String key) {
        return query("select count(*) from outbox_event where event_key = $1 and " + condition, Tuple.of(key))
                .iterator()
                .next()
                .getLong(0);
    }

    private RowSet<Row> query(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().atMost(Duration.ofSeconds(10));
    }
}
