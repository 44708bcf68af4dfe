package vn.canhgac.advisory.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSAF documents in the shapes their publishers write, read without the database. */
class CsafDocumentsTest {

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/csaf/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void ciscoServicePacksAreExactVersionsNotAllReleases() throws IOException {
        AdvisoryInput advisory = CsafDocuments.read(fixture("cisco-ios-service-packs.json"), null, null);
        assertEquals(
                List.of("15.2(4)M10", "15.2(4)M11"),
                affected(advisory).stream()
                        .map(AffectedProductInput::versionExact)
                        .toList());
        assertEquals(
                List.of("Cisco"),
                affected(advisory).stream()
                        .map(AffectedProductInput::vendor)
                        .distinct()
                        .toList());
        assertEquals(
                List.of("IOS"),
                affected(advisory).stream()
                        .map(AffectedProductInput::product)
                        .distinct()
                        .toList());
    }

    @Test
    void aBranchBelowAVersionKeepsItAndACpe22IdentityIsConverted() throws IOException {
        JsonNode csaf = fixture("cisco-ios-service-packs.json");
        String text = csaf.toString().replace("""
                "product":{"name":"15.2(4)M10","product_id":"CSAFPID-101"}""", """
                "branches":[{"category":"architecture","name":"x86_64","product":{"name":"15.2(4)M10 x86_64",
                 "product_id":"CSAFPID-101","product_identification_helper":{"cpe":"cpe:/o:cisco:ios:15.2%284%29m10"}}}]""");
        AdvisoryInput advisory = CsafDocuments.read(new ObjectMapper().readTree(text), null, null);
        AffectedProductInput first = affected(advisory).getFirst();
        assertEquals("15.2(4)M10", first.versionExact());
        assertEquals("cpe:2.3:o:cisco:ios:15.2\\(4\\)m10:*:*:*:*:*:*:*", first.cpe());
    }

    @Test
    void aVexProductUnderInvestigationIsToConfirmAndOneNotAffectedIsNothing() throws IOException {
        JsonNode vex;
        try (InputStream in = getClass().getResourceAsStream("/accuracy/csaf/vendor-vex-investigation.json")) {
            vex = new ObjectMapper().readTree(in);
        }
        AdvisoryInput advisory = CsafDocuments.read(vex, null, null);
        assertEquals(
                List.of("3.1"),
                affected(advisory).stream()
                        .map(AffectedProductInput::versionExact)
                        .toList());
        assertEquals(
                List.of(true),
                affected(advisory).stream()
                        .map(AffectedProductInput::investigating)
                        .toList());
        // 3.2, known not affected, is a VEX statement: no exposure, and other advisories about its CVE keep off it.
        assertEquals(
                List.of("3.2"),
                advisory.affected().stream()
                        .filter(AffectedProductInput::isNotAffectedStatement)
                        .map(AffectedProductInput::versionExact)
                        .toList());
    }

    @Test
    void aFixedOnlyRhsaMakesEachPackageAffectedBelowItsFixedReleaseOnce() throws IOException {
        JsonNode rhsa;
        try (InputStream in = getClass().getResourceAsStream("/accuracy/csaf/redhat-rhsa-openssl.json")) {
            rhsa = new ObjectMapper().readTree(in);
        }
        AdvisoryInput advisory = CsafDocuments.read(rhsa, null, null);
        assertEquals(
                List.of("openssl", "openssl-libs"),
                affected(advisory).stream()
                        .map(AffectedProductInput::product)
                        .sorted()
                        .toList());
        assertEquals(
                List.of("1:1.1.1k-12.el8_9"),
                affected(advisory).stream()
                        .map(AffectedProductInput::endExcluding)
                        .distinct()
                        .toList());
        assertEquals("el8", affected(advisory).getFirst().range().stream());
    }

    @Test
    void whatCannotBeUsedIsNamedInTheWarningsNotDroppedSilently() throws Exception {
        String text = """
                {"document":{"category":"csaf_security_advisory","csaf_version":"2.0","title":"Portal",
                  "publisher":{"category":"vendor","name":"Canh PSIRT","namespace":"https://psirt.canh.example"},
                  "tracking":{"id":"CANH-1","initial_release_date":"2024-03-02T00:00:00Z",
                   "current_release_date":"2024-03-02T00:00:00Z","status":"final","version":"1",
                   "revision_history":[{"date":"2024-03-02T00:00:00Z","number":"1","summary":"Initial"}]}},
                 "product_tree":{"branches":[{"category":"vendor","name":"Canh Software","branches":[
                   {"category":"product_name","name":"Canh Portal","branches":[
                     {"category":"product_version_range","name":"vers:conan/<2.0","product":{"name":"P1","product_id":"P1"}},
                     {"category":"product_version","name":"all versions before the March update",
                      "product":{"name":"P2","product_id":"P2"}}]}]}]},
                 "vulnerabilities":[{"cve":"CVE-2024-1111","product_status":{"known_affected":["P1","P2"]},
                   "remediations":[{"category":"vendor_fix","details":"Update to 2.0","product_ids":["P1"],
                    "url":"https://psirt.canh.example/2.0"}]},
                  {"ids":[{"system_name":"Canh","text":"CANH-BUG-7"}],"product_status":{"known_not_affected":["P1"]}}]}""";
        List<String> warnings = new ArrayList<>();
        AdvisoryInput advisory = CsafDocuments.read(new ObjectMapper().readTree(text), null, null, warnings);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("vers:conan/<2.0") && w.contains("generic")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("is not a version")));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("vulnerabilities[1]: no CVE")));
        // The free-text version is every version, to confirm: never an exact version nothing matches.
        AffectedProductInput freeText = advisory.affected().stream()
                .filter(AffectedProductInput::investigating)
                .findFirst()
                .orElseThrow();
        assertEquals(null, freeText.versionExact());
        assertEquals("Vendor fix: Update to 2.0 (https://psirt.canh.example/2.0)", advisory.remediation());
    }

    @Test
    void aFixedOnlyDocumentKeepsItsNotAffectedStatementsAndAFixWithoutVersionSaysNothing() throws Exception {
        String text = """
                {"document":{"category":"csaf_vex","csaf_version":"2.0","title":"expat",
                  "publisher":{"category":"vendor","name":"Red Hat","namespace":"https://www.redhat.com"},
                  "tracking":{"id":"CVE-2024-0001","initial_release_date":"2024-03-02T00:00:00Z",
                   "current_release_date":"2024-03-02T00:00:00Z","status":"final","version":"1",
                   "revision_history":[{"date":"2024-03-02T00:00:00Z","number":"1","summary":"Initial"}]}},
                 "product_tree":{"branches":[{"category":"vendor","name":"Red Hat","branches":[
                   {"category":"product_version","name":"expat-0:2.5.0-1.el9_3.1.x86_64","product":{"name":"expat el9",
                    "product_id":"EL9","product_identification_helper":{"purl":"pkg:rpm/redhat/expat@2.5.0-1.el9_3.1"}}},
                   {"category":"product_version","name":"expat-0:2.1.0-15.el7_9.x86_64","product":{"name":"expat el7",
                    "product_id":"EL7","product_identification_helper":{"purl":"pkg:rpm/redhat/expat@2.1.0-15.el7_9"}}},
                   {"category":"product_name","name":"expat","product":{"name":"expat","product_id":"ANY"}}]}]},
                 "vulnerabilities":[{"cve":"CVE-2024-0001","product_status":{"fixed":["EL9","ANY"],
                   "known_not_affected":["EL7"]}}]}""";
        AdvisoryInput advisory = CsafDocuments.read(new ObjectMapper().readTree(text), null, null);
        List<AffectedProductInput> statements = advisory.affected().stream()
                .filter(AffectedProductInput::isNotAffectedStatement)
                .toList();
        assertEquals(2, statements.size(), statements.toString());
        assertTrue(statements.stream().allMatch(s -> s.versionExact() != null), "no statement of every version");
        assertEquals(
                List.of("2.5.0-1.el9_3.1"),
                affected(advisory).stream()
                        .map(AffectedProductInput::endExcluding)
                        .toList());
    }

    /** The affected products of an advisory, without its VEX statements ("not affected"). */
    private static List<AffectedProductInput> affected(AdvisoryInput advisory) {
        return advisory.affected().stream()
                .filter(a -> !a.isNotAffectedStatement())
                .toList();
    }
}
