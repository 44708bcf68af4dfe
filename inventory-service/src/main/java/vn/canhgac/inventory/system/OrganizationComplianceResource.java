package vn.canhgac.inventory.system;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.tenancy.CurrentCaller;

@Path("/api/v1/organizations/{code}/compliance")
@Tag(name = "Information systems")
@Authenticated
public class OrganizationComplianceResource {

    private final ComplianceService compliance;
    private final CurrentCaller caller;

    public OrganizationComplianceResource(ComplianceService compliance, CurrentCaller caller) {
        this.compliance = compliance;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary =
                    "Compliance of an organisation's own systems, of its subtree, and of each direct sub-organisation")
    public Uni<OrganizationCompliance> get(@PathParam("code") String code) {
        return compliance.ofOrganization(caller.get(), code);
    }
}
