package vn.canhgac.incident.duty;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import vn.canhgac.commons.organization.Contact;

/**
 * A duty shift as a duty manager writes it: the organisation, who, in what role, the phone to call (and the e-mail
 * that notifications reach), and from when
 * to when in wall-clock time of the time zone (Asia/Ho_Chi_Minh unless said otherwise).
 */
public record ShiftInput(
        @NotBlank @Size(max = 100) String organization,
        @NotBlank @Size(max = 200) String person,
        @Size(max = 200) String role,
        @NotBlank @Pattern(regexp = Contact.PHONE) String phone,
        @Email @Size(max = 255) String email,
        @NotNull LocalDateTime from,
        @NotNull LocalDateTime to,
        String timeZone) {}
