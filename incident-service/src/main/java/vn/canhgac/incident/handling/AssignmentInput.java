package vn.canhgac.incident.handling;

import jakarta.validation.constraints.Size;

/** Who takes the incident on: a person (name or account), an organisation (its code), or both; and why. */
public record AssignmentInput(
        @Size(max = 200) String person,
        @Size(max = 100) String organization,
        @Size(max = 2000) String note) {}
