package vn.canhgac.incident.organization;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.organization.ReplicatedOrganizationsResource;

/**
 * The organisations that duty rosters know: when an organisation has nobody on duty, its parent's duty
 * officer answers, so this tree must mirror inventory's. Reading it also shows that replication works.
 */
@Path("/api/v1/duty/organizations")
@Tag(name = "Duty")
@Authenticated
public class DutyScopeResource extends ReplicatedOrganizationsResource {}
