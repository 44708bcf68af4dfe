package vn.canhgac.advisory.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.canhgac.advisory.product.OsPlatform;
import vn.canhgac.commons.product.Cpe23;
import vn.canhgac.commons.text.SearchText;

/**
 * The product tree of a CSAF document: every product by id, from the branches, the full product names and the
 * relationships. A relationship stands for its component, on its platform's stream; it also says whether the
 * application that ships an affected component is affected ({@code default_component_of}) or to confirm
 * ({@code optional_component_of}), and on which operating system a component {@code installed_on} one is.
 */
final class CsafProductTree {

    /** Vendor names that say no vendor (BSI writes "Open Source" for community projects). */
    private static final Set<String> NO_VENDOR = Set.of("open source", "opensource", "n/a", "unknown");
    /** A product named with its cumulative update (Microsoft Exchange): the product, and the update's builds. */
    private static final Pattern UPDATE_TRAIN = Pattern.compile("(.+?)\\s+(?:Cumulative Update|CU)\\s*\\d+");

    private static final Pattern BELOW_BUILD = Pattern.compile("<\\s*(\\d+\\.\\d+\\.\\d+)\\.\\d+");
    private static final Set<String> VERSION_CATEGORIES =
            Set.of("product_version", "product_version_range", "service_pack", "patch_level");
    private static final Map<String, Boolean> SHIPPING =
            Map.of("default_component_of", true, "optional_component_of", false);

    /**
     * The product an affected component ships in: by default ({@code default_component_of}: affected as well) or
     * as an option ({@code optional_component_of}: to confirm, the option may not be installed). An operating
     * system is not: a distribution's package is tracked as the package.
     */
    record Shipping(CsafProduct platform, boolean certain) {}

    private final Map<String, CsafProduct> products = new LinkedHashMap<>();
    private final Map<String, Shipping> shippedIn = new LinkedHashMap<>();
    private final Map<String, String> installedOn = new LinkedHashMap<>();

    private CsafProductTree() {}

    static CsafProductTree read(JsonNode csaf) {
        CsafProductTree tree = new CsafProductTree();
        String publisherVendor = publisherVendor(csaf.path("document").path("publisher"));
        walk(csaf.path("product_tree").path("branches"), publisherVendor, null, null, null, tree.products);
        for (JsonNode full : csaf.path("product_tree").path("full_product_names")) {
            tree.products.put(
                    full.path("product_id").asText(),
                    product(full, publisherVendor, full.path("name").asText(), null, null));
        }
        // "openssl-libs as a component of RHEL BaseOS 8" is, for matching, the component itself: its name, its
        // version, its purl; the platform it is part of is its stream (the version's dist tag names it, or the
        // platform's CPE, cpe:/o:redhat:enterprise_linux:8, when the component has no version).
        for (JsonNode relationship : csaf.path("product_tree").path("relationships")) {
            CsafProduct component =
                    tree.products.get(relationship.path("product_reference").asText());
            CsafProduct platform = tree.products.get(
                    relationship.path("relates_to_product_reference").asText());
            String id =
                    relationship.path("full_product_name").path("product_id").asText();
            if (component != null && !id.isEmpty()) {
                tree.relate(
                        id, component, platform, relationship.path("category").asText());
            }
        }
        return tree;
    }

    private void relate(String id, CsafProduct component, CsafProduct platform, String category) {
        products.put(id, component.on(platform));
        if (platform != null && SHIPPING.containsKey(category) && !platform.isOperatingSystem()) {
            shippedIn.put(id, new Shipping(platform, SHIPPING.get(category)));
        }
        String os = platform == null ? null : OsPlatform.ofOperatingSystem(platform.cpe());
        if (category.equals("installed_on") && os != null) {
            installedOn.put(id, os);
        }
    }

    CsafProduct get(String id) {
        return products.get(id);
    }

    boolean contains(String id) {
        return products.containsKey(id);
    }

    boolean isEmpty() {
        return products.isEmpty();
    }

    Map<String, CsafProduct> products() {
        return products;
    }

    Shipping shipping(String id) {
        return shippedIn.get(id);
    }

    boolean installedOnSomeSystem(String id) {
        return installedOn.containsKey(id);
    }

    /** The rows of a product of the tree, on the operating system it is installed on when the document says. */
    List<AffectedProductInput> rowsOf(String id) {
        String os = installedOn.get(id);
        return CsafRanges.affectedOf(products.get(id)).stream()
                .map(row -> os == null ? row : row.on(os))
                .toList();
    }

    /**
     * Walks the branches down to the products. A version comes from the nearest branch above (or at) the product
     * that names one: {@code product_version}, or a {@code service_pack} or {@code patch_level} (Cisco writes
     * {@code 15.2(4)M11} as a service pack under its product version), all exact, or a
     * {@code product_version_range}. Branches below a version (an architecture, a language) keep it: a product
     * under {@code 16.1.4 / x86_64} is still version 16.1.4, never "all versions".
     */
    private static void walk(
            JsonNode branches,
            String vendor,
            String name,
            String versionCategory,
            String version,
            Map<String, CsafProduct> products) {
        for (JsonNode branch : branches) {
            String category = branch.path("category").asText();
            String branchName = branch.path("name").asText();
            String nextVendor = !category.equals("vendor")
                    ? vendor
                    : NO_VENDOR.contains(SearchText.fold(branchName)) ? null : branchName;
            String nextName = category.equals("product_name") || category.equals("product_family")
                    ? (name != null && category.equals("product_name") && !name.isBlank()
                            ? name + " " + branchName
                            : branchName)
                    : name;
            Matcher update = UPDATE_TRAIN.matcher(nextName == null ? "" : nextName);
            boolean inUpdateTrain = update.matches();
            if (inUpdateTrain) {
                nextName = update.group(1);
            }
            // Red Hat's VEX names a component without version ("expat") in a product_version branch: every version.
            // Free text ("all versions before the March update") is kept, to be confirmed and warned of.
            boolean versioned = VERSION_CATEGORIES.contains(category)
                    && (branchName.chars().anyMatch(Character::isDigit)
                            || branchName.strip().contains(" "));
            String nextCategory = versioned ? exactOrRange(category) : versionCategory;
            String nextVersion = versioned ? branchName : version;
            if (versioned && inUpdateTrain && category.equals("product_version_range")) {
                nextVersion = withinUpdateTrain(branchName);
            }
            if (branch.has("product")) {
                JsonNode product = branch.get("product");
                products.put(
                        product.path("product_id").asText(),
                        product(
                                product,
                                nextVendor,
                                nextName != null
                                        ? nextName
                                        : product.path("name").asText(),
                                nextCategory,
                                nextVersion));
            }
            walk(branch.path("branches"), nextVendor, nextName, nextCategory, nextVersion, products);
        }
    }

    /**
     * Microsoft names an Exchange cumulative update as a product ("... Server 2019 Cumulative Update 13") whose
     * range {@code <15.02.1258.032} means the builds of that update below the fix: from {@code 15.02.1258} on.
     * Other updates' builds are another product's range.
     */
    private static String withinUpdateTrain(String range) {
        Matcher below = BELOW_BUILD.matcher(range.strip());
        return below.matches() ? ">=" + below.group(1) + "|" + range.strip() : range;
    }

    private static String exactOrRange(String category) {
        return category.equals("product_version_range") ? category : "product_version";
    }

    private static CsafProduct product(
            JsonNode product, String vendor, String name, String versionCategory, String version) {
        JsonNode helper = product.path("product_identification_helper");
        String cpe = helper.path("cpe").asText(null);
        // CSAF allows CPE 2.2 URIs as well as 2.3 formatted strings; matching reads 2.3.
        String cpe23 =
                cpe == null || Cpe23.isValid(cpe) ? cpe : Cpe23.fromUri(cpe).orElse(null);
        return new CsafProduct(
                vendor,
                name,
                versionCategory,
                version,
                cpe23,
                helper.path("purl").asText(null));
    }

    /**
     * The vendor a vendor's own document is about when its tree names none (Microsoft's begins at the product
     * names): the name in its publisher's namespace, {@code https://www.microsoft.com} → {@code microsoft}.
     */
    private static String publisherVendor(JsonNode publisher) {
        if (!publisher.path("category").asText().equals("vendor")) {
            return null;
        }
        String host;
        try {
            host = URI.create(publisher.path("namespace").asText("")).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        if (labels.length < 2) {
            return null;
        }
        String name = labels[labels.length - 2];
        boolean secondLevel =
                Set.of("co", "com", "gov", "org", "net", "ac", "edu").contains(name);
        return secondLevel && labels.length >= 3 ? labels[labels.length - 3] : name;
    }
}
