package vn.canhgac.advisory.directive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A recipient's report: a status per action item with what was done, and a free text. */
public record ReportInput(
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ItemReport> items,
        @Size(max = 50_000) String text) {

    public record ItemReport(
            @NotBlank String code,
            @NotNull ItemStatus status,
            @Size(max = 10_000) String text) {}

    public enum ItemStatus {
        DONE,
        IN_PROGRESS,
        NOT_STARTED,
        NOT_APPLICABLE
    }
}
