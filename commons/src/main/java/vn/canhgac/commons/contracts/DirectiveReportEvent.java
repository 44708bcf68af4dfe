package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code canhgac.directive.reported.v1} on {@code advisory.directives}: a recipient answered a directive
 * (its report), keyed by directive and recipient. Reminders of the report deadline stop for that recipient.
 */
@RegisterForReflection
public record DirectiveReportEvent(
        UUID directiveId, String reference, String organizationCode, Instant reportedAt, String reportedBy) {}
