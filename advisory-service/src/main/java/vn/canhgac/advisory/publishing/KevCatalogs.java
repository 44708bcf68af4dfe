package vn.canhgac.advisory.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.sharing.Tlp;

/**
 * Reads a catalogue of known exploited vulnerabilities in the KEV format ({@code vulnerabilities[]} of
 * {@code cveID, vendorProject, product, vulnerabilityName, dateAdded, shortDescription, requiredAction, dueDate,
 * knownRansomwareCampaignUse}) into one advisory per CVE, referenced {@code KEV/<cveID>}. KEV names no versions,
 * so it is read as what it is, a signal that a CVE is exploited: its hits on a product name alone are exposures to
 * confirm (neither open nor overdue until the agency confirms the version), and it raises what versioned advisories
 * found for the same CVE. Its {@code dueDate} is CISA's deadline for US federal agencies: read for syntax, never
 * used (the national policy, {@code due_policy}, decides). Severity is critical when ransomware campaigns are
 * known to use it, high otherwise. A later catalogue revises the entries that changed.
 */
final class KevCatalogs {

    private static final Set<String> REQUIRED = Set.of("cveID", "vendorProject", "product", "dateAdded");

    private KevCatalogs() {}

    static List<AdvisoryInput> read(JsonNode catalog, String issuer) {
        JsonNode entries = catalog.path("vulnerabilities");
        if (!entries.isArray()) {
            throw DomainProblem.invalidField("vulnerabilities", "kev-expected");
        }
        String publisher = issuer != null && !issuer.isBlank()
                ? issuer
                : catalog.path("title").asText("KEV catalogue");
        String revision = revision(catalog);
        List<Violation> faults = new ArrayList<>();
        List<AdvisoryInput> advisories = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String at = "vulnerabilities[" + i + "]";
            boolean complete = true;
            for (String field : REQUIRED) {
                if (entry.path(field).asText("").isBlank()) {
                    faults.add(new Violation(at + "." + field, "csaf-required"));
                    complete = false;
                }
            }
            LocalDate added = date(entry.path("dateAdded"), at + ".dateAdded", faults);
            date(entry.path("dueDate"), at + ".dueDate", faults);
            String cve = entry.path("cveID").asText();
            if (complete && !cve.matches("CVE-\\d{4}-\\d{4,}")) {
                faults.add(new Violation(at + ".cveID", "bad-cve", cve));
                complete = false;
            }
            if (!complete || added == null) {
                continue;
            }
            boolean ransomware =
                    entry.path("knownRansomwareCampaignUse").asText("").equalsIgnoreCase("Known");
            String name = entry.path("vulnerabilityName").asText("");
            advisories.add(new AdvisoryInput(
                    "KEV/" + cve,
                    publisher,
                    name.isBlank() ? cve : name,
                    entry.path("shortDescription").asText(null),
                    added,
                    ransomware ? Severity.CRITICAL : Severity.HIGH,
                    null,
                    Tlp.CLEAR,
                    null,
                    entry.path("requiredAction").asText(null),
                    List.of(cve),
                    List.of(),
                    true,
                    ransomware,
                    List.of(new AffectedProductInput(
                            entry.path("vendorProject").asText(),
                            entry.path("product").asText(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)),
                    revision));
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
        return advisories;
    }

    /**
     * The catalogue's version ({@code catalogVersion}, CISA writes {@code 2024.11.29}), else its release time: a
     * later catalogue revises the entries it changed (a ransomware use now known, a product renamed).
     */
    private static String revision(JsonNode catalog) {
        String version = catalog.path("catalogVersion").asText("");
        String released = catalog.path("dateReleased").asText("");
        String revision = !version.isBlank() ? version : released.isBlank() ? null : released;
        return revision == null ? null : revision.substring(0, Math.min(50, revision.length()));
    }

    private static LocalDate date(JsonNode node, String path, List<Violation> faults) {
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            faults.add(new Violation(path, "bad-date", node.asText()));
            return null;
        }
    }
}
