package vn.canhgac.commons.organization;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * Reads a service's replica of the organisation tree, in the caller's scope. A consuming service exposes it
 * under its own path by extending this class with {@code @Path}.
 */
@Authenticated
public abstract class ReplicatedOrganizationsResource {

    @Inject
    OrganizationReplicas replicas;

    @Inject
    TenantScopes scopes;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Organisations this service knows, in your scope; q searches with or without diacritics")
    public Uni<Page<OrganizationView>> list(
            @QueryParam("q") String query, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return scopes.of(caller.get()).flatMap(scope -> replicas.list(scope, query, after, Page.clamp(limit)));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One organisation as this service knows it")
    public Uni<OrganizationView> get(@PathParam("code") String code) {
        return scopes.of(caller.get()).flatMap(scope -> replicas.get(scope, code));
    }
}
