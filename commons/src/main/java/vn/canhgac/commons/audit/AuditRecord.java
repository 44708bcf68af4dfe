package vn.canhgac.commons.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** An audit entry as an auditor reads it. */
@RegisterForReflection
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        String actorOrg,
        String action,
        String entityType,
        String entityId,
        JsonNode before,
        JsonNode after,
        String requestId) {}
