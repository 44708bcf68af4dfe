package vn.canhgac.inventory.system;

import java.time.Instant;
import java.util.UUID;

/** An information system as the API and the audit trail show it. */
public record SystemDetails(
        UUID id,
        String organizationCode,
        String name,
        String purpose,
        int securityLevel,
        String levelApproval,
        SystemStatus status,
        boolean internetFacing,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static SystemDetails of(InformationSystem system) {
        return new SystemDetails(
                system.id,
                system.organizationCode(),
                system.name,
                system.purpose,
                system.securityLevel,
                system.levelApproval,
                system.status,
                system.internetFacing,
                system.version,
                system.createdAt,
                system.createdBy,
                system.updatedAt,
                system.updatedBy);
    }
}
