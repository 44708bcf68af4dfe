package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;

/**
 * Data of {@code canhgac.organization.upserted.v1} on {@code inventory.organizations}: an organisation's full
 * state, keyed by its code, so a consumer can rebuild its replica from the (compacted) topic alone.
 * {@code version} grows with every change; a consumer ignores an event older than what it holds. A deleted
 * organisation's last event has {@code deleted = true}. Contacts and constituency were added in place (v1 stays:
 * consumers read events leniently, and older events simply lack them).
 */
@RegisterForReflection
public record OrganizationEvent(
        UUID id,
        String code,
        String parentCode,
        String path,
        String nameVi,
        String nameEn,
        OrganizationKind kind,
        long version,
        boolean deleted,
        Instant updatedAt,
        List<Contact> contacts,
        Constituency constituency) {}
