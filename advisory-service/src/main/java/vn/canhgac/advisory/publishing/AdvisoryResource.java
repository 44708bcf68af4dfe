package vn.canhgac.advisory.publishing;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/advisories")
@Tag(name = "Advisories")
@Authenticated
public class AdvisoryResource {

    private final AdvisoryService advisories;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public AdvisoryResource(AdvisoryService advisories, CurrentCaller caller, Idempotency idempotency) {
        this.advisories = advisories;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED})
    @Operation(
            summary = "Publish an advisory; it is matched at once against every installed product",
            description = "The answer's matching says how many exposures it caused. 409 if the reference exists.")
    public Uni<RestResponse<AdvisoryDetails>> create(
            @NotNull @Valid AdvisoryInput input, @HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                input,
                AdvisoryDetails.class,
                () -> advisories
                        .create(caller.get(), input, "API")
                        .map(advisory -> RestResponse.ResponseBuilder.<AdvisoryDetails>created(
                                        uri.getAbsolutePathBuilder()
                                                .path(advisory.id().toString())
                                                .build())
                                .entity(advisory)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An advisory with its affected products and version ranges")
    public Uni<AdvisoryDetails> get(@PathParam("id") UUID id) {
        return advisories.get(id);
    }

    @GET
    @Operation(summary = "Advisories, newest first; q finds words of the reference, title, CVEs and products")
    public Uni<Page<AdvisoryDetails>> list(
            @QueryParam("q") String query,
            @QueryParam("severity") Severity severity,
            @QueryParam("cve") String cve,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return advisories.list(query, severity, cve, after, Page.clamp(limit));
    }
}
