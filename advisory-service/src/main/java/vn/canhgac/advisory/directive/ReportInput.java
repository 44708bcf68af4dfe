package vn.canhgac.advisory.directive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A recipient's report: a status per action item with what was done, and a free text. A directive without action
 * items is reported in text alone; one with items, on at least one of them.
 */
public record ReportInput(
        @Size(max = 100) List<@NotNull @Valid ItemReport> items,
        @Size(max = 50_000) String text) {

    public ReportInput {
        items = items == null ? List.of() : items;
    }

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
