package vn.canhgac.commons.organization;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Someone to call about an organisation's systems: an escalation contact, a duty hotline. */
@RegisterForReflection
public record Contact(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 255) String role,
        @Pattern(regexp = PHONE) String phone,
        @Pattern(regexp = PHONE) String hotline,
        @Email @Size(max = 255) String email) {

    /** Digits with the separators people write (024.3640.4421, +84 389 942 878). */
    public static final String PHONE = "\\+?[0-9][0-9 .()-]{5,24}";
}
