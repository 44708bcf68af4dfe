package vn.canhgac.advisory.inventory;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    private final Pool pool;
    private final AssetReplicas replicas;
    private final TenantScopes scopes;
    private final CurrentCaller caller;

    public MatchedAssetResource(Pool pool, AssetReplicas replicas, TenantScopes scopes, CurrentCaller caller) {
        this.pool = pool;
        this.replicas = replicas;
        this.scopes = scopes;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "An asset as the matcher knows it: addresses, and products under every identity they match "
                    + "by, with their version keys and streams")
    public Uni<MatchedAsset> get(@PathParam("id") UUID id) {
        return scopes.of(caller.get())
                .flatMap(scope -> replicas.matched(pool, scope, id))
                .onItem()
                .ifNull()
                .failWith(() -> DomainProblem.notFound("asset", id));
    }
}
