package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code canhgac.asset.upserted.v1} and {@code canhgac.asset.deleted.v1} on {@code inventory.assets}: an
 * asset's full state (addresses and installed products included; a deletion carries no products), keyed by id, so
 * that the exposure matcher can rebuild its read model from the compacted topic alone.
 */
@RegisterForReflection
public record AssetEvent(
        UUID id,
        String organizationCode,
        String orgPath,
        UUID systemId,
        String externalId,
        String hostname,
        String kind,
        String operatingSystem,
        Instant lastSeen,
        List<String> addresses,
        List<Product> products,
        long version,
        boolean deleted,
        Instant updatedAt) {

    /** An installed product; cpe (CPE 2.3 formatted string) and purl when known. */
    @RegisterForReflection
    public record Product(String vendor, String product, String version, String cpe, String purl) {}
}
