package vn.canhgac.incident.handling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An entry a person adds to the timeline: a comment, an action taken, or evidence with its reference (a forensics
 * case id, a URL, a file hash).
 */
public record TimelineInput(
        @NotNull Kind kind,
        @NotBlank @Size(max = 20_000) String text,
        @Size(max = 2000) String reference) {

    public enum Kind {
        COMMENT,
        ACTION,
        EVIDENCE
    }
}
