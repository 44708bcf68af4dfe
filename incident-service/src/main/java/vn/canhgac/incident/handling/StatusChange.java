package vn.canhgac.incident.handling;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One step of the workflow, with an optional note for the timeline. */
public record StatusChange(
        @NotNull IncidentStatus status, @Size(max = 5000) String note) {}
