package vn.canhgac.inventory.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.audit.AuditResource;
import vn.canhgac.commons.tenancy.Roles;

/** Every change to organisations, systems, checklists and assets, for auditors (entityType: organization, system, system-measure, asset). */
@Path("/api/v1/audit")
@Tag(name = "Audit trail")
// Repeated from AuditResource: the OpenAPI document does not see a superclass's class-level roles.
@RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
public class InventoryAuditResource extends AuditResource {}
