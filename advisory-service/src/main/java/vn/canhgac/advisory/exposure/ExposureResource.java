package vn.canhgac.advisory.exposure;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.advisory.inventory.AssetEventsConsumer;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.csv.CsvDocument;
import vn.canhgac.commons.csv.CsvExport;
import vn.canhgac.commons.events.ConsumerFreshness;
import vn.canhgac.commons.events.ReadModel;
import vn.canhgac.commons.events.ReadModelHeaders;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/exposures")
@Tag(name = "Exposures")
@Authenticated
public class ExposureResource {

    private final ExposureService exposures;
    private final CurrentCaller caller;
    private final ConsumerFreshness freshness;

    public ExposureResource(ExposureService exposures, CurrentCaller caller, ConsumerFreshness freshness) {
        this.exposures = exposures;
        this.caller = caller;
        this.freshness = freshness;
    }

    @GET
    @Operation(
            summary = "Exposures in your scope, soonest due first",
            description = "organization = that subtree; parent = the organizations directly under it, without "
                    + "its own (an escalation reminder's link); status = one or more, comma separated; sourceKind = ADVISORY "
                    + "or BOTNET; overdue = only unresolved ones past their due date; dueBefore = only those due "
                    + "before that day (yyyy-MM-dd); q = words of what matched. GET /exposures/export answers the "
                    + "same as one CSV file")
    @ReadModel(AssetEventsConsumer.CONSUMER)
    public Uni<Page<ExposureView>> list(
            @BeanParam ExposureQuery query, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return exposures.list(caller.get(), query.filter(), after, Page.clamp(limit));
    }

    @GET
    @Path("/export")
    @Produces(CsvDocument.MEDIA_TYPE)
    @Operation(
            summary = "The exposures of the list's filters as one CSV file, for a spreadsheet",
            description = "Every exposure the filters select, soonest due first, up to " + CsvExport.MOST_ROWS
                    + "; more is refused (422 export-too-large) until the filters narrow it. UTF-8 with a "
                    + "byte-order mark; no cell starts a formula. Sent as it is read.")
    @ReadModel(AssetEventsConsumer.CONSUMER)
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = CsvDocument.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestMulti<String> export(@BeanParam ExposureQuery query) {
        RestMulti.SyncRestMulti.Builder<String> file =
                CsvExport.download("exposures", exposures.export(caller.get(), query.filter(), CsvExport.MOST_ROWS));
        ReadModelHeaders.of(freshness, AssetEventsConsumer.CONSUMER).forEach(file::header);
        return file.build();
    }

    @GET
    @Path("/breakdown")
    @Operation(
            summary = "Exposures still to fix in your scope by severity and by advisory or botnet list (the ten with"
                    + " most), and how many were detected on each of the last 30 days; organization narrows it")
    public Uni<ExposureBreakdown> breakdown(@QueryParam("organization") String organization) {
        return exposures.breakdown(caller.get(), organization);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Counts by status of an organisation and of each of its children, subtrees rolled up")
    @ReadModel(AssetEventsConsumer.CONSUMER)
    public Uni<List<ExposureSummary>> summary(@QueryParam("organization") String organization) {
        return exposures.summary(caller.get(), organization);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An exposure with its history: who moved it, when, and why")
    public Uni<RestResponse<ExposureView>> get(@PathParam("id") UUID id) {
        return exposures
                .get(caller.get(), id)
                .map(x -> RestResponse.ResponseBuilder.ok(x)
                        .tag(new EntityTag(IfMatch.etagOf(x.version())))
                        .build());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Move an exposure through its workflow; 409 lists the steps allowed from where it stands")
    public Uni<RestResponse<ExposureView>> changeStatus(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid StatusChange change) {
        return exposures
                .changeStatus(caller.get(), id, ifMatch, change)
                .map(x -> RestResponse.ResponseBuilder.ok(x)
                        .tag(new EntityTag(IfMatch.etagOf(x.version())))
                        .build());
    }

    @POST
    @Path("/status")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Move many exposures at once; those that cannot move are listed with the reason")
    public Uni<BulkResult> changeStatuses(@NotNull @Valid BulkStatusChange bulk) {
        return exposures.changeStatuses(caller.get(), bulk);
    }
}
