package vn.canhgac.commons.organization;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/** What a consuming service shows of an organisation it knows (its replica), e.g. to prove replication. */
public record OrganizationView(
        String code,
        String parentCode,
        String nameVi,
        String nameEn,
        OrganizationKind kind,
        long version,
        Instant updatedAt) {

    static OrganizationView of(Row row) {
        return new OrganizationView(
                row.getString("code"),
                row.getString("parent_code"),
                row.getString("name_vi"),
                row.getString("name_en"),
                OrganizationKind.valueOf(row.getString("kind")),
                row.getLong("version"),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
