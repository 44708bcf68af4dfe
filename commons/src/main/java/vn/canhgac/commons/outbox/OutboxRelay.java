package vn.canhgac.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents and stamps them as sent.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay without sending a row
 * twice. A batch is sent at once (the idempotent producer keeps per-key order) and each row is stamped only
 * when the broker acknowledged it; a row whose send failed stays pending and is retried on the next tick, so
 * a broker outage delays events but never loses them. Delivery is at least once: consumers de-duplicate by
 * event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select id, event_id, topic, event_key, event_type, subject, payload::text as payload, occurred_at,
                   request_id, published_at, attempts, last_error
            from outbox_event where published_at is null
            order by id limit :limit for update skip locked""";

    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "quarkus.application.name") String application,
                       @ConfigProperty(name = "canhgac.outbox.batch-size", defaultValue = "500") int batchSize,
                       MeterRegistry metrics) {
        this.emitter = emitter;
        this.source = URI.create("/canhgac/" + application);
        this.batchSize = batchSize;
        this.published = metrics.counter("canhgac.outbox.published");
        this.failed = metrics.counter("canhgac.outbox.failed");
    }

    @Scheduled(every = "${canhgac.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return drain()
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay paused: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** Sends batches until the backlog is gone (an import may leave thousands of rows), or a send fails. */
    private Uni<Void> drain() {
        return relayBatch().flatMap(sent -> sent == batchSize ? drain() : Uni.createFrom().voidItem());
    }

    /** Sends one batch of pending rows; answers how many were published. */
    public Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM, OutboxEvent.class)
                        .setParameter("limit", batchSize)
                        .getResultList())
                .flatMap(this::sendAll));
    }

    private Uni<Integer> sendAll(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Boolean>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> send(OutboxEvent row) {
        return emitter.sendMessage(toMessage(row))
                .map(ignored -> {
                    row.publishedAt = Instant.now();
                    published.increment();
                    return true;
                })
                .onFailure().recoverWithItem(failure -> {
                    row.attempts++;
                    row.lastError = String.valueOf(failure.getMessage());
                    failed.increment();
                    return false;
                });
    }

    private Message<String> toMessage(OutboxEvent row) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.eventId.toString())
                .withSource(source)
                .withType(row.type)
                .withSubject(row.subject)
                .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("requestid", row.requestId == null ? "" : row.requestId)
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .build();
        return Message.of(row.payload, Metadata.of(cloudEvent, record));
    }
}
