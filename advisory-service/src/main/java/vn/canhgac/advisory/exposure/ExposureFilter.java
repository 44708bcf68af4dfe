package vn.canhgac.advisory.exposure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the exposure list; every one optional. {@code organization} means its whole subtree; {@code parent}
 * the organisations directly under it, without its own exposures (what an escalation reminder tells a parent of).
 */
public record ExposureFilter(
        String organization,
        String parent,
        List<ExposureStatus> statuses,
        String sourceKind,
        UUID advisoryId,
        UUID botnetListId,
        UUID assetId,
        String severity,
        boolean overdue,
        LocalDate dueBefore,
        String query) {}
