package vn.canhgac.notification.source;

import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.notification.notice.EventAge;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;

/**
 * Exposures as advisory-service announces them: each new one is a notification of its organisation (gathered into
 * a digest unless critical), and every exposure is kept with its due date for the due-soon and overdue reminders.
 */
@ApplicationScoped
public class ExposureEventsConsumer {

    /** Statuses in which a newly detected exposure is worth telling (not withdrawn or closed by the time it lands). */
    private static final Set<String> TELLING = Set.of("OPEN", "TO_CONFIRM", "ACKNOWLEDGED", "IN_PROGRESS");

    private static final String KEEP = """
            insert into exposure_replica (id, organization_code, severity, status, due_on, label, version)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::bigint[])
            on conflict (id) do update set organization_code = excluded.organization_code,
                severity = excluded.severity, status = excluded.status, due_on = excluded.due_on,
                label = excluded.label, version = excluded.version,
                due_soon_told = exposure_replica.due_soon_told
                                and exposure_replica.due_on is not distinct from excluded.due_on,
                overdue_told = exposure_replica.overdue_told
                               and exposure_replica.due_on is not distinct from excluded.due_on,
                escalated_told = exposure_replica.escalated_told
                                 and exposure_replica.due_on is not distinct from excluded.due_on
            where exposure_replica.version < excluded.version""";

    /**
     * Applying an exposure event twice changes nothing by itself: the replica keeps the newest version, and a notice
     * is keyed by the exposure and its detection. A processed marker per exposure would only add a row to write.
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
                event -> new Typed(event.type(), age.isNews(event), valid(events.read(event, ExposureEvent.class))),
                NO_MARKERS,
                (connection, received) -> {
                    List<Typed> typed = BatchConsumer.data(received);
                    List<Notice> told = typed.stream()
                            .filter(t -> EXPOSURE_DETECTED.type().equals(t.type()) && t.news())
                            .map(Typed::exposure)
                            .filter(e -> TELLING.contains(e.status()))
                            .map(ExposureEventsConsumer::detected)
                            .toList();
                    return keep(
                                    connection,
                                    BatchConsumer.newestOf(
                                            typed.stream().map(Typed::exposure).toList(),
                                            ExposureEvent::id,
                                            ExposureEvent::version))
                            .flatMap(ignored -> notices.record(connection, told))
                            .replaceWithVoid();
                });
    }

    private record Typed(String type, boolean news, ExposureEvent exposure) {}

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

    static Notice detected(ExposureEvent exposure) {
        NoticeFacts.Item item = new NoticeFacts.Item(label(exposure), exposure.severity(), link(exposure));
        NoticeFacts facts = new NoticeFacts(
                reference(exposure),
                label(exposure),
                link(exposure),
                Map.of("dueOn", exposure.dueOn() == null ? "" : exposure.dueOn().toString()),
                List.of(item));
        return Notice.of(
                "exposure-detected:" + exposure.id() + ":" + exposure.detectedAt(),
                NoticeKind.EXPOSURE_DETECTED,
                exposure.organizationCode(),
                exposure.severity(),
                facts);
    }

    /** What an exposure is, in one line: the host or range, what matched, and from which advisory or list. */
    static String label(ExposureEvent exposure) {
        String where = exposure.hostname() != null
                ? exposure.hostname()
                : exposure.network() != null ? exposure.network() : "";
        String what = exposure.subject() == null ? "" : exposure.subject();
        String separator = where.isEmpty() || what.isEmpty() ? "" : " — ";
        return where + separator + what + " (" + reference(exposure) + ")";
    }

    private static String reference(ExposureEvent exposure) {
        return exposure.advisoryReference() != null ? exposure.advisoryReference() : exposure.botnetListReference();
    }

    private static String link(ExposureEvent exposure) {
        return "/exposures/" + exposure.id();
    }

    private static Uni<?> keep(SqlConnection connection, List<ExposureEvent> exposures) {
        return connection
                .preparedQuery(KEEP)
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
                        .addArrayOfString(exposures.stream()
                                .map(ExposureEventsConsumer::label)
                                .toArray(String[]::new))
                        .addArrayOfLong(
                                exposures.stream().map(ExposureEvent::version).toArray(Long[]::new)));
    }
}
