package vn.canhgac.advisory.exposure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step of the workflow, with a note (required to accept a risk or to call a hit a false positive). */
public record StatusChange(
        @NotNull ExposureStatus status, @Size(max = 4000) String note) {}
