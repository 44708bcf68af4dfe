package vn.canhgac.incident.botnet;

import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_REOPENED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_UPDATED;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.events.ProcessedEvents;
import vn.canhgac.commons.events.ReceivedEvent;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.incident.handling.IncidentCategory;
import vn.canhgac.incident.handling.IncidentInput;
import vn.canhgac.incident.handling.IncidentService;
import vn.canhgac.incident.handling.IncidentSeverity;
import vn.canhgac.incident.handling.IncidentView;
import vn.canhgac.incident.handling.ObservableInput;
import vn.canhgac.incident.handling.ObservableType;
import vn.canhgac.incident.handling.Ticket;

/**
 * Botnet hits open incidents: an exposure of botnet kind, detected or reopened, opens a malware incident for the
 * owning organisation with the address as observable, or adds the address to the incident already open for that
 * organisation and list. A batch's hits of one organisation and list are applied together: one incident or one
 * addition with all their addresses and one line in its timeline (a list that names 10,000 addresses of an agency
 * used to write 10,000 lines, one event at a time). Replays change nothing (each event once; each observable once),
 * and a hit older than the processed markers kept is history: replayed from the compacted topic, it would open an
 * incident again for an address long dealt with. (The price: a service stopped longer than that opens no incident
 * for the hits of the time; advisory-service's exposures still show them.)
 */
@ApplicationScoped
public class BotnetHitsConsumer {

    private static final Logger LOG = Logger.getLogger(BotnetHitsConsumer.class);

    private static final String CONSUMER = "incident-service.exposures";

    /** The most addresses one line of the timeline names; all of them are observables. */
    static final int NAMED_IN_TIMELINE = 10;

    private static final Set<String> LIVE = Set.of("OPEN", "ACKNOWLEDGED", "IN_PROGRESS");

    private static final Caller MATCHER = new Caller("advisory-service", "botnet matcher", null, Set.of());
    /** Of the groups (organisation and list), those with an incident still open, and that incident. */
    private static final String OPEN_FOR = """
            select b.organization_code, b.botnet_list_id, b.incident_id
            from unnest($1::text[], $2::uuid[]) as g(organization_code, botnet_list_id)
            join botnet_incident b using (organization_code, botnet_list_id)
            join incident i on i.id = b.incident_id
            where i.status not in ('CLOSED', 'REJECTED', 'DUPLICATE')""";
    /** Each group's incident, the one opened last. */
    private static final String REMEMBER = """
            insert into botnet_incident (organization_code, botnet_list_id, incident_id)
            select * from unnest($1::text[], $2::uuid[], $3::uuid[])
            on conflict (organization_code, botnet_list_id) do update set incident_id = excluded.incident_id""";

    private final BatchConsumer consumer;
    private final IncidentService incidents;
    private final EventData events;
    private final ProcessedEvents processed;

    public BotnetHitsConsumer(
            BatchConsumer consumer, IncidentService incidents, EventData events, ProcessedEvents processed) {
        this.consumer = consumer;
        this.incidents = incidents;
        this.events = events;
        this.processed = processed;
    }

    /** A batch of exposure events in one transaction; its botnet hits grouped by organisation and list. */
    @Incoming("exposures")
    public Uni<Void> onExposures(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                CONSUMER,
                batch,
                this::mayBeBotnetHit,
                event -> events.read(event, ExposureEvent.class),
                BotnetHitsConsumer::mayBeHit, // the other exposures change nothing here: no marker
                (connection, received) -> {
                    List<BatchConsumer.Read<ExposureEvent>> botnetHits =
                            received.stream().filter(BotnetHitsConsumer::isHit).toList();
                    List<BatchConsumer.Read<ExposureEvent>> remembered = processed.remembered(botnetHits);
                    if (remembered.size() < botnetHits.size()) {
                        LOG.infof(
                                "%d botnet hits published before %s left as history: their markers may be gone",
                                botnetHits.size() - remembered.size(), processed.horizon());
                    }
                    return apply(connection, byIncident(BatchConsumer.data(remembered)));
                });
    }

    /**
     * The botnet hits, grouped by the incident they belong to (organisation and list), in the order first seen; an
     * address once per group (two assets may share it, or an asset hit and a range hit arrive together).
     */
    static List<List<ExposureEvent>> byIncident(List<ExposureEvent> exposures) {
        return List.copyOf(exposures.stream()
                .filter(BotnetHitsConsumer::mayBeHit)
                .collect(Collectors.groupingBy(
                        BotnetHitsConsumer::group,
                        LinkedHashMap::new,
                        Collectors.collectingAndThen(
                                Collectors.toMap(
                                        ExposureEvent::subject, e -> e, (first, again) -> first, LinkedHashMap::new),
                                bySubject -> List.copyOf(bySubject.values()))))
                .values());
    }

    /**
     * Advisory exposures are most of the topic and never concern this consumer: they are left unread (reading each
     * whole was a quarter of the service's time while an import's 560,000 exposures went by). Nor do updates that
     * kept a hit's status: a newer list naming the same address, or a withdrawn list's hit handed over to another,
     * is the hit this service was already told of.
     */
    private boolean mayBeBotnetHit(ReceivedEvent event) {
        return !EXPOSURE_UPDATED.type().equals(event.type())
                && events.field(event, "sourceKind")
                        .map(ExposureEvent.BOTNET::equals)
                        .orElse(true);
    }

    /** A botnet exposure still to fix. */
    private static boolean mayBeHit(ExposureEvent exposure) {
        return ExposureEvent.BOTNET.equals(exposure.sourceKind())
                && LIVE.contains(exposure.status())
                && exposure.botnetListId() != null;
    }

    /**
     * A detection or a reopen on new evidence still to fix, or a person's step back to open. The data of the first
     * two is read from the exposure when the event is sent, not when the matcher wrote it (decision record 17): an
     * agency that took the hit up in the meantime has not dealt with the infected machine yet, so it is still a hit.
     * A status change to open is a person's reopen, or a reopen sent by an advisory-service older than the type;
     * but not a step whose data records a later change of status than the event's own time: a close read after
     * the hit was reopened (by the matcher or a person), whose reopen has its own event (counted too, it gave the
     * incident its timeline line twice).
     */
    private static boolean isHit(BatchConsumer.Read<ExposureEvent> read) {
        String type = read.event().type();
        return mayBeHit(read.data())
                && (EXPOSURE_DETECTED.type().equals(type)
                        || EXPOSURE_REOPENED.type().equals(type)
                        || (EXPOSURE_STATUS_CHANGED.type().equals(type)
                                && "OPEN".equals(read.data().status())
                                && !changedAfter(read)));
    }

    /** The data's status changed after the event was recorded: the data is a later step's. */
    private static boolean changedAfter(BatchConsumer.Read<ExposureEvent> read) {
        Instant recorded = read.event().time();
        Instant changed = read.data().statusChangedAt();
        return recorded != null && changed != null && changed.isAfter(recorded);
    }

    /**
     * The batch's hits, a group per organisation and list: added to the group's open incident, or a new incident
     * with all of them. A few statements for the whole batch, whatever the number of groups: a list that hits
     * thousands of agencies used to open their incidents one at a time, four round trips each.
     */
    private Uni<Void> apply(SqlConnection connection, List<List<ExposureEvent>> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return openIncidents(connection, groups).flatMap(open -> {
            List<IncidentService.Addition> additions = groups.stream()
                    .filter(hits -> open.containsKey(group(hits.getFirst())))
                    .map(hits -> new IncidentService.Addition(
                            open.get(group(hits.getFirst())), addresses(hits), timelineLine(hits)))
                    .toList();
            List<List<ExposureEvent>> unopened = groups.stream()
                    .filter(hits -> !open.containsKey(group(hits.getFirst())))
                    .toList();
            return incidents.addAllOn(connection, MATCHER, additions).flatMap(added -> open(connection, unopened));
        });
    }

    /** The incident open for each group of the batch that has one, by {@link #group}. */
    private static Uni<Map<String, UUID>> openIncidents(SqlConnection connection, List<List<ExposureEvent>> groups) {
        return connection
                .preparedQuery(OPEN_FOR)
                .execute(Tuple.of(
                        groups.stream()
                                .map(hits -> hits.getFirst().organizationCode())
                                .toArray(String[]::new),
                        groups.stream()
                                .map(hits -> hits.getFirst().botnetListId())
                                .toArray(UUID[]::new)))
                .map(rows -> {
                    Map<String, UUID> open = new HashMap<>();
                    rows.forEach(row -> open.put(
                            row.getString("organization_code") + "|" + row.getUUID("botnet_list_id"),
                            row.getUUID("incident_id")));
                    return open;
                });
    }

    /** The organisation and list a hit's incident is for. */
    private static String group(ExposureEvent hit) {
        return hit.organizationCode() + "|" + hit.botnetListId();
    }

    /** A range of a constituency listed as a whole is told in the timeline, not kept as an address. */
    private static List<ObservableInput> addresses(List<ExposureEvent> hits) {
        return hits.stream()
                .filter(hit -> IpNetworks.address(hit.subject()).isPresent())
                .map(hit -> new ObservableInput(ObservableType.IP, hit.subject(), "AMBER"))
                .toList();
    }

    /** "203.0.113.25 (mail.example) is on LIST", or how many, the first few and the list. */
    static String timelineLine(List<ExposureEvent> hits) {
        String list = hits.getFirst().botnetListReference();
        if (hits.size() == 1) {
            return where(hits.getFirst()) + " is on " + list;
        }
        String named = hits.stream()
                .limit(NAMED_IN_TIMELINE)
                .map(BotnetHitsConsumer::where)
                .collect(Collectors.joining(", "));
        String more = hits.size() > NAMED_IN_TIMELINE ? " and " + (hits.size() - NAMED_IN_TIMELINE) + " more" : "";
        return hits.size() + " addresses are on " + list + ": " + named + more;
    }

    private static String where(ExposureEvent hit) {
        String within = hit.hostname() != null ? hit.hostname() : hit.network();
        return within == null ? hit.subject() : hit.subject() + " (" + within + ")";
    }

    /** A new incident for each group, its tickets drawn together, and each remembered as its group's. */
    private Uni<Void> open(SqlConnection connection, List<List<ExposureEvent>> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return incidents
                .draw(groups.size())
                .map(tickets -> IntStream.range(0, groups.size())
                        .mapToObj(i -> opening(groups.get(i), tickets.get(i)))
                        .toList())
                .flatMap(openings -> incidents.openAllOn(connection, MATCHER, openings))
                .flatMap(opened -> connection
                        .preparedQuery(REMEMBER)
                        .execute(Tuple.of(
                                opened.stream()
                                        .map(IncidentView::reportingOrganization)
                                        .toArray(String[]::new),
                                groups.stream()
                                        .map(hits -> hits.getFirst().botnetListId())
                                        .toArray(UUID[]::new),
                                opened.stream().map(IncidentView::id).toArray(UUID[]::new))))
                .replaceWithVoid();
    }

    private static IncidentService.Opening opening(List<ExposureEvent> hits, Ticket ticket) {
        ExposureEvent exposure = hits.getFirst();
        IncidentInput input = new IncidentInput(
                exposure.organizationCode(),
                null,
                List.of(),
                "Botnet: " + exposure.botnetListReference() + " lists addresses of " + exposure.organizationCode(),
                "Addresses of this organisation are on the botnet list " + exposure.botnetListReference()
                        + ". Find and clean the infected machines (directive 6410, item 1c).",
                IncidentCategory.MALWARE,
                IncidentSeverity.HIGH,
                exposure.detectedAt().atOffset(ZoneOffset.UTC),
                null,
                null,
                null,
                null,
                "AMBER",
                addresses(hits),
                List.of(),
                List.of());
        return new IncidentService.Opening(input, ticket, exposure.organizationCode(), exposure.orgPath());
    }
}
