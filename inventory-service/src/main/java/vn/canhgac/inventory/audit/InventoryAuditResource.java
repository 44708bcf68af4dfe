package vn.canhgac.inventory.audit;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.audit.AuditResource;

/** Every change to organisations, systems, checklists and assets, for auditors (entityType: organization, system, system-measure, asset). */
@Path("/api/v1/audit")
@Tag(name = "Audit trail")
public class InventoryAuditResource extends AuditResource {
}
