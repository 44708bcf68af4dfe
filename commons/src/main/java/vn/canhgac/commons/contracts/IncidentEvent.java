package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code canhgac.incident.reported.v1}, {@code canhgac.incident.status-changed.v1} and
 * {@code canhgac.incident.escalated.v1} on {@code incident.incidents}: an incident's state, keyed by its id.
 */
@RegisterForReflection
public record IncidentEvent(
        UUID id,
        String reference,
        String reportingOrganization,
        String reportingPath,
        List<String> affectedOrganizations,
        List<String> escalatedTo,
        String title,
        String category,
        String severity,
        String status,
        String tlp,
        Instant detectedAt,
        Instant reportedAt,
        Instant resolutionDue,
        long version) {}
