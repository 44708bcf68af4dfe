package vn.canhgac.inventory.system;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A system's status on one measure, with what shows it (a document reference, a link, a note). */
public record MeasureAssessment(
        @NotNull MeasureStatus status, @Size(max = 2000) String evidence) {}
