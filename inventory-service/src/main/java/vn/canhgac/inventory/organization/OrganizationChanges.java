package vn.canhgac.inventory.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.canhgac.commons.organization.OrganizationKind;

/** The new description of an organisation; its code and place in the tree do not change this way. */
public record OrganizationChanges(
        @NotBlank @Size(max = 255) String nameVi,
        @Size(max = 255) String nameEn,
        @NotNull OrganizationKind kind) {
}
