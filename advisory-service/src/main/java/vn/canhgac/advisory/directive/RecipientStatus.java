package vn.canhgac.advisory.directive;

import java.time.Instant;
import java.util.List;

/**
 * Where one recipient stands: acknowledged, reported (with its items), whether it is late, what it still has
 * open in exposures, and, when it forwarded the directive down, how its own recipients answered.
 */
public record RecipientStatus(
        String organizationCode,
        String nameVi,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant reportedAt,
        String reportedBy,
        String reportText,
        boolean late,
        List<ReportInput.ItemReport> items,
        long openExposures,
        long overdueExposures,
        String forwardedAs,
        Integer forwardedRecipients,
        Integer forwardedReported) {}
