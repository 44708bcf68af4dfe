package vn.canhgac.inventory.system;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.problem.DomainProblem;

@Path("/api/v1/protection-measures")
@Tag(name = "Information systems")
@Authenticated
public class ProtectionMeasureResource {

    public record MeasureView(String code, String category, int minLevel, String titleVi, String titleEn) {}

    @GET
    @WithSession
    @Operation(summary = "The catalogue of protection measures; securityLevel lists those a level requires")
    public Uni<List<MeasureView>> list(@QueryParam("securityLevel") Integer securityLevel) {
        if (securityLevel != null && (securityLevel < 1 || securityLevel > 5)) {
            throw DomainProblem.invalidField("securityLevel", "bad-security-level");
        }
        int level = securityLevel == null ? 5 : securityLevel;
        return ProtectionMeasure.<ProtectionMeasure>list("minLevel <= ?1 order by position", (short) level)
                .map(measures -> measures.stream()
                        .map(m -> new MeasureView(m.code, m.category, m.minLevel, m.titleVi, m.titleEn))
                        .toList());
    }
}
