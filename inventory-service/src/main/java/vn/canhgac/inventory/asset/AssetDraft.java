package vn.canhgac.inventory.asset;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.contracts.AssetEvent.Product;

/** An asset that passed the rules: canonical addresses, known kind, a natural key. Not yet bound to an organisation. */
record AssetDraft(
        String organizationCode,
        String externalId,
        String hostname,
        AssetKind kind,
        String operatingSystem,
        UUID systemId,
        Instant lastSeen,
        List<String> addresses,
        List<Product> products) {

    /**
     * More than the bytes this asset's event can take: six a character of its texts (the most one takes in JSON),
     * and room for the fields' names and the rest. An import measures a row's event only when this bound is over
     * the outbox's limit, which a row of a few products never is.
     */
    long eventBytesAtMost() {
        long characters = length(organizationCode) + length(externalId) + length(hostname) + length(operatingSystem);
        for (String address : addresses) {
            characters += address.length();
        }
        for (Product product : products) {
            characters += length(product.vendor())
                    + length(product.product())
                    + length(product.version())
                    + length(product.cpe())
                    + length(product.purl());
        }
        return 6 * characters + 100L * (addresses.size() + products.size()) + 8 * 1024;
    }

    /** The event this asset would have once written under {@code owner}, for measuring it before it is. */
    AssetEvent provisionalEvent(OrganizationRef owner) {
        return new AssetStore.Written(
                        new UUID(0, 0),
                        owner.id(),
                        naturalKey(),
                        true,
                        Long.MAX_VALUE,
                        Instant.EPOCH,
                        "",
                        Instant.EPOCH,
                        "")
                .details(owner, this)
                .event(owner.path(), false);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** The key imports match on, within the organisation: the external id, or else the hostname. */
    String naturalKey() {
        return externalId != null ? "id:" + externalId : "host:" + hostname.toLowerCase(Locale.ROOT);
    }
}
