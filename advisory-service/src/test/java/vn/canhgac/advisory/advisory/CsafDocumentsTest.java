package vn.canhgac.advisory.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of("15.2(4)M10", "15.2(4)M11"),
                affected(advisory).stream().map(AffectedProductInput::versionExact).toList());
        assertEquals(List.of("Cisco"), affected(advisory).stream().map(AffectedProductInput::vendor).distinct().toList());
        assertEquals(List.of("IOS"), affected(advisory).stream().map(AffectedProductInput::product).distinct().toList());
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
        assertEquals(List.of("3.1"), affected(advisory).stream().map(AffectedProductInput::versionExact).toList());
        assertEquals(List.of(true), affected(advisory).stream().map(AffectedProductInput::investigating).toList());
        // 3.2, known not affected, is a VEX statement: no exposure, and other advisories about its CVE keep off it.
        assertEquals(List.of("3.2"), advisory.affected().stream().filter(AffectedProductInput::isNotAffectedStatement)
                .map(AffectedProductInput::versionExact).toList());
    }

    @Test
    void aFixedOnlyRhsaMakesEachPackageAffectedBelowItsFixedReleaseOnce() throws IOException {
        JsonNode rhsa;
        try (InputStream in = getClass().getResourceAsStream("/accuracy/csaf/redhat-rhsa-openssl.json")) {
            rhsa = new ObjectMapper().readTree(in);
        }
        AdvisoryInput advisory = CsafDocuments.read(rhsa, null, null);
        assertEquals(List.of("openssl", "openssl-libs"),
                affected(advisory).stream().map(AffectedProductInput::product).sorted().toList());
        assertEquals(List.of("1:1.1.1k-12.el8_9"),
                affected(advisory).stream().map(AffectedProductInput::endExcluding).distinct().toList());
        assertEquals("el8", affected(advisory).getFirst().range().stream());
    }

    /** The affected products of an advisory, without its VEX statements ("not affected"). */
    private static List<AffectedProductInput> affected(AdvisoryInput advisory) {
        return advisory.affected().stream().filter(a -> !a.isNotAffectedStatement()).toList();
    }
}
