package vn.canhgac.notification.webhook;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as its organisation sees it; the secret is never shown again after it was created or
 * rotated ({@code secret} is set only in those two answers).
 */
public record WebhookView(
        UUID id,
        String organization,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        Instant previousSecretValidUntil,
        Instant createdAt,
        String createdBy,
        long version,
        String secret) {

    static WebhookView of(Row row, String secret) {
        return new WebhookView(
                row.getUUID("id"),
                row.getString("organization_code"),
                row.getString("url"),
                row.getString("description"),
                List.of(row.getArrayOfStrings("event_types")),
                row.getBoolean("enabled"),
                row.getString("disabled_reason"),
                instant(row.getOffsetDateTime("disabled_at")),
                row.getInteger("consecutive_failures"),
                instant(row.getOffsetDateTime("previous_secret_expires_at")),
                instant(row.getOffsetDateTime("created_at")),
                row.getString("created_by"),
                row.getLong("version"),
                secret);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
