package vn.canhgac.advisory.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.canhgac.advisory.product.OsPlatform;
import vn.canhgac.advisory.product.ProductIdentity;
import vn.canhgac.advisory.product.ReleaseStream;
import vn.canhgac.advisory.product.VersionScheme;
import vn.canhgac.commons.contracts.AssetEvent;

/**
 * What the matcher reads of an asset: its owner, whether it is deleted, its addresses, and its installed products
 * under every identity they can be recognised by (with their versions as sortable keys and their release streams),
 * with a digest of all of it. An asset event whose inputs have the digest the replica already holds can change no
 * hit of its own: the asset is neither rewritten nor matched again (most events of an inventory that is imported again
 * and again only move its version and last-seen time). What changes elsewhere (a list or an advisory withdrawn, a
 * constituency) is matched again where it changes ({@code ExposureMatcher}). The digest is taken over the rows as they are derived, so a new way of
 * deriving identities or keys makes every asset's next event count as a change.
 */
record MatchingInputs(AssetEvent asset, List<String> addresses, List<Installed> products, String digest) {

    /** One installed product under one of its identities: a row of {@code installed_product}. */
    record Installed(
            int position, String identity, String vendor, String name, String version, String key, String stream) {}

    private static final char RECORD = '\n';

    static MatchingInputs of(AssetEvent asset) {
        List<String> addresses = asset.deleted() || asset.addresses() == null ? List.of() : asset.addresses();
        List<Installed> products = asset.deleted() ? List.of() : installed(asset.products());
        StringBuilder text = new StringBuilder(256);
        field(text, asset.organizationCode());
        field(text, asset.orgPath());
        field(text, Boolean.toString(asset.deleted()));
        text.append(RECORD);
        addresses.stream().sorted().forEach(address -> field(text, address));
        for (Installed p : products) {
            text.append(RECORD);
            field(text, Integer.toString(p.position()));
            field(text, p.identity());
            field(text, p.vendor());
            field(text, p.name());
            field(text, p.version());
            field(text, p.key());
            field(text, p.stream());
        }
        return new MatchingInputs(asset, addresses, products, sha256(text.toString()));
    }

    private static List<Installed> installed(List<AssetEvent.Product> products) {
        if (products == null) {
            return List.of();
        }
        List<Installed> rows = new ArrayList<>();
        for (int position = 0; position < products.size(); position++) {
            AssetEvent.Product product = products.get(position);
            String version = ProductIdentity.versionOf(product.version(), product.cpe(), product.purl());
            String[] name =
                    ProductIdentity.displayName(product.vendor(), product.product(), product.cpe(), product.purl());
            String release = ReleaseStream.of(version, product.purl());
            String stream = release != null ? release : OsPlatform.stream(OsPlatform.ofTargetSoftware(product.cpe()));
            String key = VersionScheme.ofPurl(product.purl()).key(version);
            for (String identity :
                    ProductIdentity.all(product.vendor(), product.product(), product.cpe(), product.purl())) {
                rows.add(new Installed(position, identity, name[0], name[1], version, key, stream));
            }
        }
        return rows;
    }

    /** Each field with its length first (null as {@code -}), so that no value can run into the next one. */
    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append('-');
        } else {
            text.append(value.length()).append(':').append(value);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
