package vn.canhgac.commons.tenancy;

import io.smallrye.mutiny.Uni;

/**
 * Where an organisation sits in the tree, as a materialised path of codes ({@code /UBND-KH/STTTT-KH/}).
 * inventory-service answers from the organisations it owns; every other service from its replica of them.
 */
public interface OrganizationPaths {

    /** The path of the organisation with this code, or {@code null} when this service does not know it. */
    Uni<String> pathOf(String code);
}
