package vn.canhgac.commons.organization;

import java.time.Instant;

/** What a consuming service shows of an organisation it knows (its replica), e.g. to prove replication. */
public record OrganizationView(
        String code,
        String parentCode,
        String nameVi,
        String nameEn,
        OrganizationKind kind,
        long version,
        Instant updatedAt) {

    static OrganizationView of(OrganizationReplica replica) {
        return new OrganizationView(
                replica.code,
                replica.parentCode,
                replica.nameVi,
                replica.nameEn,
                replica.kind,
                replica.version,
                replica.updatedAt);
    }
}
