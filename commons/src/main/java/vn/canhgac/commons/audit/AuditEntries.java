package vn.canhgac.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.canhgac.commons.sql.Conditions;

/** Reads the audit trail (written by {@link AuditTrail}): newest first, under a path, with optional filters. */
@ApplicationScoped
public class AuditEntries {

    private static final String SELECT = """
            select id, occurred_at, actor, actor_org, action, entity_type, entity_id, before::text as before,
                   after::text as after, request_id
            from audit_entry""";

    private static final String BY_IDS =
            SELECT + " join unnest($1::bigint[]) with ordinality k(key, n) on k.key = audit_entry.id order by k.n";

    private final Pool pool;
    private final ObjectMapper json;

    public AuditEntries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Filters: the entity's type and id and the actor when given; {@code from} included, {@code to} not. */
    public record Filter(String entityType, String entityId, String actor, Instant from, Instant to) {}

    public Uni<List<AuditRecord>> page(String pathPattern, Filter filter, long beforeId, int limit) {
        Conditions where = conditions(pathPattern, filter).and("id < ?", beforeId);
        String sql = SELECT + where.clause() + " order by id desc limit " + (limit + 1);
        return pool.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<AuditRecord> records = new ArrayList<>();
            rows.forEach(row -> records.add(record(row)));
            return records;
        });
    }

    /** The ids of the entries the filter selects, newest first as the list, at most {@code limit}. */
    public Uni<List<Long>> ids(String pathPattern, Filter filter, long limit) {
        Conditions where = conditions(pathPattern, filter);
        String sql =
                "select array(select id from audit_entry" + where.clause() + " order by id desc limit " + limit + ")";
        return pool.preparedQuery(sql)
                .execute(where.params())
                .map(rows -> List.of(rows.iterator().next().getArrayOfLongs(0)));
    }

    /** The entries of these ids, in their order. */
    public Uni<List<AuditRecord>> byIds(List<Long> ids) {
        return pool.preparedQuery(BY_IDS)
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    List<AuditRecord> records = new ArrayList<>(rows.size());
                    rows.forEach(row -> records.add(record(row)));
                    return records;
                });
    }

    private static Conditions conditions(String pathPattern, Filter filter) {
        return Conditions.on(Tuple.tuple())
                .and("org_path like ?", pathPattern)
                .and("occurred_at >= ?", utc(filter.from()))
                .and("occurred_at < ?", utc(filter.to()))
                .whenPresent(filter.entityType(), "entity_type = ?")
                .whenPresent(filter.entityId(), "entity_id = ?")
                .whenPresent(filter.actor(), "actor = ?");
    }

    private AuditRecord record(Row row) {
        return new AuditRecord(
                row.getLong("id"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("actor"),
                row.getString("actor_org"),
                row.getString("action"),
                row.getString("entity_type"),
                row.getString("entity_id"),
                tree(row.getString("before")),
                tree(row.getString("after")),
                row.getString("request_id"));
    }

    private JsonNode tree(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit state is not JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
