package vn.canhgac.inventory.system;

import java.util.List;

/**
 * Compliance of an organisation: its own systems, its whole subtree, and each direct sub-organisation's subtree,
 * so a province sees at a glance which department lags behind.
 */
public record OrganizationCompliance(
        String organizationCode, Compliance own, Compliance subtree, List<Child> children) {

    public record Child(String organizationCode, String nameVi, Compliance subtree) {}
}
