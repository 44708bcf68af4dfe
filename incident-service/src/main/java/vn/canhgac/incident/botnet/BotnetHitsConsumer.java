package vn.canhgac.incident.botnet;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.incident.handling.IncidentCategory;
import vn.canhgac.incident.handling.IncidentInput;
import vn.canhgac.incident.handling.IncidentService;
import vn.canhgac.incident.handling.IncidentSeverity;
import vn.canhgac.incident.handling.ObservableInput;
import vn.canhgac.incident.handling.ObservableType;

/**
 * Botnet hits open incidents: an exposure of botnet kind, detected or reopened, opens a malware incident for the
 * owning organisation with the address as observable, or adds the address to the incident already open for that
 * organisation and list. Replays change nothing (each event once; each observable once).
 */
@ApplicationScoped
public class BotnetHitsConsumer {

    private static final String CONSUMER = "incident-service.exposures";
    private static final Caller MATCHER = new Caller("advisory-service", "botnet matcher", null, Set.of());
    private static final String OPEN_FOR = """
            select b.incident_id from botnet_incident b join incident i on i.id = b.incident_id
            where b.organization_code = $1 and b.botnet_list_id = $2
              and i.status not in ('CLOSED', 'REJECTED', 'DUPLICATE')""";
    private static final String REMEMBER = """
            insert into botnet_incident (organization_code, botnet_list_id, incident_id) values ($1, $2, $3)
            on conflict (organization_code, botnet_list_id) do update set incident_id = excluded.incident_id""";

    private final BatchConsumer consumer;
    private final IncidentService incidents;
    private final EventData events;

    public BotnetHitsConsumer(BatchConsumer consumer, IncidentService incidents, EventData events) {
        this.consumer = consumer;
        this.incidents = incidents;
        this.events = events;
    }

    /** A batch of exposure events in one transaction; its botnet hits in their order (an incident, then its additions). */
    @Incoming("exposures")
    public Uni<Void> onExposures(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                CONSUMER,
                batch,
                event -> events.read(event, ExposureEvent.class),
                (connection, received) -> BatchConsumer.inOrder(
                        BatchConsumer.data(received).stream()
                                .filter(BotnetHitsConsumer::isBotnetHit)
                                .toList(),
                        exposure -> apply(connection, exposure)));
    }

    private static boolean isBotnetHit(ExposureEvent exposure) {
        return ExposureEvent.BOTNET.equals(exposure.sourceKind())
                && "OPEN".equals(exposure.status())
                && exposure.botnetListId() != null;
    }

    private Uni<Void> apply(SqlConnection connection, ExposureEvent exposure) {
        ObservableInput address = new ObservableInput(ObservableType.IP, exposure.subject(), "AMBER");
        String where = exposure.hostname() != null ? " (" + exposure.hostname() + ")" : " (" + exposure.network() + ")";
        return connection
                .preparedQuery(OPEN_FOR)
                .execute(Tuple.of(exposure.organizationCode(), exposure.botnetListId()))
                .flatMap(rows -> rows.size() > 0
                        ? incidents.addOn(
                                connection,
                                MATCHER,
                                rows.iterator().next().getUUID(0),
                                List.of(address),
                                exposure.subject() + where + " is on " + exposure.botnetListReference())
                        : open(connection, exposure, address));
    }

    private Uni<Void> open(SqlConnection connection, ExposureEvent exposure, ObservableInput address) {
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
                List.of(address),
                List.of(),
                List.of());
        return incidents
                .draw()
                .flatMap(ticket -> incidents.openOn(
                        connection, MATCHER, input, ticket, exposure.organizationCode(), exposure.orgPath()))
                .flatMap(incident -> connection
                        .preparedQuery(REMEMBER)
                        .execute(Tuple.of(exposure.organizationCode(), exposure.botnetListId(), incident.id())))
                .replaceWithVoid();
    }
}
