package vn.canhgac.inventory.asset;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    /** The key imports match on, within the organisation: the external id, or else the hostname. */
    String naturalKey() {
        return externalId != null ? "id:" + externalId : "host:" + hostname.toLowerCase(Locale.ROOT);
    }
}
