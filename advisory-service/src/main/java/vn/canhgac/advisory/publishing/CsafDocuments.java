package vn.canhgac.advisory.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.canhgac.advisory.product.OsPlatform;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.text.SearchText;

/**
 * Reads a CSAF 2.0 document (OASIS CSAF v2.0, the security advisory and VEX profiles) into an advisory. Checked
 * first: the mandatory fields of §4 that an advisory needs (category, csaf_version 2.0, publisher, title, tracking
 * with id, dates, status, version and revision history), the product tree, and that every product a vulnerability
 * names is defined in it; a document that fails is refused whole with every fault listed. What it holds but the
 * platform cannot use is stored without, each part named in the import's warnings.
 *
 * <p>Affected products are the {@code known_affected} ones, and the release trains from a {@code first_affected} to
 * a {@code last_affected} version (or up to the {@code first_fixed} one); those {@code under_investigation} (and
 * affected by no vulnerability of the document) give exposures to confirm; {@code known_not_affected},
 * {@code fixed} and {@code recommended} ones give none and are kept as VEX statements (not affected by that
 * vulnerability's CVE: other advisories about only those CVEs do not hit them). A document that lists only fixed
 * packages (Red Hat's RHSA, SUSE's) makes each fixed package affected below its version, in the same stream; so does
 * a distribution's fix beside affected products. A document of statements alone (a VEX saying "not affected") is
 * accepted. How products and their versions are read: {@link CsafProductTree}, {@link CsafRanges}.
 */
final class CsafDocuments {

    private static final List<String> REQUIRED_TRACKING =
            List.of("id", "initial_release_date", "current_release_date", "status", "version");
    private static final List<String> AFFECTED_STATUSES = List.of("known_affected");
    /** §3.2.3.9: the bounds of a release train that is affected, and the first of it that is not. */
    private static final List<String> TRAIN_STATUSES = List.of("first_affected", "last_affected", "first_fixed");

    private static final List<String> NOT_AFFECTED_STATUSES =
            List.of("known_not_affected", "fixed", "first_fixed", "recommended");
    /** Aggregate severities as publishers write them: Red Hat's, BSI's (German), the NCSC's (Vietnamese). */
    private static final Map<String, Severity> SEVERITY_WORDS = Map.ofEntries(
            Map.entry("important", Severity.HIGH), Map.entry("moderate", Severity.MEDIUM),
            Map.entry("kritisch", Severity.CRITICAL), Map.entry("hoch", Severity.HIGH),
            Map.entry("mittel", Severity.MEDIUM), Map.entry("niedrig", Severity.LOW),
            Map.entry("nghiem trong", Severity.CRITICAL), Map.entry("cao", Severity.HIGH),
            Map.entry("trung binh", Severity.MEDIUM), Map.entry("thap", Severity.LOW));

    private CsafDocuments() {}

    static AdvisoryInput read(JsonNode csaf, String referenceOverride, LocalDate dueOn) {
        return read(csaf, referenceOverride, dueOn, new ArrayList<>());
    }

    /** Reads the document; what it holds that the platform cannot use is added to {@code warnings}. */
    static AdvisoryInput read(JsonNode csaf, String referenceOverride, LocalDate dueOn, List<String> warnings) {
        List<Violation> faults = new ArrayList<>();
        JsonNode document = csaf.path("document");
        require(document, "document", List.of("category", "csaf_version", "title"), faults);
        if (!document.path("csaf_version").asText().equals("2.0")) {
            faults.add(new Violation("document.csaf_version", "csaf-version"));
        }
        require(document.path("publisher"), "document.publisher", List.of("category", "name", "namespace"), faults);
        JsonNode tracking = document.path("tracking");
        require(tracking, "document.tracking", REQUIRED_TRACKING, faults);
        if (!tracking.path("revision_history").isArray()
                || tracking.path("revision_history").isEmpty()) {
            faults.add(new Violation("document.tracking.revision_history", "csaf-required"));
        }
        LocalDate issuedOn =
                date(tracking.path("initial_release_date"), "document.tracking.initial_release_date", faults);

        CsafProductTree products = CsafProductTree.read(csaf);
        if (products.isEmpty()) {
            faults.add(new Violation("product_tree", "csaf-no-products"));
        }

        Set<String> affectedIds = new LinkedHashSet<>();
        Set<String> investigatedIds = new LinkedHashSet<>();
        Set<String> fixedIds = new LinkedHashSet<>();
        Map<String, Set<String>> notAffected = new LinkedHashMap<>();
        Map<CsafProduct, String[]> trains = new LinkedHashMap<>();
        List<String> cves = new ArrayList<>();
        List<String> remediations = new ArrayList<>();
        BigDecimal score = null;
        JsonNode vulnerabilities = csaf.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vulnerability = vulnerabilities.get(v);
            if (vulnerability.hasNonNull("cve")) {
                cves.add(vulnerability.get("cve").asText());
            }
            String at = "vulnerabilities[" + v + "].product_status.";
            JsonNode status = vulnerability.path("product_status");
            for (String affectedStatus : AFFECTED_STATUSES) {
                affectedIds.addAll(ids(status, affectedStatus, at, products, faults));
            }
            for (int t = 0; t < TRAIN_STATUSES.size(); t++) {
                for (String id : ids(status, TRAIN_STATUSES.get(t), at, products, faults)) {
                    CsafProduct p = products.get(id);
                    if (p != null && p.version() != null) {
                        trains.computeIfAbsent(p.withoutVersion(), key -> new String[3])[t] = p.version();
                    }
                }
            }
            // SUSE lists the package versions to install as "recommended" (their fixes), often without "fixed".
            fixedIds.addAll(ids(status, "fixed", at, products, faults));
            fixedIds.addAll(ids(status, "recommended", at, products, faults));
            String cve = vulnerability.path("cve").asText("");
            if (cve.isBlank()
                    && NOT_AFFECTED_STATUSES.stream()
                            .anyMatch(s -> !status.path(s).isEmpty())) {
                warnings.add("vulnerabilities[" + v + "]: no CVE, so its not-affected and fixed products say nothing "
                        + "about other advisories");
            }
            for (String notAffectedStatus : NOT_AFFECTED_STATUSES) {
                for (String id : ids(status, notAffectedStatus, at, products, faults)) {
                    CsafProduct p = products.get(id);
                    // A fix without a version says nothing about which versions are not affected.
                    boolean says = notAffectedStatus.equals("known_not_affected") || (p != null && p.version() != null);
                    if (!cve.isBlank() && says) {
                        notAffected
                                .computeIfAbsent(id, key -> new LinkedHashSet<>())
                                .add(cve);
                    }
                }
            }
            investigatedIds.addAll(ids(status, "under_investigation", at, products, faults));
            for (JsonNode s : vulnerability.path("scores")) {
                JsonNode base = s.path("cvss_v3").path("baseScore");
                if (base.isNumber() && (score == null || base.decimalValue().compareTo(score) > 0)) {
                    score = base.decimalValue();
                }
            }
            for (JsonNode remediation : vulnerability.path("remediations")) {
                String text = remediationText(remediation);
                if (!text.isBlank() && !remediations.contains(text)) {
                    remediations.add(text);
                }
            }
        }
        investigatedIds.removeAll(affectedIds);
        trains.values().removeIf(train -> train[0] == null && train[1] == null);
        boolean fixedOnly = affectedIds.isEmpty()
                && investigatedIds.isEmpty()
                && trains.isEmpty()
                && fixedIds.stream().map(products::get).anyMatch(p -> p != null && CsafRanges.releaseOf(p) != null);
        if (faults.isEmpty()
                && affectedIds.isEmpty()
                && investigatedIds.isEmpty()
                && !fixedOnly
                && notAffected.isEmpty()
                && trains.isEmpty()) {
            faults.add(new Violation("vulnerabilities", "csaf-nothing-affected"));
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }

        List<AffectedProductInput> affected = new ArrayList<>();
        for (String id : affectedIds) {
            affected.addAll(products.rowsOf(id));
            if (products.installedOnSomeSystem(id)) {
                // Affected on some operating systems: where the agency's record does not say which, to confirm.
                CsafRanges.affectedOf(products.get(id))
                        .forEach(row -> affected.add(row.investigated().on(OsPlatform.UNKNOWN)));
            }
            CsafProductTree.Shipping shipping = products.shipping(id);
            if (shipping != null) {
                CsafRanges.affectedOf(shipping.platform())
                        .forEach(platform -> affected.add(shipping.certain() ? platform : platform.investigated()));
            }
        }
        trains.forEach((p, train) -> affected.add(new AffectedProductInput(
                p.vendor(),
                p.name(),
                p.cpe(),
                p.purl(),
                null,
                train[0],
                null,
                train[1],
                train[1] == null ? train[2] : null,
                train[2])));
        for (String id : investigatedIds) {
            products.rowsOf(id).forEach(product -> affected.add(product.investigated()));
        }
        notAffected.forEach((id, notBy) ->
                products.rowsOf(id).forEach(product -> affected.add(product.notAffectedBy(List.copyOf(notBy)))));
        if (fixedOnly) {
            affected.addAll(CsafRanges.belowFixed(fixedIds, products.products()));
        } else {
            // A distribution's fix in one stream (el9) says the earlier builds of that stream are affected, beside
            // what the document lists as affected in other streams (Red Hat's VEX files).
            affected.addAll(CsafRanges.belowFixed(
                    fixedIds.stream()
                            .filter(id -> CsafRanges.inStream(products.get(id)))
                            .toList(),
                    products.products()));
        }
        products.products().values().stream()
                .filter(CsafRanges::hasUnknownScheme)
                .distinct()
                .forEach(p -> warnings.add(p.name() + ": the range '" + p.version() + "' names a version scheme this "
                        + "platform does not know; read in the generic order"));
        affected.replaceAll(row -> readable(row, warnings));
        affected.removeIf(Objects::isNull);
        List<String> links = new ArrayList<>();
        document.path("references")
                .forEach(reference -> links.add(reference.path("url").asText()));
        String summary = null;
        for (JsonNode note : document.path("notes")) {
            if (note.path("category").asText().equals("summary") || summary == null) {
                summary = note.path("text").asText(null);
            }
        }
        String reference = referenceOverride != null && !referenceOverride.isBlank()
                ? referenceOverride
                : tracking.path("id").asText();
        return new AdvisoryInput(
                reference,
                document.path("publisher").path("name").asText(),
                document.path("title").asText(),
                summary,
                issuedOn,
                severity(document.path("aggregate_severity").path("text").asText(null)),
                score,
                tlp(document.path("distribution").path("tlp").path("label").asText(null)),
                dueOn,
                remediations.isEmpty() ? null : String.join("\n", remediations),
                cves,
                links,
                false,
                false,
                affected,
                tracking.path("version").asText(null));
    }

    /**
     * A row whose exact "version" is free text ("all versions before the March update") cannot be matched: it is
     * to confirm, every version, with a warning; a statement of free text would say "not affected" of every version,
     * so it is left out (null), with a warning.
     */
    private static AffectedProductInput readable(AffectedProductInput row, List<String> warnings) {
        String version = row.versionExact();
        if (version == null
                || (version.chars().anyMatch(Character::isDigit)
                        && !version.strip().contains(" "))) {
            return row;
        }
        if (row.isNotAffectedStatement()) {
            warnings.add(row.product() + ": '" + version + "' is not a version; the statement is left out");
            return null;
        }
        warnings.add(row.product() + ": '" + version + "' is not a version; its hits are to confirm");
        return new AffectedProductInput(
                row.vendor(),
                row.product(),
                row.cpe(),
                row.purl(),
                null,
                null,
                null,
                null,
                null,
                row.fixedIn(),
                true,
                row.versionScheme(),
                row.notAffectedCves(),
                row.platform());
    }

    /**
     * The product ids a product status lists; a status that is not a list, or an id the tree does not define, is
     * a fault named by its path.
     */
    private static List<String> ids(
            JsonNode productStatus, String status, String at, CsafProductTree products, List<Violation> faults) {
        JsonNode ids = productStatus.path(status);
        if (ids.isMissingNode() || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            faults.add(new Violation(at + status, "csaf-not-a-list"));
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).asText();
            if (!products.contains(id)) {
                faults.add(new Violation(at + status + "[" + i + "]", "csaf-unknown-product", id));
            }
            found.add(id);
        }
        return found;
    }

    /** "Vendor fix: 15.02.1258.032:Security Update (https://support.microsoft.com/help/5036401)". */
    private static String remediationText(JsonNode remediation) {
        String details = remediation.path("details").asText("").strip();
        String url = remediation.path("url").asText("").strip();
        if (details.isEmpty() && url.isEmpty()) {
            return "";
        }
        String category =
                remediation.path("category").asText("").replace('_', ' ').strip();
        String label =
                category.isEmpty() ? "" : Character.toUpperCase(category.charAt(0)) + category.substring(1) + ": ";
        if (url.isEmpty() || details.contains(url)) {
            return label + details;
        }
        return label + (details.isEmpty() ? url : details + " (" + url + ")");
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
