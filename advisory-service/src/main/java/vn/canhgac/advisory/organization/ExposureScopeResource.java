package vn.canhgac.advisory.organization;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.organization.ReplicatedOrganizationsResource;

/**
 * The organisations that exposure tracking knows: exposures are counted and rolled up along this tree, so it
 * must mirror inventory's. Reading it also shows that replication works end to end.
 */
@Path("/api/v1/exposures/organizations")
@Tag(name = "Exposures")
@Authenticated
public class ExposureScopeResource extends ReplicatedOrganizationsResource {}
