package vn.canhgac.advisory.exposure;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.time.Vietnam;

/**
 * An exposure as the API shows it: who is hit, by what (the advisory and its document revision, or the botnet list),
 * what matched and why ({@code matched}: the affected product, its range and, in brackets, the identity it was
 * matched by, such as {@code cpe:f5:big-ip} or {@code name:f5:bigip}), what to do ({@code remediation}, the
 * advisory's), when it is due and where it stands. {@code history} is present when one exposure is read.
 */
public record ExposureView(
        UUID id,
        String organizationCode,
        String sourceKind,
        UUID advisoryId,
        String advisoryReference,
        UUID botnetListId,
        String botnetListReference,
        UUID assetId,
        String hostname,
        String network,
        String subject,
        String matched,
        String severity,
        LocalDate dueOn,
        boolean overdue,
        ExposureStatus status,
        List<String> allowedNext,
        Instant detectedAt,
        Instant lastMatchedAt,
        Instant statusChangedAt,
        String statusChangedBy,
        long version,
        String advisoryRevision,
        String remediation,
        List<HistoryEntry> history) {

    /** One step of an exposure's life: who moved it, when, from what to what, and why. */
    public record HistoryEntry(Instant at, String actor, String fromStatus, String toStatus, String note) {}

    static ExposureView of(Row row) {
        ExposureStatus status = ExposureStatus.valueOf(row.getString("status"));
        LocalDate due = row.getLocalDate("due_on");
        return new ExposureView(
                row.getUUID("id"),
                row.getString("organization_code"),
                row.getString("source_kind"),
                row.getUUID("advisory_id"),
                row.getString("advisory_reference"),
                row.getUUID("botnet_list_id"),
                row.getString("botnet_list_reference"),
                row.getUUID("asset_id"),
                row.getString("hostname"),
                row.getString("network"),
                row.getString("subject"),
                row.getString("matched"),
                row.getString("severity"),
                due,
                ExposureStatus.UNRESOLVED.contains(status) && due.isBefore(Vietnam.today()),
                status,
                status.nextNames(),
                row.getOffsetDateTime("detected_at").toInstant(),
                row.getOffsetDateTime("last_matched_at").toInstant(),
                row.getOffsetDateTime("status_changed_at").toInstant(),
                row.getString("status_changed_by"),
                row.getLong("version"),
                row.getString("advisory_revision"),
                row.getString("advisory_remediation"),
                null);
    }

    ExposureView withHistory(List<HistoryEntry> entries) {
        return new ExposureView(
                id,
                organizationCode,
                sourceKind,
                advisoryId,
                advisoryReference,
                botnetListId,
                botnetListReference,
                assetId,
                hostname,
                network,
                subject,
                matched,
                severity,
                dueOn,
                overdue,
                status,
                allowedNext,
                detectedAt,
                lastMatchedAt,
                statusChangedAt,
                statusChangedBy,
                version,
                advisoryRevision,
                remediation,
                entries);
    }
}
