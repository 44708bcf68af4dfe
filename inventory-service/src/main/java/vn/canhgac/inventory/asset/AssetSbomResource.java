package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.limits.LargeBody;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/assets/{id}/sbom")
@Tag(name = "Assets")
public class AssetSbomResource {

    static final String SKIPPED = "Canhgac-Sbom-Warnings";
    static final String WARNING = "Canhgac-Sbom-Warning";

    private final AssetService assets;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public AssetSbomResource(AssetService assets, CurrentCaller caller, ObjectMapper json) {
        this.assets = assets;
        this.caller = caller;
        this.json = json;
    }

    @PUT
    @Blocking
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @Consumes({"application/vnd.cyclonedx+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(
            summary = "Replace the asset's installed products with the components of a CycloneDX SBOM (JSON or "
                    + "XML, spec 1.2 to 1.6); If-Match is required",
            description = "metadata.component is the asset's main product; CPE 2.2 URIs are converted; a component "
                    + "with an unreadable CPE or purl is kept by name and version, one without a name left out: "
                    + "their count is in Canhgac-Sbom-Warnings and the first 20 in Canhgac-Sbom-Warning headers.")
    public RestResponse<AssetDetails> replace(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
        return replaceWith(id, ifMatch, CycloneDxComponents.readJson(json, body));
    }

    @PUT
    @Blocking
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @Consumes({"application/vnd.cyclonedx+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(
            summary = "Replace the asset's installed products with the components of a CycloneDX XML SBOM; "
                    + "If-Match is required")
    public RestResponse<AssetDetails> replaceFromXml(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
        return replaceWith(id, ifMatch, CycloneDxComponents.readXml(body));
    }

    private RestResponse<AssetDetails> replaceWith(UUID id, String ifMatch, CycloneDxComponents.Sbom sbom) {
        var who = caller.get();
        AssetDetails asset = assets.replaceProducts(who, id, ifMatch, sbom.products())
                .await()
                .indefinitely();
        var answer = RestResponse.ResponseBuilder.ok(asset)
                .tag(new EntityTag(IfMatch.etagOf(asset.version())))
                .header(SKIPPED, sbom.warnings().size());
        // What was left out or changed, so that an integration can log it; the first ones only, headers are small.
        sbom.warnings().stream().limit(20).forEach(warning -> answer.header(WARNING, ascii(warning)));
        return answer.build();
    }

    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
