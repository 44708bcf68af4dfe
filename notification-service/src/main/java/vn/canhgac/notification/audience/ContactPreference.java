package vn.canhgac.notification.audience;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;

/**
 * What a contact chose, as an organisation's admin writes it: the channels it is reached through, the least severe
 * item it wants to hear of, how long new exposures are gathered before one digest goes out (0: as soon as the next
 * round of sending), the language of its messages, and quiet hours in Vietnam time (from 22:00 to 06:00) during
 * which only critical items are sent.
 */
public record ContactPreference(
        @NotNull @Size(max = 1) List<@NotNull Channel> channels,

        @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL")
        String minSeverity,

        @Min(0) @Max(10080) int digestMinutes,
        @NotNull @Pattern(regexp = "vi|en") String language,
        LocalTime quietFrom,
        LocalTime quietTo) {

    public static final String DEFAULT_LANGUAGE = "vi";
    public static final int DEFAULT_DIGEST_MINUTES = 60;
    public static final ContactPreference DEFAULT =
            new ContactPreference(List.of(Channel.EMAIL), "LOW", DEFAULT_DIGEST_MINUTES, DEFAULT_LANGUAGE, null, null);

    /** How a contact is reached; the console shows every notification of one's organisation to its users. */
    public enum Channel {
        EMAIL
    }
}
