package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code canhgac.duty-shift.added.v1} and {@code canhgac.duty-shift.deleted.v1} on {@code incident.duty}:
 * a duty shift, keyed by its id (compacted), with the e-mail that reaches the person on duty when there is one.
 */
@RegisterForReflection
public record DutyShiftEvent(
        UUID id,
        String organizationCode,
        String orgPath,
        String person,
        String role,
        String phone,
        String email,
        Instant startsAt,
        Instant endsAt,
        boolean deleted) {}
