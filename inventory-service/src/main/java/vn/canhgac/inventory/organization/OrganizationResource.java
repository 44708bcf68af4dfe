package vn.canhgac.inventory.organization;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/organizations")
@Tag(name = "Organisations")
@Authenticated
public class OrganizationResource {

    private final OrganizationService organizations;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public OrganizationResource(OrganizationService organizations, CurrentCaller caller, Idempotency idempotency) {
        this.organizations = organizations;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR})
    @Operation(summary = "Register an organisation under a parent in your scope")
    public Uni<RestResponse<OrganizationDetails>> create(
            @Valid @NotNull NewOrganization request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                request,
                OrganizationDetails.class,
                () -> organizations
                        .create(caller.get(), request)
                        .map(org -> RestResponse.ResponseBuilder.<OrganizationDetails>created(
                                        uri.getAbsolutePathBuilder()
                                                .path(org.code)
                                                .build())
                                .entity(OrganizationDetails.of(org))
                                .tag(etag(org))
                                .build()));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Describe an organisation in your scope anew; send the ETag you read as If-Match")
    public Uni<RestResponse<OrganizationDetails>> update(
            @PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull OrganizationChanges changes) {
        return organizations
                .update(caller.get(), code, ifMatch, changes)
                .map(org -> RestResponse.ResponseBuilder.ok(OrganizationDetails.of(org))
                        .tag(etag(org))
                        .build());
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR})
    @Operation(
            summary =
                    "Delete an organisation that no longer holds sub-organisations, systems or assets; If-Match is required")
    public Uni<RestResponse<Void>> delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        return organizations.delete(caller.get(), code, ifMatch).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "An organisation in your scope")
    public Uni<RestResponse<OrganizationDetails>> get(@PathParam("code") String code) {
        return organizations
                .get(caller.get(), code)
                .map(org -> RestResponse.ResponseBuilder.ok(OrganizationDetails.of(org))
                        .tag(etag(org))
                        .build());
    }

    @GET
    @Operation(
            summary = "Organisations in your scope, by code; q searches code and names with or without "
                    + "diacritics; ip finds the organisations whose constituency contains an address")
    public Uni<Page<OrganizationDetails>> list(
            @QueryParam("q") String query,
            @QueryParam("ip") String ip,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return organizations.list(caller.get(), query, ip, after, Page.clamp(limit));
    }

    private static EntityTag etag(Organization org) {
        return new EntityTag(IfMatch.etagOf(org.version));
    }
}
