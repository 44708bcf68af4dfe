package vn.canhgac.inventory.asset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.canhgac.commons.tenancy.TenantScope;

/** Who may own an asset: an organisation in the caller's scope, and a system of that same organisation. */
@ApplicationScoped
public class AssetOwners {

    /** The organisation, if it exists and is in scope; an unknown one and one out of scope look the same. */
    Uni<Optional<OrganizationRef>> organization(SqlClient connection, TenantScope scope, String code) {
        return connection
                .preparedQuery("select id, code, path from organization where code = $1")
                .execute(Tuple.of(code))
                .map(rows -> rows.size() == 0
                        ? Optional.<OrganizationRef>empty()
                        : Optional.of(rows.iterator().next())
                                .map(row -> new OrganizationRef(
                                        row.getUUID("id"), row.getString("code"), row.getString("path"))))
                .map(found -> found.filter(org -> scope.covers(org.path())));
    }

    /** Whether the system exists and belongs to the organisation itself (not another one of the same scope). */
    Uni<Boolean> systemBelongs(SqlClient connection, UUID systemId, String organizationPath) {
        if (systemId == null) {
            return Uni.createFrom().item(true);
        }
        return connection
                .preparedQuery("select 1 from information_system where id = $1 and org_path = $2")
                .execute(Tuple.of(systemId, organizationPath))
                .map(rows -> rows.size() == 1);
    }
}
