package vn.canhgac.inventory.organization;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/organizations")
@Tag(name = "Organisations")
@Authenticated
public class OrganizationResource {

    private final OrganizationService organizations;
    private final CurrentCaller caller;

    public OrganizationResource(OrganizationService organizations, CurrentCaller caller) {
        this.organizations = organizations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR})
    @Operation(summary = "Register an organisation under a parent in your scope")
    public Uni<RestResponse<OrganizationDetails>> create(@Valid @NotNull NewOrganization request, UriInfo uri) {
        return organizations.create(caller.get(), request).map(org -> RestResponse.ResponseBuilder
                .<OrganizationDetails>created(uri.getAbsolutePathBuilder().path(org.code).build())
                .entity(OrganizationDetails.of(org))
                .tag(etag(org))
                .build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Describe an organisation in your scope anew; send the ETag you read as If-Match")
    public Uni<RestResponse<OrganizationDetails>> update(@PathParam("code") String code,
                                                         @HeaderParam("If-Match") String ifMatch,
                                                         @Valid @NotNull OrganizationChanges changes) {
        return organizations.update(caller.get(), code, ifMatch, changes).map(org -> RestResponse.ResponseBuilder
                .ok(OrganizationDetails.of(org)).tag(etag(org)).build());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "An organisation in your scope")
    public Uni<RestResponse<OrganizationDetails>> get(@PathParam("code") String code) {
        return organizations.get(caller.get(), code).map(org -> RestResponse.ResponseBuilder
                .ok(OrganizationDetails.of(org)).tag(etag(org)).build());
    }

    @GET
    @Operation(summary = "Organisations in your scope, by code; q searches code and names with or without diacritics")
    public Uni<Page<OrganizationDetails>> list(@QueryParam("q") String query, @QueryParam("after") String after,
                                               @QueryParam("limit") Integer limit) {
        return organizations.list(caller.get(), query, after, Page.clamp(limit));
    }

    private static EntityTag etag(Organization org) {
        return new EntityTag(IfMatch.etagOf(org.version));
    }
}
