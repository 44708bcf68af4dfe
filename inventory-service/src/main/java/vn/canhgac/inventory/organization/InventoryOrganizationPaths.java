package vn.canhgac.inventory.organization;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.canhgac.commons.tenancy.OrganizationPaths;

/** inventory-service owns the organisations, so the tenancy rule reads their paths from the source itself. */
@ApplicationScoped
public class InventoryOrganizationPaths implements OrganizationPaths {

    @Override
    public Uni<String> pathOf(String code) {
        return Organization.findByCode(code).map(org -> org == null ? null : org.path);
    }
}
