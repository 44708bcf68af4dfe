package vn.canhgac.advisory.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.audit.AuditResource;
import vn.canhgac.commons.tenancy.Roles;

/**
 * Every change to advisories, botnet lists, directives and the due-date policy, for auditors (entityType:
 * advisory, botnet-list, directive, directive-acknowledgement, directive-report, due-policy). Publications are the
 * Authority's; a directive is in its issuer's scope, a recipient's acknowledgement and report in the recipient's.
 */
@Path("/api/v1/audit/advisory")
@Tag(name = "Audit trail")
// Repeated from AuditResource: the OpenAPI document does not see a superclass's class-level roles.
@RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
public class AdvisoryAuditResource extends AuditResource {}
