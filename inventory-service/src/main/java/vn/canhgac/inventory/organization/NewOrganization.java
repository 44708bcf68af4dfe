package vn.canhgac.inventory.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;

/** A request to register an organisation under a parent in the caller's scope. */
public record NewOrganization(
        @NotBlank @Pattern(regexp = CODE) String code,
        @NotBlank @Size(max = 255) String nameVi,
        @Size(max = 255) String nameEn,
        @NotNull OrganizationKind kind,
        @Size(max = 50) List<@Valid @NotNull Contact> contacts,
        @Valid Constituency constituency,
        @Pattern(regexp = CODE) String parentCode) {

    /** Upper-case letters, digits and hyphens, 2 to 32 long: codes appear in paths and in letters' references. */
    public static final String CODE = "[A-Z0-9][A-Z0-9-]{1,31}";
}
