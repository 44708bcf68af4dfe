package vn.canhgac.commons.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.canhgac.commons.contracts.EventContract;

/** Publishes CloudEvents in binary mode to the real broker, as another service's outbox relay would. */
public final class CloudEventsProducer implements AutoCloseable {

    /** The integration tests' environment prefix ({@code canhgac.topics.prefix} in their profile). */
    public static final String TOPIC_PREFIX = "test.";

    private final KafkaProducer<String, String> producer;

    public CloudEventsProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    public static String bootstrapServers() {
        return System.getProperty(
                "kafka.bootstrap.servers", System.getenv().getOrDefault("CANHGAC_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
    }

    /** Sends to partition 0, so that a test can order events of different keys and wait for the last one. */
    public void send(String topic, String key, String id, String type, String json) {
        send(topic, key, id, type, json, Instant.now());
    }

    /** The same, recorded by its producer at {@code time} (an event replayed from a topic's history). */
    public void send(String topic, String key, String id, String type, String json, Instant time) {
        sendAndWait(cloudEvent(topic, key, id, type, json, time));
    }

    /**
     * Publishes events of a contract together, without waiting for each, as a relay sends a batch of its outbox: a
     * consumer then usually polls them as one batch.
     */
    public <T> void publishAll(EventContract<T> contract, List<T> data) {
        List<Future<RecordMetadata>> sent = data.stream()
                .map(d -> producer.send(cloudEvent(
                        TOPIC_PREFIX + contract.topic(),
                        contract.keyOf(d),
                        UUID.randomUUID().toString(),
                        contract.type(),
                        EventJson.write(d),
                        Instant.now())))
                .toList();
        producer.flush();
        sent.forEach(CloudEventsProducer::await);
    }

    private static ProducerRecord<String, String> cloudEvent(
            String topic, String key, String id, String type, String json, Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/canhgac/tests");
        header(record, "ce_subject", key);
        header(record, "ce_time", time.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /**
     * Publishes an event of a contract as the producing service's relay would: on the tests' topic
     * ({@code test.} + the contract's topic), keyed by the contract, with its data serialised from the record.
     */
    public <T> void publish(EventContract<T> contract, T data) {
        publish(contract, data, UUID.randomUUID().toString());
    }

    /** The same, with the CloudEvent id given (a test of redelivery sends one id twice). */
    public <T> void publish(EventContract<T> contract, T data, String eventId) {
        send(TOPIC_PREFIX + contract.topic(), contract.keyOf(data), eventId, contract.type(), EventJson.write(data));
    }

    /** Publishes an event as if its producer had recorded it at {@code time}. */
    public <T> void publishAt(EventContract<T> contract, T data, Instant time) {
        publishAt(contract, data, UUID.randomUUID().toString(), time);
    }

    /** The same, with the CloudEvent id given: one event sent again, as a relay that retries sends it. */
    public <T> void publishAt(EventContract<T> contract, T data, String eventId, Instant time) {
        send(
                TOPIC_PREFIX + contract.topic(),
                contract.keyOf(data),
                eventId,
                contract.type(),
                EventJson.write(data),
                time);
    }

    /** A record that is not a CloudEvent at all, as a misconfigured producer would send. */
    public void sendRaw(String topic, String key, String value) {
        sendAndWait(new ProducerRecord<>(topic, 0, key, value));
    }

    private void sendAndWait(ProducerRecord<String, String> record) {
        await(producer.send(record));
    }

    private static void await(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
