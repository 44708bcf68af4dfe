package vn.canhgac.advisory.exposure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the console's overview draws, counted on the server for a scope: the exposures still to fix by severity, the
 * advisories and botnet lists behind most of them, and how many were detected on each of the last 30 days (Vietnam
 * dates). The summary by organisation is {@link ExposureSummary}.
 */
public record ExposureBreakdown(List<BySeverity> bySeverity, List<BySource> bySource, List<ByDay> detectedByDay) {

    public record BySeverity(String severity, long open, long overdue) {}

    public record BySource(String sourceKind, UUID sourceId, String reference, long open, long overdue) {}

    public record ByDay(LocalDate day, long detected) {}
}
