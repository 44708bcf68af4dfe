package vn.canhgac.advisory.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import vn.canhgac.advisory.product.OsPlatform;
import vn.canhgac.advisory.product.ReleaseStream;
import vn.canhgac.advisory.product.RhelPlatform;
import vn.canhgac.advisory.product.VersionScheme;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.product.Cpe23;
import vn.canhgac.commons.product.PackageUrl;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.text.SearchText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CSAF 2.0 document (OASIS CSAF v2.0, the security advisory and VEX profiles) into an advisory. Checked
 * first: the mandatory fields of §4 that an advisory needs (category, csaf_version 2.0, publisher, title, tracking
 * with id, dates, status, version and revision history), the product tree, and that every product a vulnerability
 * names is defined in it; a document that fails is refused whole with every fault listed.
 *
 * <p>Affected products are the {@code known_affected} ones, and the release trains from a {@code first_affected} to
 * a {@code last_affected} version (or up to the {@code first_fixed} one); those
 * {@code under_investigation} (and affected by no vulnerability of the document) give exposures to confirm;
 * {@code known_not_affected} and {@code fixed} ones give none and are kept as VEX statements (not affected by that
 * vulnerability's CVE: other advisories about only those CVEs do not hit them), except in a document that lists
 * only fixed packages (Red Hat's RHSA; SUSE's, whose fixes are {@code recommended}): there each fixed package makes
 * the same package below that version, in the same distribution stream, affected. A document of statements alone (a VEX saying "not affected") is accepted.
 *
 * <p>A product's vendor and name come from the branches above it (a vendor's own document without a vendor branch:
 * the vendor of its publisher's namespace; BSI's "Open Source": none, matched by product name alone). Its version
 * comes from the nearest version branch above it: {@code product_version}, {@code service_pack},
 * {@code patch_level} (exact; {@code 9.x} is the release train), or a {@code product_version_range} written as a
 * {@code vers:} range ({@code vers:generic/>=17.1.0|<17.1.0.3}, {@code !=} excludes a version), whose scheme decides
 * how versions compare. A CPE (2.3, or 2.2 converted) or purl comes from the product identification helper.
 * Relationships stand for their component; an affected component makes the application that ships it affected too
 * ({@code default_component_of}) or to confirm ({@code optional_component_of}); a component {@code installed_on} an
 * operating system is about installs on that system (the CPE's target software), and to confirm where the
 * agency's record does not say which.
 */
final class CsafDocuments {

    private static final List<String> REQUIRED_TRACKING = List.of("id", "initial_release_date",
            "current_release_date", "status", "version");
    private static final List<String> AFFECTED_STATUSES = List.of("known_affected");
    /** §3.2.3.9: the bounds of a release train that is affected, and the first of it that is not. */
    private static final List<String> TRAIN_STATUSES = List.of("first_affected", "last_affected", "first_fixed");
    private static final List<String> NOT_AFFECTED_STATUSES = List.of("known_not_affected", "fixed", "first_fixed",
            "recommended");
    /** Aggregate severities as publishers write them: Red Hat's, BSI's (German), the NCSC's (Vietnamese). */
    private static final Map<String, Severity> SEVERITY_WORDS = Map.ofEntries(
            Map.entry("important", Severity.HIGH), Map.entry("moderate", Severity.MEDIUM),
            Map.entry("kritisch", Severity.CRITICAL), Map.entry("hoch", Severity.HIGH),
            Map.entry("mittel", Severity.MEDIUM), Map.entry("niedrig", Severity.LOW),
            Map.entry("nghiem trong", Severity.CRITICAL), Map.entry("cao", Severity.HIGH),
            Map.entry("trung binh", Severity.MEDIUM), Map.entry("thap", Severity.LOW));
    /** Vendor names that say no vendor (BSI writes "Open Source" for community projects). */
    private static final Set<String> NO_VENDOR = Set.of("open source", "opensource", "n/a", "unknown");
    /** A product named with its cumulative update (Microsoft Exchange): the product, and the update's builds. */
    private static final Pattern UPDATE_TRAIN = Pattern.compile("(.+?)\\s+(?:Cumulative Update|CU)\\s*\\d+");
    private static final Pattern BELOW_BUILD = Pattern.compile("<\\s*(\\d+\\.\\d+\\.\\d+)\\.\\d+");
    /** A version written with a wildcard last part: {@code 9.x}, {@code 22.1.*}. */
    private static final Pattern WILDCARD_VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)\\.[xX*]");

    private static final Set<String> VERSION_CATEGORIES = Set.of("product_version", "product_version_range",
            "service_pack", "patch_level");

    /**
     * The product an affected component ships in: by default ({@code default_component_of}: affected as well) or
     * as an option ({@code optional_component_of}: to confirm, the option may not be installed). An operating
     * system is not: a distribution's package is tracked as the package.
     */
    private record Shipping(TreeProduct platform, boolean certain) {
    }

    private static final Map<String, Boolean> SHIPPING = Map.of("default_component_of", true,
            "optional_component_of", false);

    /** A product of the tree: its vendor and name from the branches above it, its versions from its own branch. */
    private record TreeProduct(String vendor, String name, String versionCategory, String version, String cpe,
                               String purl) {

        boolean isOperatingSystem() {
            return Cpe23.parse(cpe).map(parsed -> parsed.part().equals("o")).orElse(false);
        }

        /** The product whatever its version: what a release train is of. */
        TreeProduct withoutVersion() {
            return new TreeProduct(vendor, name, null, null, cpe, purl);
        }

        /** The component as part of a RHEL platform: its RPM purl says the release ({@code distro=rhel-8}). */
        TreeProduct on(TreeProduct platform) {
            String release = platform == null ? null : RhelPlatform.release(platform.cpe());
            if (release == null || purl == null || !purl.startsWith("pkg:rpm/") || purl.contains("distro=")) {
                return this;
            }
            return new TreeProduct(vendor, name, versionCategory, version, cpe,
                    purl + (purl.contains("?") ? "&" : "?") + "distro=rhel-" + release);
        }
    }

    private CsafDocuments() {
    }

    static AdvisoryInput read(JsonNode csaf, String referenceOverride, LocalDate dueOn) {
        List<Violation> faults = new ArrayList<>();
        JsonNode document = csaf.path("document");
        require(document, "document", List.of("category", "csaf_version", "title"), faults);
        if (!document.path("csaf_version").asText().equals("2.0")) {
            faults.add(new Violation("document.csaf_version", "csaf-version"));
        }
        require(document.path("publisher"), "document.publisher", List.of("category", "name", "namespace"), faults);
        JsonNode tracking = document.path("tracking");
        require(tracking, "document.tracking", REQUIRED_TRACKING, faults);
        if (!tracking.path("revision_history").isArray() || tracking.path("revision_history").isEmpty()) {
            faults.add(new Violation("document.tracking.revision_history", "csaf-required"));
        }
        LocalDate issuedOn = date(tracking.path("initial_release_date"), "document.tracking.initial_release_date", faults);

        Map<String, TreeProduct> products = new LinkedHashMap<>();
        Map<String, Shipping> shippedIn = new LinkedHashMap<>();
        Map<String, String> installedOn = new LinkedHashMap<>();
        String publisherVendor = publisherVendor(document.path("publisher"));
        walk(csaf.path("product_tree").path("branches"), publisherVendor, null, null, null, products);
        for (JsonNode full : csaf.path("product_tree").path("full_product_names")) {
            products.put(full.path("product_id").asText(),
                    product(full, publisherVendor, full.path("name").asText(), null, null));
        }
        // "openssl-libs as a component of RHEL BaseOS 8" is, for matching, the component itself: its name, its
        // version, its purl; the platform it is part of is its stream (the version's dist tag names it, or the
        // platform's CPE, cpe:/o:redhat:enterprise_linux:8, when the component has no version).
        for (JsonNode relationship : csaf.path("product_tree").path("relationships")) {
            TreeProduct component = products.get(relationship.path("product_reference").asText());
            TreeProduct platform = products.get(relationship.path("relates_to_product_reference").asText());
            String id = relationship.path("full_product_name").path("product_id").asText();
            if (component != null && !id.isEmpty()) {
                products.put(id, component.on(platform));
                String category = relationship.path("category").asText();
                if (platform != null && SHIPPING.containsKey(category) && !platform.isOperatingSystem()) {
                    shippedIn.put(id, new Shipping(platform, SHIPPING.get(category)));
                }
                String os = platform == null ? null : OsPlatform.ofOperatingSystem(platform.cpe());
                if (category.equals("installed_on") && os != null) {
                    installedOn.put(id, os);
                }
            }
        }
        if (products.isEmpty()) {
            faults.add(new Violation("product_tree", "csaf-no-products"));
        }

        Set<String> affectedIds = new LinkedHashSet<>();
        Set<String> investigatedIds = new LinkedHashSet<>();
        Set<String> fixedIds = new LinkedHashSet<>();
        Map<String, Set<String>> notAffected = new LinkedHashMap<>();
        Map<TreeProduct, String[]> trains = new LinkedHashMap<>();
        List<String> cves = new ArrayList<>();
        List<String> remediations = new ArrayList<>();
        BigDecimal score = null;
        JsonNode vulnerabilities = csaf.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vulnerability = vulnerabilities.get(v);
            if (vulnerability.hasNonNull("cve")) {
                cves.add(vulnerability.get("cve").asText());
            }
            for (String status : AFFECTED_STATUSES) {
                JsonNode ids = vulnerability.path("product_status").path(status);
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i).asText();
                    if (!products.containsKey(id)) {
                        faults.add(new Violation("vulnerabilities[" + v + "].product_status." + status + "[" + i + "]",
                                "csaf-unknown-product", id));
                    }
                    affectedIds.add(id);
                }
            }
            // SUSE lists the package versions to install as "recommended" (their fixes), often without "fixed".
            for (int t = 0; t < TRAIN_STATUSES.size(); t++) {
                for (JsonNode id : vulnerability.path("product_status").path(TRAIN_STATUSES.get(t))) {
                    TreeProduct p = products.get(id.asText());
                    if (p != null && p.version() != null) {
                        trains.computeIfAbsent(p.withoutVersion(), key -> new String[3])[t] = p.version();
                    }
                }
            }
            vulnerability.path("product_status").path("fixed").forEach(id -> fixedIds.add(id.asText()));
            vulnerability.path("product_status").path("recommended").forEach(id -> fixedIds.add(id.asText()));
            String cve = vulnerability.path("cve").asText("");
            for (String status : NOT_AFFECTED_STATUSES) {
                JsonNode ids = vulnerability.path("product_status").path(status);
                for (int i = 0; i < ids.size() && !cve.isBlank(); i++) {
                    String id = ids.get(i).asText();
                    if (!products.containsKey(id)) {
                        faults.add(new Violation("vulnerabilities[" + v + "].product_status." + status + "[" + i + "]",
                                "csaf-unknown-product", id));
                    }
                    notAffected.computeIfAbsent(id, key -> new LinkedHashSet<>()).add(cve);
                }
            }
            JsonNode investigated = vulnerability.path("product_status").path("under_investigation");
            for (int i = 0; i < investigated.size(); i++) {
                String id = investigated.get(i).asText();
                if (!products.containsKey(id)) {
                    faults.add(new Violation("vulnerabilities[" + v + "].product_status.under_investigation[" + i + "]",
                            "csaf-unknown-product", id));
                }
                investigatedIds.add(id);
            }
            for (JsonNode s : vulnerability.path("scores")) {
                JsonNode base = s.path("cvss_v3").path("baseScore");
                if (base.isNumber() && (score == null || base.decimalValue().compareTo(score) > 0)) {
                    score = base.decimalValue();
                }
            }
            for (JsonNode remediation : vulnerability.path("remediations")) {
                String details = remediation.path("details").asText("");
                if (!details.isBlank() && !remediations.contains(details)) {
                    remediations.add(details);
                }
            }
        }
        investigatedIds.removeAll(affectedIds);
        trains.values().removeIf(train -> train[0] == null && train[1] == null);
        boolean fixedOnly = affectedIds.isEmpty() && investigatedIds.isEmpty() && trains.isEmpty()
                && fixedIds.stream().map(products::get).anyMatch(p -> p != null && releaseOf(p) != null);
        if (faults.isEmpty() && affectedIds.isEmpty() && investigatedIds.isEmpty() && !fixedOnly
                && notAffected.isEmpty() && trains.isEmpty()) {
            faults.add(new Violation("vulnerabilities", "csaf-nothing-affected"));
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }

        List<AffectedProductInput> affected = new ArrayList<>();
        for (String id : affectedIds) {
            affected.addAll(rowsOf(id, products, installedOn));
            if (installedOn.containsKey(id)) {
                // Affected on some operating systems: where the agency's record does not say which, to confirm.
                affectedOf(products.get(id)).forEach(row -> affected.add(row.investigated().on(OsPlatform.UNKNOWN)));
            }
            Shipping shipping = shippedIn.get(id);
            if (shipping != null) {
                affectedOf(shipping.platform()).forEach(platform ->
                        affected.add(shipping.certain() ? platform : platform.investigated()));
            }
        }
        trains.forEach((p, train) -> affected.add(new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(),
                null, train[0], null, train[1], train[1] == null ? train[2] : null, train[2])));
        for (String id : investigatedIds) {
            rowsOf(id, products, installedOn).forEach(product -> affected.add(product.investigated()));
        }
        if (fixedOnly) {
            affected.addAll(belowFixed(fixedIds, products));
        } else {
            // A distribution's fix in one stream (el9) says the earlier builds of that stream are affected, beside
            // what the document lists as affected in other streams (Red Hat's VEX files).
            affected.addAll(belowFixed(fixedIds.stream().filter(id -> inStream(products.get(id))).toList(), products));
            notAffected.forEach((id, notBy) -> rowsOf(id, products, installedOn)
                    .forEach(product -> affected.add(product.notAffectedBy(List.copyOf(notBy)))));
        }
        List<String> links = new ArrayList<>();
        document.path("references").forEach(reference -> links.add(reference.path("url").asText()));
        String summary = null;
        for (JsonNode note : document.path("notes")) {
            if (note.path("category").asText().equals("summary") || summary == null) {
                summary = note.path("text").asText(null);
            }
        }
        String reference = referenceOverride != null && !referenceOverride.isBlank() ? referenceOverride
                : tracking.path("id").asText();
        return new AdvisoryInput(reference, document.path("publisher").path("name").asText(),
                document.path("title").asText(), summary, issuedOn,
                severity(document.path("aggregate_severity").path("text").asText(null)), score,
                tlp(document.path("distribution").path("tlp").path("label").asText(null)), dueOn,
                remediations.isEmpty() ? null : String.join("\n", remediations), cves, links, false, false, affected,
                tracking.path("version").asText(null));
    }

    /**
     * Walks the branches down to the products. A version comes from the nearest branch above (or at) the product
     * that names one: {@code product_version}, or a {@code service_pack} or {@code patch_level} (Cisco writes
     * {@code 15.2(4)M11} as a service pack under its product version), all exact, or a
     * {@code product_version_range}. Branches below a version (an architecture, a language) keep it: a product
     * under {@code 16.1.4 / x86_64} is still version 16.1.4, never "all versions".
     */
    private static void walk(JsonNode branches, String vendor, String name, String versionCategory, String version,
                             Map<String, TreeProduct> products) {
        for (JsonNode branch : branches) {
            String category = branch.path("category").asText();
            String branchName = branch.path("name").asText();
            String nextVendor = !category.equals("vendor") ? vendor
                    : NO_VENDOR.contains(SearchText.fold(branchName)) ? null : branchName;
            String nextName = category.equals("product_name") || category.equals("product_family")
                    ? (name != null && category.equals("product_name") && !name.isBlank() ? name + " " + branchName : branchName)
                    : name;
            Matcher update = UPDATE_TRAIN.matcher(nextName == null ? "" : nextName);
            boolean inUpdateTrain = update.matches();
            if (inUpdateTrain) {
                nextName = update.group(1);
            }
            // Red Hat's VEX names a component without version ("expat") in a product_version branch: every version.
            boolean versioned = VERSION_CATEGORIES.contains(category) && branchName.chars().anyMatch(Character::isDigit);
            String nextCategory = versioned ? exactOrRange(category) : versionCategory;
            String nextVersion = versioned ? branchName : version;
            if (versioned && inUpdateTrain && category.equals("product_version_range")) {
                nextVersion = withinUpdateTrain(branchName);
            }
            if (branch.has("product")) {
                JsonNode product = branch.get("product");
                products.put(product.path("product_id").asText(),
                        product(product, nextVendor, nextName != null ? nextName : product.path("name").asText(),
                                nextCategory, nextVersion));
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

    private static TreeProduct product(JsonNode product, String vendor, String name, String versionCategory,
                                       String version) {
        JsonNode helper = product.path("product_identification_helper");
        String cpe = helper.path("cpe").asText(null);
        // CSAF allows CPE 2.2 URIs as well as 2.3 formatted strings; matching reads 2.3.
        String cpe23 = cpe == null || Cpe23.isValid(cpe) ? cpe : Cpe23.fromUri(cpe).orElse(null);
        return new TreeProduct(vendor, name, versionCategory, version, cpe23, helper.path("purl").asText(null));
    }

    /** One affected product per interval of its version range ({@code vers:} allows several, joined by |). */
    private static List<AffectedProductInput> affectedOf(TreeProduct p) {
        if (p.version() == null) {
            return List.of(new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, null, null, null,
                    null, null));
        }
        if (p.versionCategory().equals("product_version")) {
            return List.of(exactOrWildcard(p, p.version()));
        }
        String scheme = versScheme(p.version());
        return intervalsOf(p).stream().map(a -> scheme == null ? a : a.inScheme(scheme)).toList();
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
        boolean secondLevel = Set.of("co", "com", "gov", "org", "net", "ac", "edu").contains(name);
        return secondLevel && labels.length >= 3 ? labels[labels.length - 3] : name;
    }

    /** One version, or every version of a release train written {@code 9.x} ({@code >= 9, < 10}). */
    private static AffectedProductInput exactOrWildcard(TreeProduct p, String version) {
        Matcher wildcard = WILDCARD_VERSION.matcher(version.strip());
        if (!wildcard.matches()) {
            return new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), version, null, null, null, null,
                    null);
        }
        String train = wildcard.group(1);
        int last = train.lastIndexOf('.') + 1;
        String next = train.substring(0, last) + (new BigInteger(train.substring(last)).add(BigInteger.ONE));
        return new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, train, null, null, next, null);
    }

    /** The rows of a product of the tree, on the operating system it is installed on when the document says. */
    private static List<AffectedProductInput> rowsOf(String id, Map<String, TreeProduct> products,
                                                     Map<String, String> installedOn) {
        String os = installedOn.get(id);
        return affectedOf(products.get(id)).stream().map(row -> os == null ? row : row.on(os)).toList();
    }

    /** The scheme of a {@code vers:<scheme>/...} range, when it is one the platform knows (else generic). */
    private static String versScheme(String range) {
        int slash = range.indexOf('/');
        String scheme = range.startsWith("vers:") && slash > 5 ? range.substring(5, slash) : null;
        return VersionScheme.isKnown(scheme) ? scheme : null;
    }

    private static List<AffectedProductInput> intervalsOf(TreeProduct p) {
        List<AffectedProductInput> intervals = new ArrayList<>();
        String constraints = p.version().contains("/") ? p.version().substring(p.version().indexOf('/') + 1) : p.version();
        String[] lower = {null, null};
        for (String raw : constraints.split("\\|")) {
            String c = raw.strip();
            if (c.startsWith(">=")) {
                lower = new String[]{c.substring(2).strip(), null};
            } else if (c.startsWith(">")) {
                lower = new String[]{null, c.substring(1).strip()};
            } else if (c.startsWith("<=") || c.startsWith("<")) {
                boolean inclusive = c.startsWith("<=");
                String end = c.substring(inclusive ? 2 : 1).strip();
                intervals.add(new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, lower[0], lower[1],
                        inclusive ? end : null, inclusive ? null : end, null));
                lower = new String[]{null, null};
            } else if (c.startsWith("!=")) {
                // vers: an excluded version splits the interval it lies in.
                String excluded = c.substring(2).strip();
                if (lower[0] != null || lower[1] != null) {
                    intervals.add(new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, lower[0],
                            lower[1], null, excluded, null));
                    lower = new String[]{null, excluded};
                }
            } else if (!c.isEmpty() && !c.equals("*")) {
                intervals.add(exactOrWildcard(p, c.startsWith("=") ? c.substring(1).strip() : c));
            }
        }
        if (lower[0] != null || lower[1] != null) {
            intervals.add(new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, lower[0], lower[1],
                    null, null, null));
        }
        if (intervals.isEmpty()) {
            intervals.add(new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, null, null, null,
                    null, null));
        }
        return intervals;
    }

    /**
     * A "fixed only" document (Red Hat's RHSA lists the fixed packages of each stream, nothing as affected): each
     * fixed package makes the same package below that version affected. The fixed version names its stream
     * ({@code .el8_9}), so the range holds for that stream only ({@code ReleaseStream}); one per package and version.
     */
    private static List<AffectedProductInput> belowFixed(Collection<String> fixedIds, Map<String, TreeProduct> products) {
        Map<String, AffectedProductInput> below = new LinkedHashMap<>();
        for (String id : fixedIds) {
            TreeProduct p = products.get(id);
            String fixed = p == null ? null : releaseOf(p);
            if (fixed != null) {
                Optional<PackageUrl> purl = PackageUrl.parse(p.purl());
                String name = purl.map(PackageUrl::name).orElse(p.name());
                below.putIfAbsent(purl.map(PackageUrl::coordinates).orElse(name) + "@" + fixed,
                        new AffectedProductInput(p.vendor(), name, p.cpe(), p.purl(), null, null, null, null, fixed,
                                fixed));
            }
        }
        return List.copyOf(below.values());
    }

    /** Whether a fixed product is a distribution's package of one stream (el9, sle150500, debian12). */
    private static boolean inStream(TreeProduct p) {
        return p != null && releaseOf(p) != null && ReleaseStream.of(releaseOf(p), p.purl()) != null;
    }

    /** The version a fixed product is at: its purl's (with an RPM's epoch), else its version branch's. */
    private static String releaseOf(TreeProduct p) {
        String fromPurl = PackageUrl.parse(p.purl()).map(PackageUrl::version).orElse(null);
        return fromPurl != null ? fromPurl : "product_version".equals(p.versionCategory()) ? p.version() : null;
    }

    private static void require(JsonNode node, String path, List<String> fields, List<Violation> faults) {
        for (String field : fields) {
            if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
                faults.add(new Violation(path + "." + field, "csaf-required"));
            }
        }
    }

    private static LocalDate date(JsonNode node, String path, List<Violation> faults) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toLocalDate();
        } catch (DateTimeParseException e) {
            faults.add(new Violation(path, "bad-timestamp", node.asText()));
            return null;
        }
    }

    private static Severity severity(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (Severity severity : Severity.values()) {
            if (upper.startsWith(severity.name())) {
                return severity;
            }
        }
        return SEVERITY_WORDS.get(SearchText.fold(text).strip());
    }

    /** The document's TLP label; none is CLEAR, one we do not know is treated as AMBER (the cautious choice). */
    private static Tlp tlp(String label) {
        try {
            Tlp tlp = Tlp.parse(label);
            return tlp == null ? Tlp.CLEAR : tlp;
        } catch (IllegalArgumentException unknown) {
            return Tlp.AMBER;
        }
    }
}
