package vn.canhgac.notification.source;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.notification.notice.EventAge;
import vn.canhgac.notification.notice.Notices;

/**
 * Exposures as advisory-service announces them: the new ones of a batch, and those reopened on new evidence, are told
 * in one notification per organisation, severity and kind (gathered into a digest unless critical), and every
 * exposure is kept with its due date for the due-soon and overdue reminders. The replica remembers the detection or
 * reopen last told, so that a redelivered or replayed event tells nobody twice, however the batches fall.
 */
@ApplicationScoped
public class ExposureEventsConsumer {

    /**
     * Statuses in which a new or reopened exposure is worth telling (not withdrawn or closed by the time it lands).
     */
    private static final String TELLING = "('OPEN', 'TO_CONFIRM', 'ACKNOWLEDGED', 'IN_PROGRESS')";

    /** A column as the newer of the two versions has it: the event's, or the one kept. */
    private static String newer(String column) {
        return "case when r.version < excluded.version then excluded.%1$s else r.%1$s end".formatted(column);
    }

    /**
     * Keeps the newest version of each exposure and answers the ids of those whose detection or reopen is told now.
     * {@code $8} is the instant to tell: a detection's, or a reopen's event time (null when the batch announces
     * neither). It is told when it is later than the one told before ({@code detection_told}, which holds reopens
     * too) and the exposure, at its newest, is still worth telling: a replayed detection whose reopen was told since
     * is not told again. One that arrives after a newer version of its exposure is told too, and changes nothing
     * else. "Told now" is decided on the row as locked by the upsert ({@code told_now}), so two transactions that
     * apply the same exposure cannot both tell it.
     */
    private static final String KEEP_AND_TELL = """
            with kept as (
                insert into exposure_replica as r (id, organization_code, severity, status, due_on, label, version,
                                                   detection_told, told_now)
                select id, organization_code, severity, status, due_on, label, version, detection,
                       detection is not null and status in %1$s
                  from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::bigint[],
                              $8::timestamptz[])
                       as u(id, organization_code, severity, status, due_on, label, version, detection)
                on conflict (id) do update set organization_code = %2$s, severity = %3$s, status = %4$s,
                    due_on = %5$s, label = %6$s, version = greatest(r.version, excluded.version),
                    due_soon_told = r.due_soon_told and r.due_on is not distinct from %5$s,
                    overdue_told = r.overdue_told and r.due_on is not distinct from %5$s,
                    escalated_told = r.escalated_told and r.due_on is not distinct from %5$s,
                    detection_told = greatest(excluded.detection_told, r.detection_told),
                    told_now = excluded.detection_told is not null
                               and excluded.detection_told > coalesce(r.detection_told, '-infinity') and %4$s in %1$s
                where r.version < excluded.version
                   or excluded.detection_told > coalesce(r.detection_told, '-infinity')
                returning id, told_now)
            select id from kept where told_now""".formatted(
            TELLING, newer("organization_code"), newer("severity"), newer("status"), newer("due_on"), newer("label"));

    /**
     * Applying an exposure event twice changes nothing by itself: the replica keeps the newest version and the
     * detection it told. A processed marker per exposure would only add a row to write.
     */
    private static final Predicate<Typed> NO_MARKERS = typed -> false;

    private final BatchConsumer consumer;
    private final EventData events;
    private final Notices notices;
    private final EventAge age;

    public ExposureEventsConsumer(BatchConsumer consumer, EventData events, Notices notices, EventAge age) {
        this.consumer = consumer;
        this.events = events;
        this.notices = notices;
        this.age = age;
    }

    @Incoming("exposures")
    public Uni<Void> onExposures(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "notification-service.exposures",
                batch,
                event -> new Typed(
                        event.type(), event.time(), age.isNews(event), valid(events.read(event, ExposureEvent.class))),
                NO_MARKERS,
                (connection, received) -> {
                    List<Typed> typed = BatchConsumer.data(received);
                    List<ExposureEvent> newest = BatchConsumer.newestOf(
                            typed.stream().map(Typed::exposure).toList(), ExposureEvent::id, ExposureEvent::version);
                    Map<UUID, DetectionNotices.News> news = newsToTell(typed);
                    return keepAndTell(connection, newest, news)
                            .flatMap(told -> notices.record(connection, DetectionNotices.grouped(newest, news, told)))
                            .replaceWithVoid();
                });
    }

    private record Typed(String type, Instant recordedAt, boolean news, ExposureEvent exposure) {}

    /**
     * The detections and reopens the batch announces that are recent enough to tell (the statement checks the
     * status); of an exposure both found and reopened in one batch, the later is told.
     */
    private static Map<UUID, DetectionNotices.News> newsToTell(List<Typed> typed) {
        Map<UUID, DetectionNotices.News> news = new HashMap<>();
        typed.stream()
                .filter(Typed::news)
                .map(t -> DetectionNotices.News.of(t.type(), t.recordedAt(), t.exposure()))
                .flatMap(Optional::stream)
                .forEach(n -> news.merge(
                        n.exposure().id(), n, (one, other) -> one.at().isAfter(other.at()) ? one : other));
        return news;
    }

    /** An exposure without what every one has is set aside (dead-letter topic), not retried. */
    private static ExposureEvent valid(ExposureEvent exposure) {
        if (exposure.id() == null
                || exposure.organizationCode() == null
                || exposure.status() == null
                || exposure.severity() == null) {
            throw new IllegalArgumentException("An exposure event without id, organisation, status or severity");
        }
        return exposure;
    }

    /** Keeps the newest version of each exposure; answers the ids whose detection or reopen is told now. */
    private static Uni<Set<UUID>> keepAndTell(
            SqlConnection connection, List<ExposureEvent> exposures, Map<UUID, DetectionNotices.News> news) {
        return connection
                .preparedQuery(KEEP_AND_TELL)
                .execute(Tuple.tuple()
                        .addArrayOfUUID(
                                exposures.stream().map(ExposureEvent::id).toArray(UUID[]::new))
                        .addArrayOfString(exposures.stream()
                                .map(ExposureEvent::organizationCode)
                                .toArray(String[]::new))
                        .addArrayOfString(
                                exposures.stream().map(ExposureEvent::severity).toArray(String[]::new))
                        .addArrayOfString(
                                exposures.stream().map(ExposureEvent::status).toArray(String[]::new))
                        .addArrayOfLocalDate(
                                exposures.stream().map(ExposureEvent::dueOn).toArray(LocalDate[]::new))
                        .addArrayOfString(
                                exposures.stream().map(DetectionNotices::label).toArray(String[]::new))
                        .addArrayOfLong(
                                exposures.stream().map(ExposureEvent::version).toArray(Long[]::new))
                        .addArrayOfOffsetDateTime(exposures.stream()
                                .map(e -> news.get(e.id()))
                                .map(told -> told == null ? null : told.at().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    Set<UUID> told = new HashSet<>();
                    rows.forEach(row -> told.add(row.getUUID(0)));
                    return told;
                });
    }
}
