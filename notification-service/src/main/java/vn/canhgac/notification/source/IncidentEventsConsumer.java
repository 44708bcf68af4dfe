package vn.canhgac.notification.source;

import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_ESCALATED;
import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_REPORTED;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.IncidentEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.tenancy.OrganizationPaths;
import vn.canhgac.notification.notice.EventAge;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;

/**
 * Incidents: a report is told to the reporting organisation and every organisation above it (a coordinator hears
 * of its subtree), an escalation to the national centres it went to as well; each incident is kept with its
 * resolution deadline for the SLA reminder.
 */
@ApplicationScoped
public class IncidentEventsConsumer {

    private static final String KEEP = """
            insert into incident_replica (id, reference, reporting_organization, reporting_path, title, severity, status,
                                          resolution_due, version)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::timestamptz[], $9::bigint[])
            on conflict (id) do update set reference = excluded.reference, title = excluded.title,
                severity = excluded.severity, status = excluded.status, resolution_due = excluded.resolution_due,
                version = excluded.version,
                sla_told = incident_replica.sla_told
                           and incident_replica.resolution_due is not distinct from excluded.resolution_due
            where incident_replica.version < excluded.version""";

    private final BatchConsumer consumer;
    private final EventData events;
    private final Notices notices;
    private final EventAge age;

    public IncidentEventsConsumer(BatchConsumer consumer, EventData events, Notices notices, EventAge age) {
        this.consumer = consumer;
        this.events = events;
        this.notices = notices;
        this.age = age;
    }

    private record Typed(String type, boolean news, IncidentEvent incident) {}

    /** An incident without what every one has is set aside (dead-letter topic), not retried. */
    private static IncidentEvent valid(IncidentEvent incident) {
        if (incident.id() == null
                || incident.reportingOrganization() == null
                || incident.reportingPath() == null
                || !incident.reportingPath().matches("/([^/]+/)+")
                || incident.severity() == null
                || incident.status() == null) {
            throw new IllegalArgumentException("An incident event without id, organisation, path, severity or status");
        }
        return incident;
    }

    @Incoming("incidents")
    public Uni<Void> onIncidents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "notification-service.incidents",
                batch,
                event -> new Typed(event.type(), age.isNews(event), valid(events.read(event, IncidentEvent.class))),
                (connection, received) -> {
                    List<Typed> typed = BatchConsumer.data(received);
                    List<Notice> told = new ArrayList<>();
                    typed.stream().filter(Typed::news).forEach(t -> told.addAll(notices(t)));
                    return keep(
                                    connection,
                                    BatchConsumer.newestOf(
                                            typed.stream().map(Typed::incident).toList(),
                                            IncidentEvent::id,
                                            IncidentEvent::version))
                            .flatMap(ignored -> notices.record(connection, told))
                            .replaceWithVoid();
                });
    }

    private static List<Notice> notices(Typed typed) {
        IncidentEvent incident = typed.incident();
        Set<String> told = new LinkedHashSet<>();
        NoticeKind kind;
        if (INCIDENT_REPORTED.type().equals(typed.type())) {
            kind = NoticeKind.INCIDENT_REPORTED;
            told.addAll(OrganizationPaths.upward(incident.reportingPath()));
        } else if (INCIDENT_ESCALATED.type().equals(typed.type())) {
            kind = NoticeKind.INCIDENT_ESCALATED;
            told.addAll(OrganizationPaths.upward(incident.reportingPath()));
            if (incident.escalatedTo() != null) {
                told.addAll(incident.escalatedTo());
            }
        } else {
            return List.of();
        }
        NoticeFacts facts = facts(incident);
        // An escalation is told once per centre: escalating to NCSC after VNCERT tells of NCSC only.
        List<String> occasions = kind == NoticeKind.INCIDENT_ESCALATED && incident.escalatedTo() != null
                ? incident.escalatedTo()
                : List.of("");
        List<Notice> notices = new ArrayList<>();
        for (String occasion : occasions) {
            for (String code : told) {
                notices.add(Notice.of(kind.key(incident.id(), occasion, code), kind, code, incident.severity(), facts));
            }
        }
        return notices;
    }

    static NoticeFacts facts(IncidentEvent incident) {
        return new NoticeFacts(
                incident.reference(),
                incident.title(),
                "/incidents/" + incident.id(),
                Map.of(
                        "organization", incident.reportingOrganization(),
                        "category", String.valueOf(incident.category()),
                        "escalatedTo",
                                String.join(", ", incident.escalatedTo() == null ? List.of() : incident.escalatedTo()),
                        "due",
                                incident.resolutionDue() == null
                                        ? ""
                                        : incident.resolutionDue().toString()),
                List.of());
    }

    private static Uni<?> keep(SqlConnection connection, List<IncidentEvent> incidents) {
        return connection
                .preparedQuery(KEEP)
                .execute(Tuple.tuple()
                        .addArrayOfUUID(
                                incidents.stream().map(IncidentEvent::id).toArray(UUID[]::new))
                        .addArrayOfString(
                                incidents.stream().map(IncidentEvent::reference).toArray(String[]::new))
                        .addArrayOfString(incidents.stream()
                                .map(IncidentEvent::reportingOrganization)
                                .toArray(String[]::new))
                        .addArrayOfString(incidents.stream()
                                .map(IncidentEvent::reportingPath)
                                .toArray(String[]::new))
                        .addArrayOfString(
                                incidents.stream().map(IncidentEvent::title).toArray(String[]::new))
                        .addArrayOfString(
                                incidents.stream().map(IncidentEvent::severity).toArray(String[]::new))
                        .addArrayOfString(
                                incidents.stream().map(IncidentEvent::status).toArray(String[]::new))
                        .addArrayOfOffsetDateTime(incidents.stream()
                                .map(IncidentEvent::resolutionDue)
                                .map(IncidentEventsConsumer::utc)
                                .toArray(OffsetDateTime[]::new))
                        .addArrayOfLong(
                                incidents.stream().map(IncidentEvent::version).toArray(Long[]::new)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
