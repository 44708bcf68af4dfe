package vn.canhgac.advisory.duepolicy;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

/** The national due policy: everyone reads it (it explains their due dates), the Authority sets it. */
@Path("/api/v1/due-policy")
@Tag(name = "Exposures")
public class DuePolicyResource {

    static final String AUDIT_TYPE = "due-policy";

    private final Pool pool;
    private final DuePolicyStore store;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    public DuePolicyResource(Pool pool, DuePolicyStore store, AuditTrail audit, CurrentCaller caller) {
        this.pool = pool;
        this.store = store;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "The days an agency has to fix an exposure, by severity (the national policy)")
    public Uni<RestResponse<DuePolicy>> get() {
        return store.read(pool).map(DuePolicyResource::withEtag);
    }

    @PUT
    @RolesAllowed(Roles.AUTHORITY)
    @Operation(summary = "Set the national due policy; If-Match is required. Applies to exposures found from now on")
    public Uni<RestResponse<DuePolicy>> set(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid DuePolicy policy) {
        var who = caller.get();
        return pool.withTransaction(connection -> store.lock(connection).flatMap(before -> {
                    IfMatch.require(ifMatch, before.version());
                    return store.write(connection, policy, who.displayName())
                            .call(after -> audit.record(
                                    OpenTransaction.on(connection),
                                    who,
                                    List.of(Change.updated(AUDIT_TYPE, "national", "/", before, after))));
                }))
                .map(DuePolicyResource::withEtag);
    }

    private static RestResponse<DuePolicy> withEtag(DuePolicy policy) {
        return RestResponse.ResponseBuilder.ok(policy)
                .tag(new EntityTag(IfMatch.etagOf(policy.version())))
                .build();
    }
}
