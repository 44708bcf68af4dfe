package vn.canhgac.incident.handling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An incident report (Circular 20/2017/TT-BTTTT): who reports (the caller's organisation unless the authority
 * reports for another), the contact, the affected organisations, when it was detected, what kind, how bad, what
 * it hit, what was done, what help is asked for, TLP, what was observed, and the information systems and assets hit
 * (by their inventory ids).
 */
public record IncidentInput(
        @Size(max = 100) String reportingOrganization,
        @Valid Contact contact,
        @Size(max = 100) List<@NotBlank String> affectedOrganizations,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20_000) String description,
        @NotNull IncidentCategory category,
        @NotNull IncidentSeverity severity,
        @NotNull OffsetDateTime detectedAt,
        @Size(max = 5000) String impact,
        @Size(max = 5000) String scope,
        @Size(max = 5000) String measuresTaken,
        @Size(max = 5000) String supportRequested,
        String tlp,
        @Size(max = 500) List<@NotNull @Valid ObservableInput> observables,
        @Size(max = 100) List<@NotNull UUID> affectedSystems,
        @Size(max = 500) List<@NotNull UUID> affectedAssets) {

    public record Contact(
            @Size(max = 200) String name,
            @Size(max = 50) String phone,
            @Email @Size(max = 200) String email) {}

    public IncidentInput {
        affectedOrganizations = affectedOrganizations == null ? List.of() : List.copyOf(affectedOrganizations);
        observables = observables == null ? List.of() : List.copyOf(observables);
        affectedSystems = affectedSystems == null ? List.of() : List.copyOf(affectedSystems);
        affectedAssets = affectedAssets == null ? List.of() : List.copyOf(affectedAssets);
    }
}
