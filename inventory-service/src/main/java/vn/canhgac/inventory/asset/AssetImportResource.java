package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.limits.LargeBody;
import vn.canhgac.commons.problem.ProblemMessages;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

/**
 * Bulk import of assets from the spreadsheets and CMDBs agencies keep. The body is streamed: read as it arrives,
 * written in batches, never held whole.
 */
@Path("/api/v1/assets/imports")
@Tag(name = "Assets")
public class AssetImportResource {

    private final AssetImport imports;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public AssetImportResource(AssetImport imports, CurrentCaller caller, Idempotency idempotency, ObjectMapper json) {
        this.imports = imports;
        this.caller = caller;
        this.idempotency = idempotency;
        this.json = json;
    }

    @POST
    @Blocking
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(
            summary = "Import assets from CSV (header row) or a JSON array; creates or updates on organisation + "
                    + "external id (else hostname). mode=all-or-nothing (default; any bad row: 422 and nothing written) or "
                    + "skip-bad-rows; organization is the default for rows that name none")
    public RestResponse<ImportReport> importAssets(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @QueryParam("mode") String mode,
            @QueryParam("organization") String organization,
            HttpHeaders headers) {
        ImportMode importMode = ImportMode.parse(mode);
        boolean csv =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
        String format = csv ? "csv" : "json";
        Locale locale = ProblemMessages.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Caller who = caller.get();
        Map<String, Object> fingerprint = Map.of(
                "format",
                format,
                "mode",
                importMode,
                "organization",
                String.valueOf(organization),
                "length",
                String.valueOf(length));
        return idempotency
                .once(
                        who,
                        idempotencyKey,
                        fingerprint,
                        ImportReport.class,
                        () -> Uni.createFrom()
                                .item(() -> RestResponse.ok(
                                        imports.run(who, format, importMode, organization, locale, rows(csv, body))))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .await()
                .indefinitely();
    }

    private Iterator<ImportRow> rows(boolean csv, InputStream body) {
        if (csv) {
            Reader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
            return new CsvAssetRows(reader);
        }
        return new JsonAssetRows(json, body);
    }
}
