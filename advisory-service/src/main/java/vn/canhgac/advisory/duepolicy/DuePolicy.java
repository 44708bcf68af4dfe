package vn.canhgac.advisory.duepolicy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The days an agency has to fix an exposure, by severity, counted from the day it is found (halved during a
 * directive's alert window, never less than a day); an advisory's own earlier deadline wins. Set by the Authority;
 * CISA's KEV {@code dueDate} is never used.
 */
public record DuePolicy(
        @NotNull @Min(1) @Max(365) Integer critical,
        @NotNull @Min(1) @Max(365) Integer high,
        @NotNull @Min(1) @Max(365) Integer medium,
        @NotNull @Min(1) @Max(365) Integer low,
        Long version) {}
