package vn.canhgac.advisory.duepolicy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** The due_policy table: one row per severity, one version for the whole policy. */
@ApplicationScoped
public class DuePolicyStore {

    private static final String READ = "select severity, days, version from due_policy";
    private static final String LOCK = "select severity, days, version from due_policy for update";
    private static final String WRITE = """
            update due_policy p set days = n.days, version = version + 1, updated_at = now(), updated_by = $5
            from unnest(array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'], array[$1, $2, $3, $4]::int[]) as n(severity, days)
            where p.severity = n.severity""";

    Uni<DuePolicy> read(SqlClient client) {
        return client.query(READ).execute().map(DuePolicyStore::policy);
    }

    Uni<DuePolicy> lock(SqlClient client) {
        return client.query(LOCK).execute().map(DuePolicyStore::policy);
    }

    Uni<DuePolicy> write(SqlClient client, DuePolicy policy, String by) {
        return client.preparedQuery(WRITE)
                .execute(Tuple.of(policy.critical(), policy.high(), policy.medium(), policy.low(), by))
                .flatMap(ignored -> read(client));
    }

    private static DuePolicy policy(RowSet<Row> rows) {
        Map<String, Integer> days = new HashMap<>();
        long version = 0;
        for (Row row : rows) {
            days.put(row.getString("severity"), row.getInteger("days"));
            version = Math.max(version, row.getLong("version"));
        }
        return new DuePolicy(days.get("CRITICAL"), days.get("HIGH"), days.get("MEDIUM"), days.get("LOW"), version);
    }
}
