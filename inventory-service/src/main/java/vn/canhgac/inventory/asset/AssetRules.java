package vn.canhgac.inventory.asset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.canhgac.commons.contracts.AssetEvent.Product;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.product.Cpe23;
import vn.canhgac.commons.product.PackageUrl;

/**
 * The rules an asset must meet, the same for the API and for every row of an import: a known kind, an external
 * id or a hostname, valid IP addresses (never resolved), products with a name and well-formed CPE 2.3 and purl.
 * Either every field is fine and a {@link AssetDraft} comes out, or the list of what is wrong does.
 */
final class AssetRules {

    static final int MAX_ADDRESSES = 64;
    static final int MAX_PRODUCTS = 10_000;
    static final int MAX_TEXT = 255;
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

    /** Either a draft or the violations; never both. */
    record Checked(AssetDraft draft, List<Violation> violations) {
        boolean ok() {
            return violations.isEmpty();
        }
    }

    private AssetRules() {}

    static Checked check(AssetInput input) {
        List<Violation> violations = new ArrayList<>();
        Optional<AssetKind> kind = AssetKind.parse(input.kind());
        if (input.kind() == null || input.kind().isBlank()) {
            violations.add(new Violation("kind", "required"));
        } else if (kind.isEmpty()) {
            violations.add(new Violation("kind", "bad-asset-kind", input.kind()));
        }
        String externalId = text(input.externalId(), "externalId", violations);
        String hostname = text(input.hostname(), "hostname", violations);
        if (externalId == null && hostname == null) {
            violations.add(new Violation("hostname", "hostname-or-external-id"));
        }
        if (hostname != null && !HOSTNAME.matcher(hostname).matches()) {
            violations.add(new Violation("hostname", "bad-hostname", hostname));
        }
        String os = text(input.operatingSystem(), "operatingSystem", violations);
        List<String> addresses = addresses(input.addresses(), violations);
        List<Product> products = products(input.products(), violations);
        if (!violations.isEmpty()) {
            return new Checked(null, List.copyOf(violations));
        }
        return new Checked(
                new AssetDraft(
                        blankToNull(input.organizationCode()),
                        externalId,
                        hostname,
                        kind.get(),
                        os,
                        input.systemId(),
                        input.lastSeen() == null ? null : input.lastSeen().toInstant(),
                        addresses,
                        products),
                List.of());
    }

    private static List<String> addresses(List<String> given, List<Violation> violations) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ADDRESSES) {
            violations.add(new Violation("addresses", "too-many", MAX_ADDRESSES));
            return List.of();
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String text = given.get(i);
            int index = i;
            IpNetworks.address(text)
                    .ifPresentOrElse(
                            canonical::add,
                            () -> violations.add(new Violation("addresses[" + index + "]", "bad-address", text)));
        }
        return List.copyOf(canonical);
    }

    private static List<Product> products(List<ProductInput> given, List<Violation> violations) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_PRODUCTS) {
            violations.add(new Violation("products", "too-many", MAX_PRODUCTS));
            return List.of();
        }
        List<Product> products = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            ProductInput product = given.get(i);
            String field = "products[" + i + "]";
            if (product == null) {
                violations.add(new Violation(field, "required"));
                continue;
            }
            String name = text(product.product(), field + ".product", violations);
            if (name == null) {
                violations.add(new Violation(field + ".product", "required"));
            }
            String cpe = text(product.cpe(), field + ".cpe", violations);
            if (cpe != null && !Cpe23.isValid(cpe)) {
                violations.add(new Violation(field + ".cpe", "bad-cpe", cpe));
            }
            String purl = text(product.purl(), field + ".purl", violations);
            if (purl != null && !PackageUrl.isValid(purl)) {
                violations.add(new Violation(field + ".purl", "bad-purl", purl));
            }
            products.add(new Product(
                    text(product.vendor(), field + ".vendor", violations),
                    name,
                    text(product.version(), field + ".version", violations),
                    cpe,
                    purl));
        }
        return products;
    }

    /** Stripped text, null when blank; too long a text is a violation. */
    private static String text(String value, String field, List<Violation> violations) {
        String stripped = blankToNull(value);
        if (stripped != null && stripped.length() > MAX_TEXT) {
            violations.add(new Violation(field, "too-long", MAX_TEXT));
        }
        return stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
