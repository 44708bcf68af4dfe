package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code canhgac.system.upserted.v1} and {@code canhgac.system.deleted.v1} on {@code inventory.systems}:
 * an information system's full state with its checklist (measure code to status), keyed by id.
 */
@RegisterForReflection
public record SystemEvent(
        UUID id,
        String organizationCode,
        String orgPath,
        String name,
        int securityLevel,
        String status,
        boolean internetFacing,
        Map<String, String> measures,
        long version,
        boolean deleted,
        Instant updatedAt) {}
