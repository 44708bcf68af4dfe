package vn.canhgac.incident.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.audit.AuditResource;
import vn.canhgac.commons.tenancy.Roles;

/**
 * Every change to the duty rosters, for auditors (entityType: duty-shift). An incident's own trail is its
 * timeline, which names who did what and when.
 */
@Path("/api/v1/audit/incident")
@Tag(name = "Audit trail")
// Repeated from AuditResource: the OpenAPI document does not see a superclass's class-level roles.
@RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
public class IncidentAuditResource extends AuditResource {}
