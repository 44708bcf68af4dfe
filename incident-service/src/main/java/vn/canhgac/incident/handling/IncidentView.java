package vn.canhgac.incident.handling;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An incident as the API shows it: the report, where it stands and what may come next, its deadlines and whether
 * they are missed, its observables, and (when one incident is read) its timeline.
 */
public record IncidentView(
        UUID id,
        String reference,
        String reportingOrganization,
        IncidentInput.Contact contact,
        List<String> affectedOrganizations,
        List<AffectedSystem> affectedSystems,
        List<AffectedAsset> affectedAssets,
        String title,
        String description,
        IncidentCategory category,
        IncidentSeverity severity,
        IncidentStatus status,
        List<String> allowedNext,
        Assignee assignee,
        Instant detectedAt,
        Instant reportedAt,
        String impact,
        String scope,
        String measuresTaken,
        String supportRequested,
        String tlp,
        Instant firstResponseDue,
        Instant resolutionDue,
        Instant firstResponseAt,
        Instant closedAt,
        boolean firstResponseOverdue,
        boolean resolutionOverdue,
        List<Observable> observables,
        List<String> escalatedTo,
        List<TimelineEntry> timeline,
        long version,
        String createdBy) {

    public record Observable(ObservableType type, String value, String tlp) {}

    public record TimelineEntry(Instant at, String actor, String kind, String text, String data) {}

    /** An information system hit, as inventory described it when the incident named it. */
    public record AffectedSystem(UUID id, String organization, String name, int securityLevel) {}

    public record AffectedAsset(UUID id, String organization, String hostname) {}

    /** Who works on the incident now: a person, an organisation, or both. */
    public record Assignee(String person, String organization) {

        static Assignee of(String person, String organization) {
            return person == null && organization == null ? null : new Assignee(person, organization);
        }
    }

    /** An incident read by {@link IncidentStore}; its timeline only when one incident is read, else null. */
    static IncidentView of(Row row, List<TimelineEntry> timeline) {
        IncidentStatus status = IncidentStatus.valueOf(row.getString("status"));
        Instant now = Instant.now();
        Instant firstResponseDue = instant(row, "first_response_due");
        Instant resolutionDue = instant(row, "resolution_due");
        Instant firstResponseAt = instant(row, "first_response_at");
        List<Observable> observables = Arrays.stream(row.getArrayOfStrings("observed"))
                .map(text -> {
                    String[] parts = text.split(" ", 3);
                    return new Observable(ObservableType.valueOf(parts[0]), parts[2], parts[1]);
                })
                .toList();
        return new IncidentView(
                row.getUUID("id"),
                row.getString("reference"),
                row.getString("reporting_org"),
                new IncidentInput.Contact(
                        row.getString("reporter_name"),
                        row.getString("reporter_phone"),
                        row.getString("reporter_email")),
                List.of(row.getArrayOfStrings("affected")),
                systems(row),
                assets(row),
                row.getString("title"),
                row.getString("description"),
                IncidentCategory.valueOf(row.getString("category")),
                IncidentSeverity.valueOf(row.getString("severity")),
                status,
                status.nextNames(),
                Assignee.of(row.getString("assignee_person"), row.getString("assignee_org")),
                instant(row, "detected_at"),
                instant(row, "reported_at"),
                row.getString("impact"),
                row.getString("scope"),
                row.getString("measures_taken"),
                row.getString("support_requested"),
                row.getString("tlp"),
                firstResponseDue,
                resolutionDue,
                firstResponseAt,
                instant(row, "closed_at"),
                status.isOpen() && firstResponseAt == null && firstResponseDue.isBefore(now),
                status.isOpen() && resolutionDue.isBefore(now),
                observables,
                List.of(row.getArrayOfStrings("escalated_to")),
                timeline,
                row.getLong("version"),
                row.getString("created_by"));
    }

    private static List<AffectedSystem> systems(Row row) {
        return Arrays.stream(row.getArrayOfStrings("systems"))
                .map(text -> {
                    String[] parts = text.split(" ", 4);
                    return new AffectedSystem(
                            UUID.fromString(parts[0]), parts[2], parts[3], Integer.parseInt(parts[1]));
                })
                .toList();
    }

    private static List<AffectedAsset> assets(Row row) {
        return Arrays.stream(row.getArrayOfStrings("assets"))
                .map(text -> {
                    String[] parts = text.split(" ", 3);
                    return new AffectedAsset(UUID.fromString(parts[0]), parts[1], parts[2]);
                })
                .toList();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
