package vn.canhgac.incident.duty;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** A shift, its times in the wall clock of its time zone. */
public record ShiftView(
        UUID id,
        String organization,
        String person,
        String role,
        String phone,
        String email,
        LocalDateTime from,
        LocalDateTime to,
        String timeZone) {

    static ShiftView of(Row row) {
        ZoneId zone = ZoneId.of(row.getString("time_zone"));
        return new ShiftView(
                row.getUUID("id"),
                row.getString("organization_code"),
                row.getString("person"),
                row.getString("role"),
                row.getString("phone"),
                row.getString("email"),
                row.getOffsetDateTime("starts_at").atZoneSameInstant(zone).toLocalDateTime(),
                row.getOffsetDateTime("ends_at").atZoneSameInstant(zone).toLocalDateTime(),
                zone.getId());
    }
}
