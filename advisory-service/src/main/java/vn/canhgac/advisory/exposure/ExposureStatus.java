package vn.canhgac.advisory.exposure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The life of an exposure. One to confirm (matched on a product name alone, as a KEV entry names it) is visible
 * but neither open nor overdue until the agency confirms its version. Open ones (open, acknowledged, in progress)
 * count against the deadline; a mitigated
 * one is worked around and waits for the fix; resolved, risk accepted and false positive are closed, and can be
 * reopened by a person (resolved and mitigated ones also by the matcher, on new evidence). Withdrawn ones belong
 * to an advisory or list that its publisher withdrew.
 */
public enum ExposureStatus {
    TO_CONFIRM,
    OPEN,
    ACKNOWLEDGED,
    IN_PROGRESS,
    MITIGATED,
    RESOLVED,
    RISK_ACCEPTED,
    FALSE_POSITIVE,
    WITHDRAWN;

    public static final Set<ExposureStatus> UNRESOLVED = EnumSet.of(OPEN, ACKNOWLEDGED, IN_PROGRESS);

    public Set<ExposureStatus> next() {
        return switch (this) {
            // A hit on a product without a version (a KEV entry): the agency confirms its version is affected
            // (OPEN, due from then on), that it is not (FALSE_POSITIVE, with a note) or that it is patched.
            case TO_CONFIRM -> EnumSet.of(OPEN, RESOLVED, FALSE_POSITIVE);
            case OPEN -> EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, MITIGATED, RESOLVED, RISK_ACCEPTED, FALSE_POSITIVE);
            case ACKNOWLEDGED -> EnumSet.of(IN_PROGRESS, MITIGATED, RESOLVED, RISK_ACCEPTED, FALSE_POSITIVE);
            case IN_PROGRESS -> EnumSet.of(MITIGATED, RESOLVED, RISK_ACCEPTED, FALSE_POSITIVE);
            case MITIGATED -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED, RISK_ACCEPTED, FALSE_POSITIVE -> EnumSet.of(OPEN);
            // Only the matcher reopens a withdrawn exposure, when a later advisory or list names the same hit.
            case WITHDRAWN -> EnumSet.noneOf(ExposureStatus.class);
        };
    }

    public boolean canBecome(ExposureStatus target) {
        return next().contains(target);
    }

    /** Accepting a risk or calling a hit false needs a reason someone can read later. */
    public boolean needsNote() {
        return this == RISK_ACCEPTED || this == FALSE_POSITIVE;
    }

    public List<String> nextNames() {
        return next().stream().map(Enum::name).toList();
    }
}
