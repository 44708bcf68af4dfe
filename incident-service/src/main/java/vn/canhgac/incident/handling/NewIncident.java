package vn.canhgac.incident.handling;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import vn.canhgac.commons.contracts.IncidentEvent;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.text.SearchText;

/**
 * An incident as it is first stored, computed whole before the one statement that stores it: its row, the
 * rows of its affected organisations, observables and first timeline line, its event, and the view the
 * reporter gets back, all from the same values, so nothing has to be read back.
 */
record NewIncident(
        UUID id,
        Ticket ticket,
        String reportingOrganization,
        String reportingPath,
        IncidentInput.Contact contact,
        IncidentInput input,
        Tlp tlp,
        SortedMap<String, String> affected,
        List<IncidentView.AffectedSystem> systems,
        List<IncidentView.AffectedAsset> assets,
        List<IncidentView.Observable> observables,
        Instant reportedAt,
        String actor) {

    /** Deadlines are halved inside an alert window that a directive declared (Tết). */
    private static final int ALERT_WINDOW_DIVISOR = 2;

    static final String STORE = """
            with incident as (
                insert into incident (id, reference, reporting_org, reporting_path, reporter_name, reporter_phone,
                    reporter_email, title, description, category, severity, status, detected_at, reported_at, impact,
                    scope, measures_taken, support_requested, tlp, first_response_due, resolution_due, search_text,
                    version, created_at, created_by, updated_at, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'REPORTED', $12, $13, $14, $15, $16, $17, $18,
                        $19, $20, $21, 0, $13, $22, $13, $22)
            ), affected as (
                insert into incident_affected (incident_id, organization_code, org_path)
                select $1, a.code, a.path from unnest($23::text[], $24::text[]) as a(code, path)
            ), observed as (
                insert into incident_observable (incident_id, type, value, tlp, added_at, added_by)
                select $1, o.type, o.value, o.tlp, $13, $22 from unnest($25::text[], $26::text[], $27::text[]) as o(type, value, tlp)
            ), systems as (
                insert into incident_system (incident_id, system_id, organization_code, name, security_level)
                select $1, s.id, s.org, s.name, s.level from unnest($28::uuid[], $29::text[], $30::text[], $31::int[])
                    as s(id, org, name, level)
            ), assets as (
                insert into incident_asset (incident_id, asset_id, organization_code, hostname)
                select $1, a.id, a.org, a.hostname from unnest($32::uuid[], $33::text[], $34::text[]) as a(id, org, hostname)
            )
            insert into incident_timeline (incident_id, at, actor, kind, text) values ($1, $13, $22, 'STATUS', 'REPORTED')""";

    static NewIncident of(
            UUID id,
            Ticket ticket,
            String reportingOrganization,
            String reportingPath,
            IncidentInput input,
            Tlp tlp,
            SortedMap<String, String> affected,
            List<IncidentView.AffectedSystem> systems,
            List<IncidentView.AffectedAsset> assets,
            List<IncidentView.Observable> observables,
            String actor) {
        IncidentInput.Contact contact =
                input.contact() != null ? input.contact() : new IncidentInput.Contact(actor, null, null);
        // The database keeps microseconds: the view and the event carry what a later read will show.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new NewIncident(
                id,
                ticket,
                reportingOrganization,
                reportingPath,
                contact,
                input,
                tlp,
                affected,
                systems.stream()
                        .sorted(Comparator.comparing(IncidentView.AffectedSystem::name)
                                .thenComparing(system -> system.id().toString()))
                        .toList(),
                assets.stream()
                        .sorted(Comparator.comparing(IncidentView.AffectedAsset::hostname)
                                .thenComparing(asset -> asset.id().toString()))
                        .toList(),
                distinctSorted(observables),
                now,
                actor);
    }

    Instant firstResponseDue() {
        return reportedAt.plus(input.severity().firstResponse.dividedBy(divisor()));
    }

    Instant resolutionDue() {
        return reportedAt.plus(input.severity().resolution.dividedBy(divisor()));
    }

    private int divisor() {
        return ticket.inAlertWindow() ? ALERT_WINDOW_DIVISOR : 1;
    }

    Tuple row() {
        return Tuple.tuple()
                .addUUID(id)
                .addString(ticket.reference())
                .addString(reportingOrganization)
                .addString(reportingPath)
                .addString(contact.name())
                .addString(contact.phone())
                .addString(contact.email())
                .addString(input.title())
                .addString(input.description())
                .addString(input.category().name())
                .addString(input.severity().name())
                .addOffsetDateTime(input.detectedAt())
                .addOffsetDateTime(reportedAt.atOffset(ZoneOffset.UTC))
                .addString(input.impact())
                .addString(input.scope())
                .addString(input.measuresTaken())
                .addString(input.supportRequested())
                .addString(tlp.name())
                .addOffsetDateTime(firstResponseDue().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(resolutionDue().atOffset(ZoneOffset.UTC))
                .addString(SearchText.foldAll(ticket.reference(), input.title(), input.description()))
                .addString(actor)
                .addArrayOfString(affected.keySet().toArray(String[]::new))
                .addArrayOfString(affected.values().toArray(String[]::new))
                .addArrayOfString(observables.stream().map(o -> o.type().name()).toArray(String[]::new))
                .addArrayOfString(
                        observables.stream().map(IncidentView.Observable::value).toArray(String[]::new))
                .addArrayOfString(
                        observables.stream().map(IncidentView.Observable::tlp).toArray(String[]::new))
                .addArrayOfUUID(
                        systems.stream().map(IncidentView.AffectedSystem::id).toArray(UUID[]::new))
                .addArrayOfString(systems.stream()
                        .map(IncidentView.AffectedSystem::organization)
                        .toArray(String[]::new))
                .addArrayOfString(
                        systems.stream().map(IncidentView.AffectedSystem::name).toArray(String[]::new))
                .addArrayOfInteger(systems.stream()
                        .map(IncidentView.AffectedSystem::securityLevel)
                        .toArray(Integer[]::new))
                .addArrayOfUUID(
                        assets.stream().map(IncidentView.AffectedAsset::id).toArray(UUID[]::new))
                .addArrayOfString(assets.stream()
                        .map(IncidentView.AffectedAsset::organization)
                        .toArray(String[]::new))
                .addArrayOfString(assets.stream()
                        .map(IncidentView.AffectedAsset::hostname)
                        .toArray(String[]::new));
    }

    IncidentEvent event() {
        return new IncidentEvent(
                id,
                ticket.reference(),
                reportingOrganization,
                reportingPath,
                List.copyOf(affected.keySet()),
                List.of(),
                input.title(),
                input.category().name(),
                input.severity().name(),
                IncidentStatus.REPORTED.name(),
                tlp.name(),
                input.detectedAt().toInstant(),
                reportedAt,
                resolutionDue(),
                0);
    }

    IncidentView view() {
        IncidentStatus status = IncidentStatus.REPORTED;
        return new IncidentView(
                id,
                ticket.reference(),
                reportingOrganization,
                contact,
                List.copyOf(affected.keySet()),
                systems,
                assets,
                input.title(),
                input.description(),
                input.category(),
                input.severity(),
                status,
                status.nextNames(),
                null,
                input.detectedAt().toInstant(),
                reportedAt,
                input.impact(),
                input.scope(),
                input.measuresTaken(),
                input.supportRequested(),
                tlp.name(),
                firstResponseDue(),
                resolutionDue(),
                null,
                null,
                false,
                false,
                observables,
                List.of(),
                null,
                0,
                actor);
    }

    /** The same type and value twice is one observable (the first one's TLP), in the order a read lists them. */
    private static List<IncidentView.Observable> distinctSorted(List<IncidentView.Observable> observables) {
        Map<String, IncidentView.Observable> distinct = new LinkedHashMap<>();
        observables.forEach(o -> distinct.putIfAbsent(o.type().name() + " " + o.value(), o));
        List<IncidentView.Observable> sorted = new ArrayList<>(distinct.values());
        sorted.sort(Comparator.comparing((IncidentView.Observable o) -> o.type().name())
                .thenComparing(IncidentView.Observable::value));
        return List.copyOf(sorted);
    }
}
