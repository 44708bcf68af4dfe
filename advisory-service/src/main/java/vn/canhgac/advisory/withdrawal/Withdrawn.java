package vn.canhgac.advisory.withdrawal;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/**
 * How an advisory or a botnet list was withdrawn (when, by whom, why), shown on it so that whoever reads it knows it
 * matches nothing any more; null while it is active.
 */
public record Withdrawn(Instant at, String by, String reason) {

    /** The columns a store selects for {@link #of(Row)}. */
    public static final String COLUMNS = "withdrawn_at, withdrawn_by, withdrawal_reason";

    public static Withdrawn of(Row row) {
        var at = row.getOffsetDateTime("withdrawn_at");
        return at == null
                ? null
                : new Withdrawn(at.toInstant(), row.getString("withdrawn_by"), row.getString("withdrawal_reason"));
    }
}
