package vn.canhgac.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.canhgac.commons.json.RawJson;
import vn.canhgac.commons.requestid.RequestIdFilter;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.sql.Rows;
import vn.canhgac.commons.tenancy.Caller;

/** Records changes in the transaction that makes them, so the trail holds exactly what was committed. */
@ApplicationScoped
public class AuditTrail {

    private final ObjectMapper json;

    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> record(OpenTransaction transaction, Caller caller, Change change) {
        return record(transaction, caller, List.of(change));
    }

    public Uni<Void> record(OpenTransaction transaction, Caller caller, List<Change> changes) {
        Rows rows = Rows.into("audit_entry")
                .computed("occurred_at", "now()")
                .same("actor", "text", caller.displayName())
                .same("actor_org", "text", caller.orgCode())
                .column("action", "text")
                .column("entity_type", "text")
                .column("entity_id", "text")
                .column("org_path", "text")
                .column("before", "json")
                .column("after", "json")
                .same("request_id", "text", RequestIdFilter.current());
        for (Change change : changes) {
            rows.add(
                    change.action().name(),
                    change.entityType(),
                    change.entityId(),
                    change.orgPath(),
                    toJson(change.before()),
                    toJson(change.after()));
        }
        return transaction.insert(rows);
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
