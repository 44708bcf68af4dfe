package vn.canhgac.advisory.inventory;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.TenantScopes;

@Path("/api/v1/exposures/assets/{id}")
@Tag(name = "Exposures")
@Authenticated
public class MatchedAssetResource {

    private static final String ASSET = """
            select id, organization_code, org_path, hostname, version, deleted,
                   array(select host(address) from asset_address_replica where asset_id = a.id order by address) as addresses
            from asset_replica a where id = $1""";
    private static final String PRODUCTS = """
            select identity, vendor, product, version, version_key from installed_product
            where asset_id = $1 order by position, identity""";

    private final Pool pool;
    private final TenantScopes scopes;
    private final CurrentCaller caller;

    public MatchedAssetResource(Pool pool, TenantScopes scopes, CurrentCaller caller) {
        this.pool = pool;
        this.scopes = scopes;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "An asset as the matcher knows it: addresses, and products under every identity they match by")
    public Uni<MatchedAsset> get(@PathParam("id") UUID id) {
        return scopes.of(caller.get())
                .flatMap(scope -> pool.preparedQuery(ASSET)
                        .execute(Tuple.of(id))
                        .map(rows -> {
                            Row row = rows.size() == 0 ? null : rows.iterator().next();
                            if (row == null || !scope.covers(row.getString("org_path"))) {
                                throw DomainProblem.notFound("asset", id);
                            }
                            return row;
                        }))
                .flatMap(asset -> pool.preparedQuery(PRODUCTS)
                        .execute(Tuple.of(id))
                        .map(rows -> {
                            List<MatchedAsset.InstalledProduct> products = new ArrayList<>();
                            rows.forEach(p -> products.add(new MatchedAsset.InstalledProduct(
                                    p.getString("identity"),
                                    p.getString("vendor"),
                                    p.getString("product"),
                                    p.getString("version"),
                                    p.getString("version_key"))));
                            return new MatchedAsset(
                                    asset.getUUID("id"),
                                    asset.getString("organization_code"),
                                    asset.getString("hostname"),
                                    asset.getLong("version"),
                                    asset.getBoolean("deleted"),
                                    List.of(asset.getArrayOfStrings("addresses")),
                                    products);
                        }));
    }
}
