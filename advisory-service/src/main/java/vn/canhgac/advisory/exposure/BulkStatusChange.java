package vn.canhgac.advisory.exposure;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The same step for many exposures (up to 1,000 at a time). */
public record BulkStatusChange(
        @NotEmpty @Size(max = 1000) List<@NotNull UUID> ids,
        @NotNull ExposureStatus status,
        @Size(max = 4000) String note) {}
