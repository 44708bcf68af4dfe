package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code canhgac.exposure.detected.v1}, {@code canhgac.exposure.status-changed.v1},
 * {@code canhgac.exposure.reopened.v1} and {@code canhgac.exposure.updated.v1} on {@code advisory.exposures}: an
 * exposure's full state, keyed by its id.
 * {@code sourceKind} is {@code ADVISORY} (an installed product in an advisory's affected range) or {@code BOTNET} (an
 * address on a botnet list: an asset's, or one inside an organisation's constituency, then {@code network} is that
 * range and there is no asset). {@code subject} is what matched: the address, or the product's name and version.
 */
@RegisterForReflection
public record ExposureEvent(
        UUID id,
        String organizationCode,
        String orgPath,
        String sourceKind,
        UUID advisoryId,
        String advisoryReference,
        UUID botnetListId,
        String botnetListReference,
        UUID assetId,
        String hostname,
        String network,
        String subject,
        String matched,
        String severity,
        LocalDate dueOn,
        String status,
        Instant detectedAt,
        Instant statusChangedAt,
        String statusChangedBy,
        long version) {
    public static final String ADVISORY = "ADVISORY";
    public static final String BOTNET = "BOTNET";
}
