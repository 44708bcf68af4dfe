package vn.canhgac.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A record's CloudEvent, read from its ce_ headers in one pass; its time read only when asked, once per time. */
class ReceivedEventTest {

    @Test
    void theEnvelopeComesFromTheHeadersTheLastOfANameWinning() {
        KafkaRecord<String, String> record = KafkaRecord.of("k", "{\"a\":1}")
                .withHeader("ce_id", "first")
                .withHeader("traceparent", "00-abc")
                .withHeader("ce_type", "canhgac.exposure.detected.v1")
                .withHeader("ce_subject", "x1")
                .withHeader("ce_source", "/advisory-service")
                .withHeader("ce_time", "2026-12-01T19:20:00.123456Z")
                .withHeader("ce_id", "e1");

        ReceivedEvent event = BatchConsumer.received(record);

        assertEquals(
                new ReceivedEvent(
                        "e1",
                        "canhgac.exposure.detected.v1",
                        "x1",
                        "/advisory-service",
                        "{\"a\":1}",
                        "2026-12-01T19:20:00.123456Z"),
                event);
        assertEquals(Instant.parse("2026-12-01T19:20:00.123456Z"), event.time());
    }

    @Test
    void anIncomingRecordIsReadFromItsConsumerRecord() {
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>("advisory.exposures", 0, 42L, "k", "{}");
        consumed.headers()
                .add("ce_id", bytes("e1"))
                .add("ce_type", bytes("t"))
                .add("ce_time", bytes("2026-12-01T00:00Z"));

        ReceivedEvent event =
                BatchConsumer.received(new IncomingKafkaRecord<>(consumed, "exposures", 0, null, null, false, false));

        assertEquals(new ReceivedEvent("e1", "t", null, null, "{}", "2026-12-01T00:00Z"), event);
    }

    @Test
    void aRecordWithoutIdTypeOrDataIsNoCloudEvent() {
        assertNull(BatchConsumer.received(KafkaRecord.of("k", "{}").withHeader("ce_type", "t")));
        assertNull(BatchConsumer.received(KafkaRecord.of("k", "{}").withHeader("ce_id", "e1")));
        assertNull(BatchConsumer.received(KafkaRecord.<String, String>of("k", null)
                .withHeader("ce_id", "e1")
                .withHeader("ce_type", "t")));
    }

    @Test
    void aTimeWithAnOffsetIsReadAndAnUnreadableOneIsNone() {
        assertEquals(
                Instant.parse("2026-12-01T12:20:00Z"),
                event("2026-12-01T19:20:00+07:00").time());
        assertNull(event("yesterday").time());
        assertNull(event(null).time());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ReceivedEvent event(String time) {
        return new ReceivedEvent("e1", "t", null, "/tests", "{}", time);
    }
}
