package vn.canhgac.advisory.directive;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/directives")
@Tag(name = "Directives")
@Authenticated
public class DirectiveResource {

    private final DirectiveService directives;
    private final CurrentCaller caller;

    public DirectiveResource(DirectiveService directives, CurrentCaller caller) {
        this.directives = directives;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Issue a directive to organisations of your subtree, by code and/or by kind")
    public Uni<RestResponse<DirectiveDetails>> issue(@NotNull @Valid DirectiveInput input, UriInfo uri) {
        return directives.issue(caller.get(), input).map(d -> created(uri, d));
    }

    @POST
    @Path("/{id}/forwards")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(
            summary = "Forward a directive your organisation received to your own subtree, with your own deadline",
            description =
                    "Items and alert windows are the parent's unless given; 409 if your organisation is not a recipient")
    public Uni<RestResponse<DirectiveDetails>> forward(
            @PathParam("id") UUID id, @NotNull @Valid DirectiveInput input, UriInfo uri) {
        return directives.forward(caller.get(), id, input).map(d -> created(uri, d));
    }

    @GET
    @Operation(
            summary = "Directives you issued or received (or your subtree did), newest first",
            description =
                    "box=RECEIVED: addressed to your organisation; AWAITING: of those, not acknowledged yet or "
                            + "not reported while a report is due; SENT: issued by your organisation. Without box, all of them.")
    public Uni<Page<DirectiveDetails>> list(
            @QueryParam("box") DirectiveBox box,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return directives.list(caller.get(), box, after, Page.clamp(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A directive with its action items and alert windows, and how many recipients answered")
    public Uni<DirectiveDetails> get(@PathParam("id") UUID id) {
        return directives.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Acknowledge receipt for your organisation (once; again changes nothing)")
    public Uni<DirectiveDetails> acknowledge(@PathParam("id") UUID id) {
        return directives.acknowledge(caller.get(), id);
    }

    @PUT
    @Path("/{id}/report")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Submit (or correct) your organisation's report: a status per action item, and text")
    public Uni<DirectiveDetails> report(@PathParam("id") UUID id, @NotNull @Valid ReportInput report) {
        return directives.report(caller.get(), id, report);
    }

    @GET
    @Path("/{id}/recipients")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The compiled report: every recipient's acknowledgement, report and open exposures",
            description = "Also as CSV (Accept: text/csv), ready to send upward. Recipients that forwarded the "
                    + "directive show how their own recipients answered.")
    public Uni<List<RecipientStatus>> recipients(@PathParam("id") UUID id) {
        return directives.recipients(caller.get(), id);
    }

    @GET
    @Path("/{id}/recipients")
    @Produces("text/csv")
    public Uni<RestResponse<String>> recipientsCsv(@PathParam("id") UUID id) {
        return directives
                .get(caller.get(), id)
                .flatMap(directive -> directives
                        .recipients(caller.get(), id)
                        .map(statuses -> RestResponse.ResponseBuilder.ok(
                                        CompiledReportCsv.of(directive, statuses), "text/csv")
                                .header("Content-Disposition", "attachment; filename=\"compiled-report.csv\"")
                                .build()));
    }

    private static RestResponse<DirectiveDetails> created(UriInfo uri, DirectiveDetails directive) {
        return RestResponse.ResponseBuilder.<DirectiveDetails>created(uri.getBaseUriBuilder()
                        .path("api/v1/directives")
                        .path(directive.id().toString())
                        .build())
                .entity(directive)
                .build();
    }
}
