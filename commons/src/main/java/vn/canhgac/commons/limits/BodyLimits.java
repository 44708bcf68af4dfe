package vn.canhgac.commons.limits;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * Request bodies by kind: a JSON document (an organisation, an incident, a status change) is at most
 * {@value #DOCUMENT_BYTES} bytes; an import marked {@link LargeBody} may reach the service's HTTP limit. A larger
 * declared body is refused with a 413 problem before a byte of it is read; the limits are stated in the OpenAPI
 * document ({@code x-canhgac-body-limits}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BodyLimits implements OASFilter {

    public static final long DOCUMENT_BYTES = 1024 * 1024;

    @ServerRequestFilter
    public Response refuseOversizedDocuments(ContainerRequestContext request, ResourceInfo resource) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null
                || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(LargeBody.class)) {
            return null;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException malformed) {
            return null; // the HTTP layer answers a malformed length itself
        }
        if (declared > DOCUMENT_BYTES) {
            throw DomainProblem.tooLarge(DOCUMENT_BYTES);
        }
        return null;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.addExtension(
                "x-canhgac-body-limits",
                Map.of(
                        "jsonDocumentBytes",
                        DOCUMENT_BYTES,
                        "imports",
                        "operations marked x-canhgac-large-body: up to the service's HTTP limit "
                                + "(asset, SBOM, advisory and botnet list imports 1 GiB; alerts in bulk 10 MiB)"));
    }
}
