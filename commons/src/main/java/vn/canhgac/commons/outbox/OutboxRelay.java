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
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents and stamps them as sent.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay without sending a row
 * twice. A batch is sent at once (the idempotent producer keeps per-key order) and each row is stamped only
 * when the broker acknowledged it; a row whose send failed stays pending and is retried on the next tick, so
 * a broker outage delays events but never loses them. Delivery is at least once: consumers de-duplicate by
 * event id. The rows sent are stamped by one statement (a row at a time was the relay's main cost under load),
 * and published rows are deleted once they are older than {@code canhgac.outbox.retention}: the outbox is a
 * queue, not an archive (the topics are).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select id, event_id, topic, event_key, event_type, subject, payload::text as payload, occurred_at,
                   request_id, published_at, attempts, last_error
            from outbox_event where published_at is null
            order by id limit :limit for update skip locked""";
    private static final String STAMP = "update outbox_event set published_at = now() where id in (:ids)";
    private static final String PURGE = """
            delete from outbox_event where id in (select id from outbox_event
                where published_at < :cutoff limit :limit)""";

    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final Duration retention;
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(
            @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "canhgac.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "canhgac.outbox.retention", defaultValue = "P7D") Duration retention,
            MeterRegistry metrics) {
        this.emitter = emitter;
        this.source = URI.create("/canhgac/" + application);
        this.batchSize = batchSize;
        this.retention = retention;
        this.published = metrics.counter("canhgac.outbox.published");
        this.failed = metrics.counter("canhgac.outbox.failed");
    }

    // Not before the application has started: until then the outbox channel is not wired yet.
    @Scheduled(
            every = "${canhgac.outbox.poll-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return drain().onFailure()
                .invoke(failure -> LOG.warnf("Outbox relay paused: %s", failure.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** Sends batches until the backlog is gone (an import may leave thousands of rows), or a send fails. */
    private Uni<Void> drain() {
        return relayBatch()
                .flatMap(sent -> sent == batchSize ? drain() : Uni.createFrom().voidItem());
    }

    /** Sends one batch of pending rows; answers how many were published. */
    public Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM, OutboxEvent.class)
                        .setParameter("limit", batchSize)
                        .getResultList()
                        .flatMap(this::sendAll)
                        .flatMap(sent -> sent.isEmpty()
                                ? Uni.createFrom().item(0)
                                : session.createNativeQuery(STAMP)
                                        .setParameter("ids", sent)
                                        .executeUpdate()
                                        .replaceWith(sent.size()))));
    }

    /** Deletes published rows past their retention, a bounded batch per tick. */
    @Scheduled(
            every = "${canhgac.outbox.purge-interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> purge() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(PURGE)
                                .setParameter(
                                        "cutoff",
                                        OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
                                .setParameter("limit", 50_000)
                                .executeUpdate()))
                .onFailure()
                .invoke(failure -> LOG.warnf("Outbox purge postponed: %s", failure.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** The ids of the rows the broker acknowledged; a row it refused keeps its error and waits for the next tick. */
    private Uni<List<Long>> sendAll(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Long>> sends = batch.stream().map(this::send).toList();
        return Uni.join()
                .all(sends)
                .andFailFast()
                .map(results ->
                        results.stream().filter(java.util.Objects::nonNull).toList());
    }

    private Uni<Long> send(OutboxEvent row) {
        return emitter.sendMessage(toMessage(row))
                .map(ignored -> {
                    published.increment();
                    return row.id;
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    row.attempts++;
                    row.lastError = String.valueOf(failure.getMessage());
                    failed.increment();
                    return null;
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
