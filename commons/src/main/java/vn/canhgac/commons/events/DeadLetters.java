package vn.canhgac.commons.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sets aside a record of a batch that can never apply (not a CloudEvent, or data this consumer cannot read) on
 * the service's dead-letter topic, with the headers the connector's own dead-letter queue writes, so that the rest
 * of its batch goes on. A service with batch consumers declares the {@code dead-letters} channel.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(KafkaRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.getHeaders().toArray());
        header(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            header(
                    headers,
                    "dead-letter-cause",
                    String.valueOf(reason.getCause().getMessage()));
            header(
                    headers,
                    "dead-letter-cause-class-name",
                    reason.getCause().getClass().getName());
        }
        header(headers, "dead-letter-topic", record.getTopic());
        header(headers, "dead-letter-partition", String.valueOf(record.getPartition()));
        header(headers, "dead-letter-offset", String.valueOf(offsetOf(record)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(record.getPayload(), Metadata.of(metadata)));
    }

    /** The record's offset in its partition, or -1 for a record that did not come from a broker. */
    static long offsetOf(KafkaRecord<String, String> record) {
        return record instanceof IncomingKafkaRecord<String, String> incoming ? incoming.getOffset() : -1;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
