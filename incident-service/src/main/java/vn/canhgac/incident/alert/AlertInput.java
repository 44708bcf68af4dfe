package vn.canhgac.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import vn.canhgac.incident.handling.ObservableInput;

/**
 * An alert as a monitoring feed pushes it: the source and its own reference (together they identify the alert,
 * so pushing it again is not a new alert), the organisation it concerns, when it was observed, its type, the
 * observables, and the raw payload kept as it came.
 */
public record AlertInput(
        @NotBlank @Size(max = 100) String source,
        @NotBlank @Size(max = 200) String sourceReference,
        @NotBlank @Size(max = 100) String organization,
        @NotBlank @Size(max = 100) String type,
        @NotBlank @Size(max = 500) String title,
        @NotNull OffsetDateTime observedAt,
        @Size(max = 100) List<@NotNull @Valid ObservableInput> observables,
        JsonNode raw) {

    public AlertInput {
        observables = observables == null ? List.of() : List.copyOf(observables);
    }
}
