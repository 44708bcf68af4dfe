package vn.canhgac.incident.handling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Something seen in an incident that may be seen elsewhere: its type, value and how far it may be shared. */
public record ObservableInput(
        @NotNull ObservableType type,
        @NotBlank @Size(max = 2000) String value,
        String tlp) {}
