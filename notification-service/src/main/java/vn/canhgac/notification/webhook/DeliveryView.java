package vn.canhgac.notification.webhook;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One delivery in a webhook's log: its id (the {@code webhook-id} header), what it carried, where it stands
 * (PENDING, SENT, FAILED), how many attempts, and the receiver's last answer.
 */
public record DeliveryView(
        String id,
        String kind,
        String state,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {

    static DeliveryView of(Row row) {
        return new DeliveryView(
                row.getString("id"),
                row.getString("kind"),
                row.getString("state"),
                row.getInteger("attempts"),
                row.getInteger("last_status"),
                row.getString("last_error"),
                instant(row.getOffsetDateTime("created_at")),
                "PENDING".equals(row.getString("state")) ? instant(row.getOffsetDateTime("next_attempt_at")) : null,
                instant(row.getOffsetDateTime("sent_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
