package vn.canhgac.commons.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import vn.canhgac.commons.sql.Attempts;

/**
 * Applies CloudEvents a batch at a time, each event once: a read model catches up with thousands of events in one
 * transaction instead of one transaction each. Per batch, in one transaction: the "processed" markers of its events
 * ({@code consumer/eventId}; an event already marked, in an earlier batch or twice in this one, is dropped), then
 * the consumer's set-based work on the rest, in their order. Offsets are committed after that transaction, so a
 * crash between the two replays the batch, and the markers make the replay change nothing.
 * <p>
 * A consumer may keep markers for the events whose effect would double on a replay and go without them for the
 * others, whose effect is idempotent by itself: events it ignores, or replicas and notices keyed by what the event
 * carries (a version check, a unique key). A marker is a row under a unique index in the batch's transaction; for
 * a consumer of every exposure that acts on a few, markers were most of what it wrote.
 * <p>
 * A record that is not a CloudEvent, or whose data the consumer cannot read, goes to the dead-letter topic and its
 * batch goes on. If the work refuses the batch for good (a value the database rejects), or still fails after a few
 * retries, the batch is applied again one event per transaction, so that only a culprit is set aside; a single event
 * that fails in a way that may pass (the database down) is retried with back-off until it passes, and nothing is
 * acknowledged meanwhile.
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private static final String MARK_PROCESSED = """
            insert into processed_event (id, processed_at) select m, now() from unnest($1::text[]) as m
            on conflict do nothing returning id""";

    /** A batch retries a failure that may pass this many times, then goes one event at a time (one may be the cause). */
    private static final long BATCH_RETRIES = 5;

    private final Pool pool;
    private final DeadLetters deadLetters;
    private final ConsumerFreshness freshness;

    public BatchConsumer(Pool pool, DeadLetters deadLetters, ConsumerFreshness freshness) {
        this.pool = pool;
        this.deadLetters = deadLetters;
        this.freshness = freshness;
    }

    /** An event read into its data. */
    public record Read<T>(ReceivedEvent event, T data) {}

    /**
     * Applies a batch of records: the events not applied before, then the batch's offsets.
     *
     * @param consumer the consumer's name ({@code advisory-service.assets}): its markers and its freshness
     * @param read     reads an event's data; an {@link IllegalArgumentException} sets the record aside
     * @param work     applies the events not applied before, in their order, on the batch's connection
     */
    public <T> Uni<Void> consume(
            String consumer,
            KafkaRecordBatch<String, String> batch,
            Function<ReceivedEvent, T> read,
            BiFunction<SqlConnection, List<Read<T>>, Uni<Void>> work) {
        return consume(consumer, batch, read, data -> true, work);
    }

    /**
     * Applies a batch of records, marking only the events {@code once} picks: those are applied once, as above;
     * the others reach {@code work} on every delivery (an event twice in one batch, once), so what it does with them
     * must change nothing the second time.
     *
     * @param once picks the events whose effect would double if applied again; asked once per record, as it is
     *     read (an {@link IllegalArgumentException} sets the record aside)
     */
    public <T> Uni<Void> consume(
            String consumer,
            KafkaRecordBatch<String, String> batch,
            Function<ReceivedEvent, T> read,
            Predicate<? super T> once,
            BiFunction<SqlConnection, List<Read<T>>, Uni<Void>> work) {
        return consume(consumer, batch, event -> true, read, once, work);
    }

    /**
     * Applies a batch of records as above, reading only the events {@code wanted} picks from their envelope (and,
     * if it must, a field of their data: {@link EventData#field}); the others change nothing here and are
     * acknowledged with the batch, unread, so one whose data is malformed past that field is not set aside either.
     * For a consumer that acts on a few events of a busy topic, reading the data of every event was a quarter of its
     * time.
     *
     * @param wanted picks the events this consumer acts on; it should answer true when it cannot tell, so that
     *     the data is read, and a record that does not read is set aside
     */
    public <T> Uni<Void> consume(
            String consumer,
            KafkaRecordBatch<String, String> batch,
            Predicate<ReceivedEvent> wanted,
            Function<ReceivedEvent, T> read,
            Predicate<? super T> once,
            BiFunction<SqlConnection, List<Read<T>>, Uni<Void>> work) {
        List<Read<T>> events = new ArrayList<>();
        Map<KafkaRecord<String, String>, Throwable> rejected = new LinkedHashMap<>();
        // by identity: the same event delivered twice is two records
        Map<Read<T>, KafkaRecord<String, String>> records = new IdentityHashMap<>();
        Set<Read<T>> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ReceivedEvent event = received(record);
            if (event == null) {
                rejected.put(record, new IllegalArgumentException("not a CloudEvent"));
                continue;
            }
            if (!isWanted(wanted, event)) {
                continue;
            }
            try {
                T data = read.apply(event);
                if (data == null) {
                    throw new IllegalArgumentException("Event " + event.id() + " has no data");
                }
                Read<T> one = new Read<>(event, data);
                if (once.test(data)) {
                    marked.add(one);
                }
                events.add(one);
                records.put(one, record);
            } catch (RuntimeException e) {
                rejected.put(record, e);
            }
        }
        Marking<T> marking = new Marking<>(consumer, marked);
        int received = batch.getRecords().size();
        freshness.received(consumer, received);
        return applyAll(marking, events, work, events.size() > 1 ? BATCH_RETRIES : Long.MAX_VALUE)
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "%s: a batch of %d was refused (%s); applying it one event at a time",
                            consumer, events.size(), failure.toString());
                    return oneByOne(marking, events, work, records, rejected);
                })
                .call(() -> setAside(consumer, rejected))
                .invoke(() -> freshness.applied(consumer, batch))
                .call(() -> Uni.createFrom().completionStage(batch.ack()))
                // The channel stops for good on a failure here: log it; a redelivery changes nothing (markers, or
                // work that is idempotent by itself).
                .eventually(() -> freshness.settled(consumer, received))
                .onFailure()
                .invoke(failure -> LOG.errorf("%s: a batch could not be acknowledged: %s", consumer, failure))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** A predicate that fails cannot tell: the event is read, and set aside if it does not read. */
    private static boolean isWanted(Predicate<ReceivedEvent> wanted, ReceivedEvent event) {
        try {
            return wanted.test(event);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Applies the events in one transaction. A failure that may pass is retried with back-off, at most
     * {@code transientRetries} times (then the caller applies the batch one event at a time, in case one of them is
     * the cause); a failure that will not pass fails at once.
     */
    private <T> Uni<Void> applyAll(
            Marking<T> marking,
            List<Read<T>> events,
            BiFunction<SqlConnection, List<Read<T>>, Uni<Void>> work,
            long transientRetries) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> newMarkers(connection, marking.markersOf(events))
                        .flatMap(fresh -> {
                            List<Read<T>> toApply = marking.notAppliedBefore(events, fresh);
                            return toApply.isEmpty() ? Uni.createFrom().voidItem() : work.apply(connection, toApply);
                        }))
                .onFailure(failure -> !Attempts.isPermanent(failure))
                .invoke(f ->
                        LOG.warnf("%s: %d events not applied yet (%s); retrying", marking.consumer(), events.size(), f))
                .onFailure(failure -> !Attempts.isPermanent(failure))
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .atMost(transientRetries);
    }

    /** Records the markers; answers those that were not there before. */
    private static Uni<Set<String>> newMarkers(SqlConnection connection, String[] markers) {
        if (markers.length == 0) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return connection
                .preparedQuery(MARK_PROCESSED)
                .execute(Tuple.of((Object) markers))
                .map(marked -> {
                    Set<String> fresh = new HashSet<>();
                    marked.forEach(row -> fresh.add(row.getString(0)));
                    return fresh;
                });
    }

    /** Which events of a batch are marked as processed ({@code once}, by identity), and which are still to apply. */
    record Marking<T>(String consumer, Set<Read<T>> once) {

        String[] markersOf(List<Read<T>> events) {
            return events.stream()
                    .filter(once::contains)
                    .map(e -> marker(e.event()))
                    .distinct()
                    .toArray(String[]::new);
        }

        /**
         * The events to apply, in their order: a marked one if its marker is new (taken from {@code fresh}, so that a
         * second delivery in the batch is dropped), an unmarked one the first time the batch carries it.
         */
        List<Read<T>> notAppliedBefore(List<Read<T>> events, Set<String> fresh) {
            Set<String> seen = new HashSet<>();
            List<Read<T>> toApply = new ArrayList<>();
            for (Read<T> event : events) {
                String marker = marker(event.event());
                if (once.contains(event) ? fresh.remove(marker) : seen.add(marker)) {
                    toApply.add(event);
                }
            }
            return toApply;
        }

        private String marker(ReceivedEvent event) {
            return consumer + "/" + event.id();
        }
    }

    /** Applies each event in its own transaction; one that is refused for good joins the rejected records. */
    private <T> Uni<Void> oneByOne(
            Marking<T> marking,
            List<Read<T>> events,
            BiFunction<SqlConnection, List<Read<T>>, Uni<Void>> work,
            Map<Read<T>, KafkaRecord<String, String>> records,
            Map<KafkaRecord<String, String>, Throwable> rejected) {
        return inOrder(
                events,
                event -> applyAll(marking, List.of(event), work, Long.MAX_VALUE)
                        .onFailure(Attempts::isPermanent)
                        .recoverWithItem(failure -> {
                            rejected.put(records.get(event), failure);
                            return null;
                        }));
    }

    /** Sends the rejected records to the dead-letter topic, in order; a send that fails is retried. */
    private Uni<Void> setAside(String consumer, Map<KafkaRecord<String, String>, Throwable> rejected) {
        return inOrder(List.copyOf(rejected.entrySet()), entry -> {
            LOG.errorf(
                    "%s: record %s-%d@%d set aside: %s",
                    consumer,
                    entry.getKey().getTopic(),
                    entry.getKey().getPartition(),
                    DeadLetters.offsetOf(entry.getKey()),
                    entry.getValue());
            return deadLetters
                    .send(entry.getKey(), entry.getValue())
                    .onFailure()
                    .retry()
                    .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                    .indefinitely();
        });
    }

    /**
     * Runs a step for each item, one after the other, in their order (a batch's events one at a time, on its
     * connection); stack-safe however many there are.
     */
    public static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<?>> step) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(step)
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The data of the events, in order. */
    public static <T> List<T> data(List<Read<T>> events) {
        return events.stream().map(Read::data).toList();
    }

    /**
     * One event per aggregate, its newest version, in the order the aggregates first appear: a batch may carry
     * several versions of one aggregate, and one statement cannot update a row twice.
     */
    public static <T> List<T> newestOf(List<T> events, Function<T, ?> key, ToLongFunction<T> version) {
        Map<Object, T> newest = new LinkedHashMap<>();
        for (T event : events) {
            newest.merge(
                    key.apply(event),
                    event,
                    (held, next) -> version.applyAsLong(next) > version.applyAsLong(held) ? next : held);
        }
        return List.copyOf(newest.values());
    }

    /**
     * The CloudEvent of a record in binary mode (its {@code ce_} headers), or null when it is none. One pass over
     * the consumer record's headers, the last of a name winning; a consumer catching up reads hundreds of thousands
     * of them ({@code getHeaders()} of an incoming record copies them all first).
     */
    static ReceivedEvent received(KafkaRecord<String, String> record) {
        Headers headers = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getRecord().headers())
                .orElseGet(record::getHeaders);
        String id = null, type = null, subject = null, source = null, time = null;
        for (Header header : headers) {
            switch (header.key()) {
                case "ce_id" -> id = text(header);
                case "ce_type" -> type = text(header);
                case "ce_subject" -> subject = text(header);
                case "ce_source" -> source = text(header);
                case "ce_time" -> time = text(header);
                default -> {}
            }
        }
        if (id == null || type == null || record.getPayload() == null) {
            return null;
        }
        return new ReceivedEvent(id, type, subject, source, record.getPayload(), time);
    }

    private static String text(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
