package vn.canhgac.inventory.asset;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.inventory.DemoTree.as;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.Sboms;
import vn.canhgac.inventory.DemoTree;

/** Assets with their addresses and products, against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class AssetResourceTest {

    static final String PATH = "/api/v1/assets";
    private final String run = DemoTree.unique();

    @BeforeEach
    void demoTree() {
        DemoTree.ensure();
    }

    private String mailServer(String who, String hostname, String address) {
        return as(who).body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"%s","kind":"server","operatingSystem":"Ubuntu 22.04",
                         "addresses":["%s","2001:DB8::%s"],
                         "products":[{"vendor":"Synacor","product":"Zimbra Collaboration","version":"8.8.15",
                                      "cpe":"cpe:2.3:a:synacor:zimbra_collaboration_suite:8.8.15:-:*:*:*:*:*:*"},
                                     {"product":"log4j-core","version":"2.14.1",
                                      "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}""".formatted(hostname, address, Integer.toHexString(hostname.hashCode() & 0xffff)))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .extract()
                .path("id");
    }

    @Test
    void anAssetIsRegisteredWithCanonicalAddressesReadAndAnnounced() {
        String id = mailServer("camranh-operator", "mail-" + run + ".camranh.gov.vn", "10.20.30.40");
        as("camranh-operator")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("SERVER"))
                .body("addresses", hasItem("10.20.30.40"))
                .body("products[0].vendor", equalTo("Synacor"))
                .body("products[1].purl", equalTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        var record = CloudEventsConsumer.find("test.inventory.assets", id, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no event for " + id));
        assertTrue(record.value().contains("\"orgPath\":\"/UBND-KH/STTTT-KH/UBND-CAMRANH/\""), record.value());
        assertTrue(record.value().contains("zimbra_collaboration_suite"), record.value());
    }

    @Test
    void searchesByNetworkAddressProductAndText() {
        String id = mailServer("camranh-operator", "portal-" + run + ".camranh.gov.vn", "172.16.99.7");
        as("khanhhoa-ubnd")
                .queryParam("ip", "172.16.99.0/24")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("khanhhoa-ubnd")
                .queryParam("ip", "172.16.99.7")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("khanhhoa-ubnd")
                .queryParam("ip", "172.16.98.0/24")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("khanhhoa-ubnd")
                .queryParam("product", "ZIMBRA COLLABORATION")
                .queryParam("version", "8.8.15")
                .queryParam("q", "portal-" + run.toLowerCase())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as("bank-admin")
                .queryParam("ip", "172.16.99.7")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", empty());
        assertProblem(
                        as("khanhhoa-ubnd")
                                .queryParam("ip", "172.16.99.0/40")
                                .get(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("ip"));
        assertProblem(as("khanhhoa-ubnd").queryParam("sort", "colour").get(PATH).then(), 400, "invalid-request");
        assertProblem(
                as("khanhhoa-ubnd").queryParam("after", "garbage!").get(PATH).then(), 400, "invalid-request");
    }

    @Test
    void listsPageWithACursorInEitherOrder() {
        for (int i = 0; i < 3; i++) {
            mailServer("camranh-operator", "page-" + i + "-" + run + ".camranh.gov.vn", "192.0.2." + (10 + i));
        }
        var first = as("camranh-operator")
                .queryParam("q", "page-")
                .queryParam("q", run.toLowerCase())
                .queryParam("limit", 2)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .extract()
                .jsonPath();
        as("camranh-operator")
                .queryParam("q", "page-")
                .queryParam("limit", 2)
                .queryParam("after", first.getString("next"))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItems(first.getString("items[0].id"))));
        as("camranh-operator")
                .queryParam("sort", "-lastSeen")
                .queryParam("limit", 1)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void badAssetsAreRefusedFieldByFieldAndNothingIsStored() {
        String hostname = "bad-" + run;
        assertProblem(
                        as("camranh-operator")
                                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"%s","kind":"toaster",
                         "addresses":["10.0.0.1","mail.camranh.gov.vn","300.1.1.1"],
                         "products":[{"vendor":"F5"},{"product":"BIG-IP","cpe":"cpe:2.3:a:f5:big-ip"},
                                     {"product":"x","purl":"maven/x"}]}""".formatted(hostname))
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body(
                        "errors.field",
                        hasItems(
                                "kind",
                                "addresses[1]",
                                "addresses[2]",
                                "products[0].product",
                                "products[1].cpe",
                                "products[2].purl"));
        assertProblem(as("camranh-operator").body("""
                        {"organizationCode":"UBND-CAMRANH","kind":"SERVER"}""").post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("hostname"));
        assertProblem(
                        as("camranh-operator")
                                .body("""
                        {"organizationCode":"NHTM-A","hostname":"%s","kind":"SERVER"}""".formatted(hostname))
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("organizationCode"));
        assertProblem(
                        as("camranh-operator")
                                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"%s","kind":"SERVER",
                         "systemId":"00000000-0000-0000-0000-000000000001"}""".formatted(hostname))
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("systemId"));
        assertProblem(
                        as("camranh-operator")
                                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"%s","kind":"SERVER","ram":"16G"}""".formatted(hostname))
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("ram"));
        as("camranh-operator")
                .queryParam("q", hostname)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void theSameHostnameTwiceIsAConflictAndAnIdempotentRetryIsNot() {
        String hostname = "dup-" + run + ".camranh.gov.vn";
        String body = """
                {"organizationCode":"UBND-CAMRANH","hostname":"%s","kind":"WORKSTATION"}""".formatted(hostname);
        String id = as("camranh-operator")
                .header("Idempotency-Key", "asset-" + run)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("camranh-operator")
                .header("Idempotency-Key", "asset-" + run)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertProblem(
                as("camranh-operator")
                        .body(body.replace(hostname, hostname.toUpperCase()))
                        .post(PATH)
                        .then(),
                409,
                "asset-exists");
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndADeletionIsAnnounced() {
        String id = mailServer("camranh-operator", "upd-" + run, "198.51.100.5");
        String changes = """
                {"hostname":"upd-%s","kind":"SERVER","addresses":["198.51.100.6"],"products":[]}""".formatted(run);
        assertProblem(as("camranh-operator").body(changes).put(PATH + "/" + id).then(), 428, "precondition-required");
        as("camranh-operator")
                .header("If-Match", "\"0\"")
                .body(changes)
                .put(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("addresses", equalTo(List.of("198.51.100.6")))
                .body("products", empty());
        assertProblem(
                as("camranh-operator")
                        .header("If-Match", "\"0\"")
                        .body(changes)
                        .put(PATH + "/" + id)
                        .then(),
                412,
                "precondition-failed");
        assertProblem(
                as("camranh-operator")
                        .header("If-Match", "\"1\"")
                        .body(changes.replace("{", "{\"organizationCode\":\"STTTT-KH\","))
                        .put(PATH + "/" + id)
                        .then(),
                400,
                "invalid-request");

        assertProblem(as("camranh-operator").delete(PATH + "/" + id).then(), 428, "precondition-required");
        as("camranh-operator")
                .header("If-Match", "\"1\"")
                .delete(PATH + "/" + id)
                .then()
                .statusCode(204);
        assertProblem(as("camranh-operator").get(PATH + "/" + id).then(), 404, "not-found");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CloudEventsConsumer.find("test.inventory.assets", id, Duration.ofSeconds(5))
                        .map(r -> "canhgac.asset.deleted.v1".equals(CloudEventsConsumer.header(r, "ce_type"))
                                // A deletion carries no products: it can always be announced.
                                && r.value().contains("\"products\":[]"))
                        .orElse(false));
        as("khanhhoa-ubnd")
                .queryParam("entityType", "asset")
                .queryParam("entityId", id)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("DELETED", "UPDATED", "CREATED")))
                .body("items[1].before.addresses", hasItem("198.51.100.5"))
                .body("items[1].after.addresses", equalTo(List.of("198.51.100.6")));
        // The same trail as a file for an inspection; another tenant's file holds its header alone.
        String[] file = new String(
                        as("khanhhoa-ubnd")
                                .queryParam("entityId", id)
                                .get("/api/v1/audit/export")
                                .then()
                                .statusCode(200)
                                .contentType(equalTo("text/csv;charset=UTF-8"))
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8)
                .split("\r\n");
        assertEquals(4, file.length, String.join("\n", file));
        assertTrue(file[0].startsWith("\uFEFFoccurred_at,actor,"), file[0]);
        assertTrue(file[1].contains(",DELETED,asset," + id + ","), file[1]);
        String foreign = as("bank-admin")
                .queryParam("entityId", id)
                .get("/api/v1/audit/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(1, foreign.strip().split("\r\n").length, foreign);
    }

    @Test
    void aCycloneDxSbomReplacesTheInstalledProducts() {
        String id = mailServer("camranh-operator", "sbom-" + run, "198.51.100.77");
        // As SBOM tools write them: the described thing in metadata.component with a CPE 2.2 URI, nested
        // components, one component with a purl that does not parse and one without a name.
        String sbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.5",
                 "metadata":{"component":{"type":"application","publisher":"Synacor","name":"Zimbra Collaboration",
                   "version":"8.8.15","cpe":"cpe:/a:synacor:zimbra_collaboration_suite:8.8.15"}},
                 "components":[
                   {"type":"library","group":"org.apache.logging.log4j","name":"log4j-core","version":"2.17.1",
                    "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"},
                   {"type":"application","publisher":"F5","name":"BIG-IP","version":"16.1.4",
                    "components":[{"type":"library","name":"openssl","version":"1.1.1k","supplier":{"name":"OpenSSL"}}]},
                   {"type":"library","name":"jquery","version":"3.5.1","purl":"jquery 3.5.1"},
                   {"type":"library","version":"0.0.1"}]}""";
        assertProblem(
                as("camranh-operator")
                        .contentType("application/vnd.cyclonedx+json")
                        .body(sbom)
                        .put(PATH + "/" + id + "/sbom")
                        .then(),
                428,
                "precondition-required");
        as("camranh-operator")
                .contentType("application/vnd.cyclonedx+json")
                .header("If-Match", "\"0\"")
                .body(sbom)
                .put(PATH + "/" + id + "/sbom")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .header("Canhgac-Sbom-Warnings", equalTo("2"))
                .body(
                        "products.product",
                        equalTo(List.of("Zimbra Collaboration", "log4j-core", "BIG-IP", "openssl", "jquery")))
                .body("products[0].cpe", equalTo("cpe:2.3:a:synacor:zimbra_collaboration_suite:8.8.15:*:*:*:*:*:*:*"))
                .body("products[4].purl", equalTo(null))
                .body("addresses", hasItem("198.51.100.77"));
        assertProblem(
                as("camranh-operator")
                        .contentType("application/vnd.cyclonedx+json")
                        .body("{\"bomFormat\":\"SPDX\"}")
                        .put(PATH + "/" + id + "/sbom")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("bank-admin")
                        .contentType("application/vnd.cyclonedx+json")
                        .body(sbom)
                        .put(PATH + "/" + id + "/sbom")
                        .then(),
                404,
                "not-found");
    }

    /**
     * The largest SBOM an asset may have (10,000 products, as a Node.js application's image with its npm packages
     * has) makes an event of about 2.2 MB, past Kafka's default limit of 1 MB: the producer refused it at every tick of
     * the relay, and the asset never reached the read models that match it. The event now goes out whole.
     */
    @Test
    void theLargestSbomAnAssetMayHaveReachesTheTopicWhole() {
        String id = mailServer("camranh-operator", "sbom-large-" + run, "198.51.100.79");
        // As many as an SBOM keeps: one place stays for metadata.component.
        int kept = AssetRules.MAX_PRODUCTS - 1;
        String components = Sboms.npmPackages(kept, true);
        as("camranh-operator")
                .contentType("application/vnd.cyclonedx+json")
                .header("If-Match", "\"0\"")
                .body(Sboms.cycloneDx(components))
                .put(PATH + "/" + id + "/sbom")
                .then()
                .statusCode(200)
                .body("products.size()", equalTo(kept));

        String last = "package-name-" + (kept - 1);
        var record = CloudEventsConsumer.find(
                        "test.inventory.assets", id, value -> value.contains(last), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the event of the large SBOM is not on the topic"));
        assertTrue(
                record.value().length() > 1_048_576,
                "larger than Kafka's default limit: " + record.value().length());
        // Not left in the test database, whose asset lists would carry its products at every later run.
        as("camranh-operator")
                .header("If-Match", "\"1\"")
                .delete(PATH + "/" + id)
                .then()
                .statusCode(204);
    }

    /**
     * The platform's rules let an SBOM keep 9,999 components with publisher, name and version of 255 characters each:
     * in Vietnamese, three bytes a character, that is an event past the 16 MB the platform sends through its broker. Stored, the asset would never have reached the
     * read models, and its outbox row would have been refused at every tick. It is refused at once, and the asset
     * stays as it was.
     */
    @Test
    void anSbomWhoseEventTheBrokerCouldNotCarryIsRefusedAndChangesNothing() {
        String id = mailServer("camranh-operator", "sbom-huge-" + run, "198.51.100.80");
        String components = Sboms.widestProducts("""
                {"type":"library","publisher":"%s","name":"%s","version":"%s"}""", AssetRules.MAX_PRODUCTS - 1, AssetRules.MAX_TEXT);
        assertProblem(
                as("camranh-operator")
                        .contentType("application/vnd.cyclonedx+json")
                        .header("If-Match", "\"0\"")
                        .body(Sboms.cycloneDx(components).getBytes(StandardCharsets.UTF_8))
                        .put(PATH + "/" + id + "/sbom")
                        .then(),
                422,
                "event-too-large");

        as("camranh-operator")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("products.product", equalTo(List.of("Zimbra Collaboration", "log4j-core")));
        as("camranh-operator")
                .header("If-Match", "\"0\"")
                .delete(PATH + "/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void aCycloneDxXmlSbomIsReadByTheSameRulesAndAnXmlTrickIsRefused() {
        String id = mailServer("camranh-operator", "sbom-xml-" + run, "198.51.100.78");
        String sbom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
                  <metadata><tools><tool><vendor>OWASP</vendor><name>CycloneDX Maven plugin</name></tool></tools>
                    <component type="application" bom-ref="pkg:maven/vn.gov.khanhhoa/cong-dich-vu@2.3.0">
                      <group>vn.gov.khanhhoa</group><name>cong-dich-vu</name><version>2.3.0</version></component>
                  </metadata>
                  <components>
                    <component type="library"><group>org.apache.logging.log4j</group><name>log4j-core</name>
                      <version>2.17.1</version><purl>pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1</purl>
                      <components><component type="library"><name>log4j-api</name><version>2.17.1</version></component></components>
                    </component>
                    <component type="library"><publisher>Phần mềm Cánh</publisher><name>thư-viện</name><version>1.0</version>
                      <cpe>cpe:/a:canh:thu_vien:1.0</cpe></component>
                  </components>
                </bom>""";
        as("camranh-operator")
                .contentType("application/vnd.cyclonedx+xml")
                .header("If-Match", "\"0\"")
                .body(sbom.getBytes(StandardCharsets.UTF_8))
                .put(PATH + "/" + id + "/sbom")
                .then()
                .statusCode(200)
                .header("Canhgac-Sbom-Warnings", equalTo("0"))
                .body("products.product", equalTo(List.of("cong-dich-vu", "log4j-core", "log4j-api", "thư-viện")))
                .body("products[3].vendor", equalTo("Phần mềm Cánh"))
                .body("products[3].cpe", equalTo("cpe:2.3:a:canh:thu_vien:1.0:*:*:*:*:*:*:*"));
        // An external entity is never resolved: a document with a DTD is refused, and nothing changes.
        String entity = """
                <?xml version="1.0"?><!DOCTYPE bom [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component><name>&x;</name></component></components></bom>""";
        assertProblem(
                as("camranh-operator")
                        .contentType("application/xml")
                        .header("If-Match", "\"1\"")
                        .body(entity)
                        .put(PATH + "/" + id + "/sbom")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .contentType("application/xml")
                        .header("If-Match", "\"1\"")
                        .body("<bom xmlns=\"urn:spdx\"/>")
                        .put(PATH + "/" + id + "/sbom")
                        .then(),
                400,
                "invalid-request");
        as("camranh-operator")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("products", hasSize(4));
    }
}
