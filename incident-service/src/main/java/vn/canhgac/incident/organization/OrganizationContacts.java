package vn.canhgac.incident.organization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.organization.OrganizationReplicaListener;

/** Keeps every organisation's contacts beside the shared replica: an escalation records whom it reached and how. */
@ApplicationScoped
public class OrganizationContacts implements OrganizationReplicaListener {

    private static final String UPSERT = """
            insert into organization_contact (organization_code, contacts) values ($1, cast($2::text as json))
            on conflict (organization_code) do update set contacts = excluded.contacts""";

    private final ObjectMapper json;

    public OrganizationContacts(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<Void> applied(SqlConnection connection, OrganizationEvent event) {
        String contacts;
        try {
            contacts =
                    json.writeValueAsString(event.contacts() == null || event.deleted() ? List.of() : event.contacts());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Contacts cannot be written", e);
        }
        return connection
                .preparedQuery(UPSERT)
                .execute(Tuple.of(event.code(), contacts))
                .replaceWithVoid();
    }
}
