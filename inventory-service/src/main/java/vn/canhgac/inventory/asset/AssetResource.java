package vn.canhgac.inventory.asset;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.csv.CsvDocument;
import vn.canhgac.commons.csv.CsvExport;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/assets")
@Tag(name = "Assets")
@Authenticated
public class AssetResource {

    private final AssetService assets;
    private final AssetSearch search;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public AssetResource(AssetService assets, AssetSearch search, CurrentCaller caller, Idempotency idempotency) {
        this.assets = assets;
        this.search = search;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(summary = "Register an asset with its addresses and installed products")
    public Uni<RestResponse<AssetDetails>> create(
            @NotNull AssetInput input, @HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                input,
                AssetDetails.class,
                () -> assets.create(caller.get(), input)
                        .map(asset -> RestResponse.ResponseBuilder.<AssetDetails>created(uri.getAbsolutePathBuilder()
                                        .path(asset.id().toString())
                                        .build())
                                .entity(asset)
                                .tag(etag(asset))
                                .build()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(summary = "Describe an asset anew (addresses and products replaced); send the ETag you read as If-Match")
    public Uni<RestResponse<AssetDetails>> update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull AssetInput input) {
        return assets.update(caller.get(), id, ifMatch, input)
                .map(asset ->
                        RestResponse.ResponseBuilder.ok(asset).tag(etag(asset)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(summary = "Delete an asset; If-Match is required (428 without it, 412 when stale)")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return assets.delete(caller.get(), id, ifMatch).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An asset in your scope, with its addresses and installed products")
    public Uni<RestResponse<AssetDetails>> get(@PathParam("id") UUID id) {
        return assets.get(caller.get(), id)
                .map(asset ->
                        RestResponse.ResponseBuilder.ok(asset).tag(etag(asset)).build());
    }

    @GET
    @Operation(
            summary = "Assets in your scope; filter by organisation subtree, system, kind, IP address or CIDR "
                    + "network, installed vendor/product/version and text; sort=hostname (default) or -lastSeen")
    public Uni<Page<AssetDetails>> list(
            @BeanParam AssetQuery query, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return search.list(caller.get(), query.filter(), after, Page.clamp(limit));
    }

    @GET
    @Path("/export")
    @Produces(CsvDocument.MEDIA_TYPE)
    @Operation(
            summary = "The assets of the list's filters as one CSV file, in the columns an import reads",
            description = "Every asset the filters select, in the list's order, up to " + CsvExport.MOST_ROWS
                    + " (more answers 422 export-too-large): organization, external_id, hostname, kind, "
                    + "operating_system, system_id, last_seen, addresses, products. Edited in a spreadsheet, the "
                    + "file imports again (POST /assets/imports). UTF-8 with a byte-order mark; sent as it is read.")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = CsvDocument.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestMulti<String> export(@BeanParam AssetQuery query) {
        return CsvExport.download("assets", search.export(caller.get(), query.filter(), CsvExport.MOST_ROWS))
                .build();
    }

    private static EntityTag etag(AssetDetails asset) {
        return new EntityTag(IfMatch.etagOf(asset.version()));
    }
}
