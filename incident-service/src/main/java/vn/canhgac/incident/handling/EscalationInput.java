package vn.canhgac.incident.handling;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An escalation to a national centre (directive 6410 item 3): to whom (VNCERT for incident response, NCSC for
 * monitoring support), through which channel, and why.
 */
public record EscalationInput(
        @NotNull Target to,
        @NotNull Channel channel,
        @Size(max = 5000) String note) {

    public enum Target {
        VNCERT,
        NCSC
    }

    public enum Channel {
        PHONE,
        HOTLINE,
        EMAIL,
        PLATFORM
    }
}
