package vn.canhgac.advisory.inventory;

import java.util.List;
import java.util.UUID;

/**
 * An asset as the matcher sees it: what inventory last announced (version), its addresses, and each installed
 * product under the identities it is recognised by, with the version key ranges are compared against and the stream
 * (a distribution's release, an operating system) a range must share. Answers "why did (or didn't) this advisory
 * match?" without reading the database.
 */
public record MatchedAsset(
        UUID id,
        String organizationCode,
        String hostname,
        long version,
        boolean deleted,
        List<String> addresses,
        List<InstalledProduct> products) {

    public record InstalledProduct(
            String identity, String vendor, String product, String version, String versionKey, String stream) {}
}
