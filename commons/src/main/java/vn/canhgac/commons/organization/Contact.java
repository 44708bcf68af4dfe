package vn.canhgac.commons.organization;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * Someone to call about an organisation's systems: an escalation contact, a duty hotline. {@code role} is the
 * title as people write it; {@code roles} says what notifications the contact receives (all when empty).
 */
@RegisterForReflection
public record Contact(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 255) String role,
        @Pattern(regexp = PHONE) String phone,
        @Pattern(regexp = PHONE) String hotline,
        @Email @Size(max = 255) String email,
        @Size(max = 4) List<ContactRole> roles) {

    public Contact {
        roles = roles == null
                ? List.of()
                : roles.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** A contact without notification roles: one who hears everything. */
    public Contact(String name, String role, String phone, String hotline, String email) {
        this(name, role, phone, hotline, email, List.of());
    }

    /** Digits with the separators people write (024.3640.4421, +84 389 942 878). */
    public static final String PHONE = "\\+?[0-9][0-9 .()-]{5,24}";
}
