package vn.canhgac.advisory.publishing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.advisory.VexStatements;

/** Advisories through the API and from CSAF 2.0 and KEV documents, against the real infrastructure. */
@QuarkusTest
class AdvisoryImportTest {

    private static InventoryFeed inventory;
    private static final String UNIT = InventoryFeed.unique("F5-UNIT");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
    }

    /** RestAssured knows the test port only from here on: the replica is awaited before each test, not in @BeforeAll. */
    @BeforeEach
    void replicated() {
        InventoryFeed.awaitOrganization(UNIT);
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    static String fixture(String name) {
        try (InputStream in = AdvisoryImportTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCsafDocumentBecomesAnAdvisoryWithItsRangesAndHitsTheInventory() {
        UUID lb = UUID.randomUUID();
        inventory.asset(
                lb,
                UNIT,
                UNIT_PATH,
                "lb-1",
                0,
                List.of(),
                List.of(
                        new Product(null, null, null, "cpe:2.3:a:f5:big-ip:17.1.0.2:*:*:*:*:*:*:*", null),
                        Product.named("F5", "BIG-IP", "15.1.10.2")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/assets/" + lb)
                        .then()
                        .statusCode(200)
                        .body("products.identity", hasItems("name:f5:bigip", "name::bigip")));

        String reference = InventoryFeed.unique("1943/CATTT-NCSC");
        as("authority")
                .contentType(ContentType.JSON)
                .body(fixture("csaf-f5-bigip.json"))
                .queryParam("reference", reference)
                .queryParam("dueOn", "2023-11-07")
                .post("/api/v1/advisories/imports/csaf")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("references", equalTo(List.of(reference)))
                .body("exposures.detected", greaterThanOrEqualTo(1));

        String id = as("khanhhoa-coordinator")
                .queryParam("q", reference)
                .get("/api/v1/advisories")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        as("khanhhoa-coordinator")
                .get("/api/v1/advisories/" + id)
                .then()
                .statusCode(200)
                .body("severity", equalTo("CRITICAL"))
                .body("cvssScore", equalTo(9.8f))
                .body("tlp", equalTo("CLEAR"))
                .body("cves", equalTo(List.of("CVE-2023-46747", "CVE-2023-46748")))
                .body("dueOn", equalTo("2023-11-07"))
                .body("sourceFormat", equalTo("CSAF"))
                .body(
                        "affected.versions",
                        equalTo(List.of(">= 17.1.0, < 17.1.0.3", ">= 16.1.0, < 16.1.4.1", "= 15.1.10.2")))
                .body("affected[0].vendor", equalTo("F5"))
                .body("affected[0].product", equalTo("BIG-IP"));
        // 17.1.0.2 (by its CPE's name) is in the first range; 15.1.10.2 is named exactly.
        as("khanhhoa-coordinator")
                .queryParam("advisoryId", id)
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.subject", hasItems("f5 big-ip 17.1.0.2", "F5 BIG-IP 15.1.10.2"));

        // The same document again: nothing new.
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(fixture("csaf-f5-bigip.json"))
                .queryParam("reference", reference)
                .post("/api/v1/advisories/imports/csaf")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(1));

        // Revision 2: 15.1.10.2 turns out not affected. It replaces revision 1; its exposure is resolved, with why.
        String revision2 = revised(fixture("csaf-f5-bigip.json"), "2");
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(revision2)
                .queryParam("reference", reference)
                .post("/api/v1/advisories/imports/csaf")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("revised", equalTo(1));
        as("khanhhoa-coordinator")
                .queryParam("advisoryId", id)
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items[0].advisoryRevision", equalTo("2"))
                .body(
                        "items.find { it.subject == 'f5 big-ip 17.1.0.2' }.matched",
                        equalTo("F5 BIG-IP >= 17.1.0, < 17.1.0.3 [name:f5:bigip]"));
        as("khanhhoa-coordinator")
                .get("/api/v1/advisories/" + id)
                .then()
                .statusCode(200)
                .body("revision", equalTo("2"))
                .body("affected.versions", equalTo(List.of(">= 17.1.0, < 17.1.0.3", ">= 16.1.0, < 16.1.4.1")));
        as("khanhhoa-coordinator")
                .queryParam("advisoryId", id)
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items.find { it.subject == 'F5 BIG-IP 15.1.10.2' }.status", equalTo("RESOLVED"))
                .body("items.find { it.subject == 'f5 big-ip 17.1.0.2' }.status", equalTo("OPEN"));
        // An older revision arriving late changes nothing.
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(fixture("csaf-f5-bigip.json"))
                .queryParam("reference", reference)
                .post("/api/v1/advisories/imports/csaf")
                .then()
                .statusCode(200)
                .body("revised", equalTo(0))
                .body("unchanged", equalTo(1));
    }

    /** The F5 document at another revision, in which 15.1.10.2 is known not affected. */
    private static String revised(String csaf, String version) {
        try {
            var json = new ObjectMapper();
            var document = (ObjectNode) json.readTree(csaf);
            var tracking = (ObjectNode) document.path("document").path("tracking");
            tracking.put("version", version).put("current_release_date", "2023-11-02T08:00:00+07:00");
            ((ArrayNode) tracking.path("revision_history"))
                    .addObject()
                    .put("date", "2023-11-02T08:00:00+07:00")
                    .put("number", version)
                    .put("summary", "15.1.10.2 not affected");
            var status = (ObjectNode) document.path("vulnerabilities").get(0).path("product_status");
            status.putArray("known_affected").add("BIGIP-17.1").add("BIGIP-16.1");
            status.putArray("known_not_affected").add("BIGIP-15.1.10.2");
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aVexThatOnlySaysNotAffectedClosesWhatOtherAdvisoriesFoundThereAndKeepsThemAway() {
        String product = InventoryFeed.unique("Gateway");
        String cve = "CVE-2024-" + (50000 + (int) (Math.random() * 9999));
        UUID gw31 = UUID.randomUUID();
        UUID gw32 = UUID.randomUUID();
        inventory.asset(
                gw31, UNIT, UNIT_PATH, "gw-31", 0, List.of(), List.of(Product.named("Canh Software", product, "3.1")));
        inventory.asset(
                gw32, UNIT, UNIT_PATH, "gw-32", 0, List.of(), List.of(Product.named("Canh Software", product, "3.2")));
        for (UUID asset : List.of(gw31, gw32)) {
            InventoryFeed.awaitAsset(asset);
        }
        String advisory = as("authority")
                .contentType(ContentType.JSON)
                .body("""
                        {"reference":"%s","issuer":"NCSC","title":"Gateway","issuedOn":"2024-03-01","severity":"HIGH",
                         "cves":["%s"],"affected":[{"vendor":"Canh Software","product":"%s","endExcluding":"4.0"}]}""".formatted(InventoryFeed.unique("GW"), cve, product))
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("authority")
                .queryParam("advisoryId", advisory)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));

        // The vendor's VEX: 3.1 is not affected (the vulnerable code is not in it). Nothing in it is affected.
        String vex = VexStatements.notAffected("Canh Software", product, "3.1", cve, "2024-03-02");
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(vex)
                .post("/api/v1/advisories/imports/csaf")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        as("authority")
                .queryParam("assetId", gw31)
                .get("/api/v1/exposures")
                .then()
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("FALSE_POSITIVE"));
        as("authority")
                .queryParam("assetId", gw32)
                .get("/api/v1/exposures")
                .then()
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("OPEN"));
        String closed = as("authority")
                .queryParam("assetId", gw31)
                .get("/api/v1/exposures")
                .then()
                .extract()
                .path("items[0].id");
        as("authority")
                .get("/api/v1/exposures/" + closed)
                .then()
                .statusCode(200)
                .body("history.note", hasItem(startsWith("not affected according to")));

        // Another 3.1 registered later is not hit at all; an advisory about another CVE as well still hits it.
        UUID later = UUID.randomUUID();
        inventory.asset(
                later,
                UNIT,
                UNIT_PATH,
                "gw-31b",
                0,
                List.of(),
                List.of(Product.named("Canh Software", product, "3.1")));
        InventoryFeed.awaitAsset(later);
        as("authority")
                .queryParam("assetId", later)
                .get("/api/v1/exposures")
                .then()
                .body("items", hasSize(0));
        String other = "CVE-2024-" + (60000 + (int) (Math.random() * 9999));
        as("authority")
                .contentType(ContentType.JSON)
                .body("""
                        {"reference":"%s","issuer":"NCSC","title":"Gateway 2","issuedOn":"2024-03-05","severity":"HIGH",
                         "cves":["%s","%s"],"affected":[{"vendor":"Canh Software","product":"%s","endExcluding":"4.0"}]}""".formatted(InventoryFeed.unique("GW"), cve, other, product))
                .post("/api/v1/advisories")
                .then()
                .statusCode(201);
        as("authority")
                .queryParam("assetId", later)
                .get("/api/v1/exposures")
                .then()
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("OPEN"));

        // The VEX is withdrawn: what it closed reopens as it was, what it kept away is found.
        String vexId = as("authority")
                .queryParam("cve", cve)
                .queryParam("limit", 10)
                .get("/api/v1/advisories")
                .then()
                .extract()
                .path("items.find { it.sourceFormat == 'CSAF' }.id");
        as("authority")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"published by mistake\"}")
                .post("/api/v1/advisories/" + vexId + "/withdrawal")
                .then()
                .statusCode(200);
        as("authority")
                .queryParam("assetId", gw31)
                .get("/api/v1/exposures")
                .then()
                .body("items.status", equalTo(List.of("OPEN", "OPEN")));
        as("authority")
                .get("/api/v1/exposures/" + closed)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("history.note", hasItem(startsWith("no longer stated not affected")));
        as("authority")
                .queryParam("assetId", later)
                .get("/api/v1/exposures")
                .then()
                .body("items", hasSize(2));
    }

    @Test
    void anInvalidCsafDocumentIsRefusedWithEveryFaultAndStoresNothing() {
        assertProblem(
                        as("authority")
                                .contentType(ContentType.JSON)
                                .body(fixture("csaf-invalid.json"))
                                .post("/api/v1/advisories/imports/csaf")
                                .then(),
                        400,
                        "invalid-request")
                .body(
                        "errors.field",
                        hasItems(
                                "document.csaf_version",
                                "document.publisher.namespace",
                                "document.tracking.current_release_date",
                                "document.tracking.revision_history",
                                "document.tracking.initial_release_date",
                                "vulnerabilities[0].product_status.known_affected[1]"));
        as("authority")
                .queryParam("q", "NCSC-BAD")
                .get("/api/v1/advisories")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body("{\"document\":")
                        .post("/api/v1/advisories/imports/csaf")
                        .then(),
                400,
                "malformed-json");
    }

    @Test
    void aKevCatalogueBecomesOneAdvisoryPerCveOnce() {
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(fixture("kev-sample.json"))
                .post("/api/v1/advisories/imports/kev")
                .then()
                .statusCode(200)
                .body("format", equalTo("KEV"));
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(fixture("kev-sample.json"))
                .post("/api/v1/advisories/imports/kev")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3));
        as("authority")
                .queryParam("cve", "CVE-2023-36884")
                .get("/api/v1/advisories")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("KEV/CVE-2023-36884"))
                .body("items.find { it.reference == 'KEV/CVE-2023-36884' }.severity", equalTo("CRITICAL"))
                .body("items.find { it.reference == 'KEV/CVE-2023-36884' }.ransomware", equalTo(true))
                // CISA's dueDate (2023-08-07) is a US federal deadline: never an agency's here.
                .body("items.find { it.reference == 'KEV/CVE-2023-36884' }.dueOn", nullValue());
        assertProblem(
                        as("national-feed")
                                .contentType(ContentType.JSON)
                                .body(
                                        "{\"vulnerabilities\":[{\"vendorProject\":\"F5\",\"product\":\"BIG-IP\",\"dateAdded\":\"yesterday\"}]}")
                                .post("/api/v1/advisories/imports/kev")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors.field", hasItems("vulnerabilities[0].cveID", "vulnerabilities[0].dateAdded"));
        assertProblem(
                as("national-feed")
                        .contentType(ContentType.JSON)
                        .body("[]")
                        .post("/api/v1/advisories/imports/kev")
                        .then(),
                400,
                "invalid-request");
    }

    @Test
    void theApiRefusesBadRangesDuplicatesAndAgencies() {
        String reference = InventoryFeed.unique("2216/CATTT-NCSC");
        String good = """
                {"reference":"%s","issuer":"NCSC","title":"Zimbra zero-day","issuedOn":"2023-11-16",
                 "cves":["CVE-2023-37580"],"affected":[{"vendor":"Synacor","product":"Zimbra Collaboration",
                 "endIncluding":"8.8.15_GA_4581"}]}""".formatted(reference);
        as("authority")
                .contentType(ContentType.JSON)
                .body(good)
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .body("severity", equalTo("HIGH"))
                .body("affected[0].versions", equalTo("<= 8.8.15_GA_4581"))
                .body("affected[0].matchedBy", equalTo("name:synacor:zimbracollaboration"));
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body(good)
                        .post("/api/v1/advisories")
                        .then(),
                409,
                "advisory-exists");
        assertProblem(
                        as("authority")
                                .contentType(ContentType.JSON)
                                .body(good.replace(reference, reference + "-B")
                                        .replace(
                                                "\"endIncluding\"",
                                                "\"startIncluding\":\"9\",\"startExcluding\":\"8\",\"endIncluding\""))
                                .post("/api/v1/advisories")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("affected[0]"));
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body(good.replace(reference, reference + "-C").replace("CVE-2023-37580", "CVE-23-1"))
                        .post("/api/v1/advisories")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                        as("authority")
                                .header("Accept-Language", "vi")
                                .contentType(ContentType.JSON)
                                .body(good.replace(reference, reference + "-E")
                                        .replace("\"issuedOn\"", "\"dueOn\":\"2023-11-01\",\"issuedOn\""))
                                .post("/api/v1/advisories")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("dueOn"))
                .body("errors[0].message", containsString("2023-11-16"));
        as("authority")
                .get("/api/v1/advisories?q=" + reference + "-E")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body(good.replace(reference, reference + "-D"))
                        .post("/api/v1/advisories")
                        .then(),
                403,
                "forbidden");
    }
}
