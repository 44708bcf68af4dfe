package vn.canhgac.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import vn.canhgac.commons.sql.Attempts;
import vn.canhgac.commons.sql.QueueOrder;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents and deletes them once sent.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay without sending a row
 * twice. A batch is sent at once (the idempotent producer keeps per-key order) and each row is deleted only
 * when the broker acknowledged it; a row whose send failed stays pending and is retried on the next tick, so
 * a broker outage delays events but never loses them. A row the broker refuses for good (a record larger than it
 * takes, a topic name it cannot have) is parked instead: tried again only every {@code canhgac.outbox.parked-retry}
 * (10 minutes), so that it no longer stops each tick's drain at its batch (one batch a second behind it), and sent
 * by itself once the broker is set right. The rows after it with the same key wait with it, in its batch (a key's
 * rows are sent one after the other, and none after a refusal) and in the claims after: on a compacted state topic,
 * a parked event sent after a newer one of its key would be the state the topic keeps. Delivery is at least once: consumers de-duplicate by
 * event id. The rows sent are deleted by one statement: the outbox is a queue, not an archive (the topics are).
 * Keeping them for a week, stamped, wrote every event twice and left the pending index full of dead entries
 * after a burst (decision record 2). A row recorded without its data names the {@link OutboxRenderer} that reads it
 * as it is sent (decision record 17).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** What a claim counts for an event rendered when sent (an exposure's is about 900 bytes). */
    private static final int RENDERED_BYTES = 2_048;

    /**
     * The next pending rows, in order, with the size of their events: only as many as {@code
     * canhgac.outbox.batch-bytes} are read and sent (public for the test of its plan).
     */
    public static final String CLAIM = """
            select id, coalesce(payload_bytes, %d) as payload_bytes from outbox_event o
            where published_at is null and (parked_at is null or parked_at < now() - $2::int * interval '1 second')
              and not exists (select 1 from outbox_event p where p.parked_at is not null and p.topic = o.topic
                                  and p.event_key = o.event_key and p.id < o.id)
            order by id limit $1 for update of o skip locked""".formatted(RENDERED_BYTES);

    /** The claimed rows to send, read (public for the test of its plan). */
    public static final String LOAD = """
            select id, event_id, topic, event_key, event_type, subject, payload::text as payload, rendered_by,
                   occurred_at, request_id
            from outbox_event where id = any($1)""";

    /** The rows the broker acknowledged, deleted (public for the test of its plan). */
    public static final String SENT = "delete from outbox_event where id = any($1)";

    private static final int MAX_BATCH = 1_000;
    private static final String PARK = "update outbox_event set parked_at = now() where id = any($1)";
    /** What no retry will change: only the broker's configuration can. */
    private static final Set<Class<? extends ApiException>> REFUSED_FOR_GOOD =
            Set.of(RecordTooLargeException.class, RecordBatchTooLargeException.class, InvalidTopicException.class);

    private static final String NOTE_FAILURES = """
            update outbox_event o set attempts = o.attempts + 1, last_error = f.error
            from unnest($1::bigint[], $2::text[]) as f(id, error) where o.id = f.id""";
    /**
     * A row waiting to be published; {@code payload} null until its renderer has read it, and then {@code whyNoData}
     * says why it could not.
     */
    private record Pending(
            long id,
            UUID eventId,
            String topic,
            String key,
            String type,
            String subject,
            String payload,
            String renderedBy,
            OffsetDateTime occurredAt,
            String requestId,
            String whyNoData) {

        boolean unrendered() {
            return payload == null;
        }

        /** The row with the data its renderer read, or, when none ({@code rendered} null), why. */
        Pending rendered(String rendered, String failure) {
            String why = failure != null ? failure : "its subject is gone, or this service has no such renderer";
            return new Pending(
                    id, eventId, topic, key, type, subject, rendered, renderedBy, occurredAt, requestId, why);
        }

        Outcome notRendered() {
            return new Outcome(
                    id,
                    "nothing to send: renderer '%s' has no data for key %s (%s)".formatted(renderedBy, key, whyNoData),
                    true);
        }

        static Pending of(Row row) {
            return new Pending(
                    row.getLong("id"),
                    row.getUUID("event_id"),
                    row.getString("topic"),
                    row.getString("event_key"),
                    row.getString("event_type"),
                    row.getString("subject"),
                    row.getString("payload"),
                    row.getString("rendered_by"),
                    row.getOffsetDateTime("occurred_at"),
                    row.getString("request_id"),
                    null);
        }
    }

    private final Pool pool;
    private final Map<String, OutboxRenderer> renderers;

    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final long batchBytes;
    private final Duration parkedRetry;
    private final Counter published;
    private final Counter failed;
    private final Counter parked;

    public OutboxRelay(
            Pool pool,
            @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "canhgac.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "canhgac.outbox.batch-bytes") long batchBytes,
            @ConfigProperty(name = "canhgac.outbox.parked-retry", defaultValue = "10m") Duration parkedRetry,
            MeterRegistry metrics,
            Instance<OutboxRenderer> renderers) {
        this.pool = pool;
        this.renderers = renderers.stream().collect(Collectors.toMap(OutboxRenderer::name, r -> r));
        this.emitter = emitter;
        this.source = URI.create("/canhgac/" + application);
        this.batchSize = checked(batchSize);
        this.batchBytes = batchBytes;
        this.parkedRetry = atLeastASecond(parkedRetry);
        this.published = metrics.counter("canhgac.outbox.published");
        this.failed = metrics.counter("canhgac.outbox.failed");
        this.parked = metrics.counter("canhgac.outbox.parked");
    }

    /**
     * A batch is sent at once. The Kafka channel takes 1,024 records in flight and its emitter buffers 128 more; a
     * larger batch has its last records refused ("Insufficient downstream requests"), and the relay falls behind: with
     * 2,000, 412,000 events of one import were still waiting when the read model had applied it all.
     */
    static int checked(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("canhgac.outbox.batch-size must be between 1 and " + MAX_BATCH
                    + " (records sent at once through the Kafka channel), not " + batchSize);
        }
        return batchSize;
    }

    /** Tried again at once, a parked row would head every claim and be all each drain sends. */
    static Duration atLeastASecond(Duration parkedRetry) {
        if (parkedRetry.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "canhgac.outbox.parked-retry must be a second or more, not " + parkedRetry);
        }
        return parkedRetry;
    }

    /**
     * Sends batches until the backlog is gone (an import may leave thousands of rows), or a send fails for a reason
     * that may pass (the broker away). Not before the application has started: until then the outbox channel is not
     * wired yet.
     */
    @Scheduled(
            every = "${canhgac.outbox.poll-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return Attempts.untilNoneLeft(this::relayBatch, "Outbox relay");
    }

    /**
     * Sends one batch of pending rows; answers whether more may wait behind it: the claim was full (by number or by
     * bytes), and every row sent left the queue's head, published or parked.
     */
    public Uni<Boolean> relayBatch() {
        return pool.withTransaction(connection -> QueueOrder.readThroughTheIndex(connection)
                .flatMap(ignored -> connection
                        .preparedQuery(CLAIM)
                        .execute(Tuple.of(batchSize, Math.toIntExact(parkedRetry.toSeconds()))))
                .map(this::withinBudget)
                .flatMap(claim -> load(connection, claim.ids())
                        .flatMap(this::render)
                        .flatMap(this::sendAll)
                        .call(outcomes -> noteFailures(connection, outcomes))
                        .call(outcomes -> park(connection, outcomes))
                        .call(outcomes -> deleteSent(connection, outcomes))
                        .map(outcomes -> claim.full()
                                && outcomes.size() == claim.ids().size()
                                && outcomes.stream().allMatch(Outcome::leftTheQueue))));
    }

    /** The claimed rows to send: the first ones whose events fit the batch's bytes; whether the claim was full. */
    private record Claim(List<Long> ids, boolean full) {}

    private Claim withinBudget(RowSet<Row> claimed) {
        List<Long> ids = new ArrayList<>(claimed.size());
        List<Integer> sizes = new ArrayList<>(claimed.size());
        claimed.forEach(row -> {
            ids.add(row.getLong("id"));
            sizes.add(row.getInteger("payload_bytes"));
        });
        int fitting = fitting(sizes, batchBytes);
        return new Claim(ids.subList(0, fitting), claimed.size() == batchSize || fitting < ids.size());
    }

    /** How many of the first events fit in {@code budget} bytes; the first always does, however large. */
    static int fitting(List<Integer> sizes, long budget) {
        long total = 0;
        int count = 0;
        for (int size : sizes) {
            if (count > 0 && total + size > budget) {
                break;
            }
            total += size;
            count++;
        }
        return count;
    }

    private static Uni<List<Pending>> load(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection
                .preparedQuery(LOAD)
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    List<Pending> batch = new ArrayList<>(rows.size());
                    rows.forEach(row -> batch.add(Pending.of(row)));
                    batch.sort(Comparator.comparingLong(Pending::id));
                    return batch;
                });
    }

    /** One renderer's answer: the data by key, or why it has none. */
    private record Rendering(String renderer, Map<String, String> payloads, String failure) {}

    /**
     * Reads the data of the rows recorded without it, from their renderers, in one query per renderer. A row left
     * without data (its subject gone, no renderer of that name in this service, or its renderer's query failing for
     * good) is parked when sent; the other rows go on.
     */
    private Uni<List<Pending>> render(List<Pending> batch) {
        Map<String, List<String>> keysByRenderer = batch.stream()
                .filter(Pending::unrendered)
                .collect(Collectors.groupingBy(
                        Pending::renderedBy,
                        LinkedHashMap::new,
                        Collectors.mapping(Pending::key, Collectors.toList())));
        if (keysByRenderer.isEmpty()) {
            return Uni.createFrom().item(batch);
        }
        return Multi.createFrom()
                .iterable(keysByRenderer.entrySet())
                .onItem()
                .transformToUniAndConcatenate(keys -> rendered(keys.getKey(), keys.getValue()))
                .collect()
                .asMap(Rendering::renderer)
                .map(byRenderer -> batch.stream()
                        .map(row -> {
                            if (!row.unrendered()) {
                                return row;
                            }
                            Rendering rendering = byRenderer.get(row.renderedBy());
                            return row.rendered(rendering.payloads().get(row.key()), rendering.failure());
                        })
                        .toList());
    }

    /**
     * The data of one renderer's keys; none when this service has no renderer of that name. Read on a connection of
     * its own, outside the claim's transaction: a query that fails for good (a key its SQL cannot read, SQLSTATE class
     * 22) parks its rows and the batch's other events are sent; within the transaction, the failure would have rolled
     * it back, and every event of the service would have waited behind those rows at every tick. It reads what is
     * committed, so it sees the change its rows were recorded with, or a later one. Any other failure (the database
     * away) fails the batch, to be tried again.
     */
    private Uni<Rendering> rendered(String renderer, List<String> keys) {
        OutboxRenderer known = renderers.get(renderer);
        if (known == null) {
            return Uni.createFrom().item(new Rendering(renderer, Map.of(), null));
        }
        return pool.preparedQuery(known.sql())
                .execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> payloads = new HashMap<>();
                    rows.forEach(row -> payloads.put(row.getString("key"), row.getString("payload")));
                    return new Rendering(renderer, payloads, null);
                })
                .onFailure(Attempts::isPermanent)
                .recoverWithItem(failure -> {
                    LOG.errorf("Outbox renderer '%s' failed for good on %d keys: %s", renderer, keys.size(), failure);
                    return new Rendering(renderer, Map.of(), "its query failed: " + failure.getMessage());
                });
    }

    /** Parks the rows the broker refused for good, each named in the log: an operator's setting is wrong. */
    private Uni<Void> park(SqlConnection connection, List<Outcome> outcomes) {
        List<Outcome> refused =
                outcomes.stream().filter(Outcome::refusedForGood).toList();
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        refused.forEach(outcome -> LOG.errorf(
                "Outbox row %d parked, tried again in %s: it cannot be sent as it is (%s). Its event goes out"
                        + " once the broker's or the topic's setting is right, or its subject can be read.",
                outcome.id(), parkedRetry, outcome.error()));
        parked.increment(refused.size());
        return connection
                .preparedQuery(PARK)
                .execute(Tuple.of(refused.stream().map(Outcome::id).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** Deletes the rows the broker acknowledged; answers how many. */
    private static Uni<Integer> deleteSent(SqlConnection connection, List<Outcome> outcomes) {
        Long[] sent = outcomes.stream()
                .filter(o -> o.error() == null)
                .map(Outcome::id)
                .toArray(Long[]::new);
        return sent.length == 0
                ? Uni.createFrom().item(0)
                : connection.preparedQuery(SENT).execute(Tuple.of(sent)).replaceWith(sent.length);
    }

    /** A row the broker refused keeps its error and a count of attempts, and waits for the next tick. */
    private static Uni<Void> noteFailures(SqlConnection connection, List<Outcome> outcomes) {
        List<Outcome> failures =
                outcomes.stream().filter(o -> o.error() != null).toList();
        return failures.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery(NOTE_FAILURES)
                        .execute(Tuple.of(
                                failures.stream().map(Outcome::id).toArray(Long[]::new),
                                failures.stream().map(Outcome::error).toArray(String[]::new)))
                        .replaceWithVoid();
    }

    /** What became of a row: sent, or refused with the broker's error, for now or for good. */
    private record Outcome(long id, String error, boolean refusedForGood) {
        boolean leftTheQueue() {
            return error == null || refusedForGood;
        }
    }

    /** Whether no retry can change the broker's answer (public for its test). */
    public static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (REFUSED_FOR_GOOD.contains(cause.getClass())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends the batch's keys at once and the rows of one key one after the other: once one is refused, the rest of its
     * key are not sent (they stay pending, behind it), so that no newer event of a key reaches its topic before an
     * older one. Answers the outcomes of the rows sent.
     */
    private Uni<List<Outcome>> sendAll(List<Pending> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, List<Pending>> byKey = batch.stream()
                .collect(Collectors.groupingBy(
                        row -> row.topic() + '\n' + row.key(), LinkedHashMap::new, Collectors.toList()));
        return Uni.join()
                .all(byKey.values().stream().map(this::sendInOrder).toList())
                .andFailFast()
                .map(perKey -> perKey.stream().flatMap(List::stream).toList());
    }

    private Uni<List<Outcome>> sendInOrder(List<Pending> rowsOfOneKey) {
        Uni<List<Outcome>> sent = Uni.createFrom().item(new ArrayList<>());
        for (Pending row : rowsOfOneKey) {
            sent = sent.flatMap(outcomes -> refusedLast(outcomes)
                    ? Uni.createFrom().item(outcomes)
                    : send(row).map(outcome -> {
                        outcomes.add(outcome);
                        return outcomes;
                    }));
        }
        return sent;
    }

    private static boolean refusedLast(List<Outcome> outcomes) {
        return !outcomes.isEmpty() && outcomes.getLast().error() != null;
    }

    private Uni<Outcome> send(Pending row) {
        if (row.unrendered()) {
            return Uni.createFrom().item(row.notRendered());
        }
        return emitter.sendMessage(toMessage(row))
                .map(ignored -> {
                    published.increment();
                    return new Outcome(row.id(), null, false);
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    failed.increment();
                    return new Outcome(row.id(), String.valueOf(failure.getMessage()), refusedForGood(failure));
                });
    }

    private Message<String> toMessage(Pending row) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.eventId().toString())
                .withSource(source)
                .withType(row.type())
                .withSubject(row.subject())
                .withTimestamp(row.occurredAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("requestid", row.requestId() == null ? "" : row.requestId())
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .build();
        return Message.of(row.payload(), Metadata.of(cloudEvent, record));
    }
}
