package vn.canhgac.commons.organization;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code canhgac.organization.upserted.v1} on {@code inventory.organizations}: an organisation's full
 * state, keyed by its code, so a consumer can rebuild its replica from the (compacted) topic alone.
 * {@code version} grows with every change; a consumer ignores an event older than what it holds.
 */
@RegisterForReflection
public record OrganizationEvent(UUID id, String code, String parentCode, String path, String nameVi, String nameEn,
                                OrganizationKind kind, long version, boolean deleted, Instant updatedAt) {

    public static final String UPSERTED = "canhgac.organization.upserted.v1";
}
