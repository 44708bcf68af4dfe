package vn.canhgac.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import vn.canhgac.commons.json.RawJson;
import vn.canhgac.commons.requestid.RequestIdFilter;
import vn.canhgac.commons.tenancy.Caller;

/**
 * Records changes in the transaction that makes them, so the trail holds exactly what was committed. Two ways
 * in: {@link #record} joins the current Hibernate Reactive transaction; {@link #recordAll} writes a batch on a
 * SQL connection whose transaction the caller holds (bulk imports).
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT_BATCH = """
            insert into audit_entry (occurred_at, actor, actor_org, action, entity_type, entity_id, org_path,
                                     before, after, request_id)
            select now(), $1, $2, u.action, u.entity_type, u.entity_id, u.org_path, u.before::json, u.after::json, $3
            from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                 as u(action, entity_type, entity_id, org_path, before, after)""";

    private final ObjectMapper json;

    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    public Uni<AuditEntry> record(Caller caller, Change change) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.actor = caller.displayName();
        entry.actorOrg = caller.orgCode();
        entry.action = change.action().name();
        entry.entityType = change.entityType();
        entry.entityId = change.entityId();
        entry.orgPath = change.orgPath();
        entry.before = toJson(change.before());
        entry.after = toJson(change.after());
        entry.requestId = RequestIdFilter.current();
        return entry.persist();
    }

    public Uni<Void> recordAll(SqlClient connection, Caller caller, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = changes.size();
        String[] actions = new String[n],
                types = new String[n],
                ids = new String[n],
                paths = new String[n],
                befores = new String[n],
                afters = new String[n];
        for (int i = 0; i < n; i++) {
            Change change = changes.get(i);
            actions[i] = change.action().name();
            types[i] = change.entityType();
            ids[i] = change.entityId();
            paths[i] = change.orgPath();
            befores[i] = toJson(change.before());
            afters[i] = toJson(change.after());
        }
        Tuple row = Tuple.tuple()
                .addString(caller.displayName())
                .addString(caller.orgCode())
                .addString(RequestIdFilter.current())
                .addArrayOfString(actions)
                .addArrayOfString(types)
                .addArrayOfString(ids)
                .addArrayOfString(paths)
                .addArrayOfString(befores)
                .addArrayOfString(afters);
        return connection.preparedQuery(INSERT_BATCH).execute(row).replaceWithVoid();
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        if (state instanceof RawJson raw) {
            return raw.json();
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state cannot be serialised: " + state.getClass(), e);
        }
    }
}
