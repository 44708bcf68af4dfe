package vn.canhgac.incident.handling;

import java.time.Instant;
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

/**
 * An incident as it is first stored, computed whole before the one statement that stores it
 * ({@link IncidentStore#insert}): the values of its rows, its event, and the view the reporter gets back, all from
 * the same values, so nothing has to be read back.
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
