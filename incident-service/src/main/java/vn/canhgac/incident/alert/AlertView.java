package vn.canhgac.incident.alert;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.incident.handling.ObservableInput;

/** An alert as the API shows it: how often it was pushed, and what became of it. */
public record AlertView(
        UUID id,
        String source,
        String sourceReference,
        String organization,
        String type,
        String title,
        Instant observedAt,
        Instant firstPushedAt,
        Instant lastPushedAt,
        int occurrences,
        List<ObservableInput> observables,
        String status,
        UUID incidentId,
        boolean duplicate) {

    /** An alert read by {@link AlertStore}. */
    static AlertView of(Row row, List<ObservableInput> observables, boolean duplicate) {
        return new AlertView(
                row.getUUID("id"),
                row.getString("source"),
                row.getString("source_ref"),
                row.getString("organization_code"),
                row.getString("type"),
                row.getString("title"),
                row.getOffsetDateTime("observed_at").toInstant(),
                row.getOffsetDateTime("first_pushed_at").toInstant(),
                row.getOffsetDateTime("last_pushed_at").toInstant(),
                row.getInteger("occurrences"),
                observables,
                row.getString("status"),
                row.getUUID("incident_id"),
                duplicate);
    }
}
