package vn.canhgac.advisory.withdrawal;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The withdrawal columns of advisories and botnet lists. */
@ApplicationScoped
public class WithdrawalStore {

    /** What a withdrawal needs to know of its target, locked until the transaction ends. */
    record Target(String reference, String publishedBy, boolean withdrawn) {}

    private static final String LOCK =
            "select reference, created_by, withdrawn_at is not null as withdrawn from %s" + " where id = $1 for update";
    private static final String MARK = """
            update %s set withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3%s where id = $1
            returning withdrawn_at""";

    Uni<Target> lock(SqlConnection connection, Kind kind, UUID id) {
        return connection
                .preparedQuery(LOCK.formatted(kind.table))
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Target(
                            row.getString("reference"), row.getString("created_by"), row.getBoolean("withdrawn"));
                });
    }

    Uni<Instant> mark(SqlConnection connection, Kind kind, UUID id, String actor, String reason) {
        String status = kind == Kind.ADVISORY ? ", status = 'WITHDRAWN', version = version + 1" : "";
        return connection
                .preparedQuery(MARK.formatted(kind.table, status))
                .execute(Tuple.of(id, actor, reason))
                .map(rows ->
                        rows.iterator().next().getOffsetDateTime("withdrawn_at").toInstant());
    }

    /** What can be withdrawn, and its table. */
    enum Kind {
        ADVISORY("advisory", "advisory"),
        BOTNET_LIST("botnet_list", "botnet-list");

        final String table;
        final String auditType;

        Kind(String table, String auditType) {
            this.table = table;
            this.auditType = auditType;
        }
    }
}
