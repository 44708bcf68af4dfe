package vn.canhgac.inventory.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;

/** The new description of an organisation; its code and place in the tree do not change this way. */
public record OrganizationChanges(
        @NotBlank @Size(max = 255) String nameVi,
        @Size(max = 255) String nameEn,
        @NotNull OrganizationKind kind,
        @Size(max = 50) List<@Valid @NotNull Contact> contacts,
        @Valid Constituency constituency) {}
