package vn.canhgac.inventory.asset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.contracts.AssetEvent.Product;

/** An asset as the API, the audit trail and its events show it. */
public record AssetDetails(
        UUID id,
        String organizationCode,
        UUID systemId,
        String externalId,
        String hostname,
        AssetKind kind,
        String operatingSystem,
        Instant lastSeen,
        List<String> addresses,
        List<Product> products,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /**
     * The asset's event: its full state, or its deletion. A deletion carries no products (read models drop a deleted
     * asset's products whatever it carries), so that an asset whose products make too large an event can always be
     * deleted.
     */
    AssetEvent event(String orgPath, boolean deleted) {
        return new AssetEvent(
                id,
                organizationCode,
                orgPath,
                systemId,
                externalId,
                hostname,
                kind.name(),
                operatingSystem,
                lastSeen,
                addresses,
                deleted ? List.of() : products,
                version,
                deleted,
                updatedAt);
    }
}
