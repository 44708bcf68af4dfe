package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Sboms;

/**
 * From inventory to exposure through the gateway with real tokens: an agency registers a server, the national
 * feed publishes a botnet list holding its address and the Authority an advisory for its product; the agency
 * (and its province) see what hits them, another agency sees nothing.
 */
class ExposureE2E {

    private final String run = RunIds.next(6);
    private final String address = "45.103." + ThreadLocalRandom.current().nextInt(256) + "."
            + (1 + ThreadLocalRandom.current().nextInt(254));

    @Test
    void aBotnetListAndAnAdvisoryReachTheOwnerOfTheServerAndNoOneElse() {
        String asset = as("camranh-operator")
                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"portal-%s","kind":"SERVER","addresses":["%s"],
                         "products":[{"vendor":"F5","product":"BIG-IP","version":"16.1.4"}]}""".formatted(run, address))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String listId = botnetList("E2E-BOTNET-" + run, address + " mirai\n198.51.100.99\n");
        String advisoryId = as("authority")
                .body("""
                        {"reference":"E2E-1943/CATTT-NCSC-%s","issuer":"NCSC","title":"F5 BIG-IP","issuedOn":"2023-10-31",
                         "severity":"CRITICAL","cves":["CVE-2023-46747"],
                         "affected":[{"vendor":"F5","product":"BIG-IP","startIncluding":"16.1.0","endExcluding":"16.1.4.1"}]}""".formatted(run))
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    as("camranh-operator")
                            .queryParam("botnetListId", listId)
                            .queryParam("assetId", asset)
                            .get("/api/v1/exposures")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1))
                            .body("items[0].assetId", equalTo(asset))
                            .body("items[0].subject", equalTo(address))
                            .body("items[0].status", equalTo("OPEN"));
                    as("camranh-operator")
                            .queryParam("advisoryId", advisoryId)
                            .queryParam("assetId", asset)
                            .get("/api/v1/exposures")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1))
                            .body("items[0].subject", equalTo("F5 BIG-IP 16.1.4"));
                });
        // The province sees its district's exposures (the demo's own advisories may add more for this product).
        as("khanhhoa-ubnd")
                .queryParam("assetId", asset)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items.advisoryId", org.hamcrest.Matchers.hasItem(advisoryId))
                .body("items.botnetListId", org.hamcrest.Matchers.hasItem(listId));
        as("bank-admin")
                .queryParam("assetId", asset)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", empty());
        String exposure = as("camranh-operator")
                .queryParam("botnetListId", listId)
                .get("/api/v1/exposures")
                .then()
                .extract()
                .path("items[0].id");
        as("bank-admin").get("/api/v1/exposures/" + exposure).then().statusCode(404);
        as("camranh-operator")
                .body("{\"status\":\"IN_PROGRESS\",\"note\":\"Đang cách ly máy chủ\"}")
                .post("/api/v1/exposures/" + exposure + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("allowedNext", equalTo(List.of("MITIGATED", "RESOLVED", "RISK_ACCEPTED", "FALSE_POSITIVE")));
    }

    /**
     * An agency resolves a botnet hit; a newer list names the address again. The hit is back, under that list: its
     * reopen opens a malware incident on the list and tells the agency that the exposure is back.
     */
    @Test
    void aResolvedBotnetHitThatANewerListNamesIsBackWithAnIncidentAndANotice() {
        String host = "45.104." + ThreadLocalRandom.current().nextInt(256) + "."
                + (1 + ThreadLocalRandom.current().nextInt(254));
        String asset = as("camranh-operator")
                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"mail-%s","kind":"SERVER","addresses":["%s"]}""".formatted(run, host))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String first = botnetList("E2E-FIRST-" + run, host + " mirai\n");
        String exposure = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> as("camranh-operator")
                                .queryParam("botnetListId", first)
                                .queryParam("assetId", asset)
                                .get("/api/v1/exposures")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        java.util.Objects::nonNull);
        // Told of the hit, the agency deals with it. (Resolved before its detection is sent, the detection would be
        // read after the reopen, and told under the newer list too.)
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> kindsToldOf(exposure), List.of("EXPOSURE_DETECTED")::equals);
        as("camranh-operator")
                .body("{\"status\":\"RESOLVED\",\"note\":\"Đã gỡ mã độc, cài lại máy chủ\"}")
                .post("/api/v1/exposures/" + exposure + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));

        String again = "E2E-AGAIN-" + run;
        String second = botnetList(again, host + " mirai\n");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    as("camranh-operator")
                            .get("/api/v1/exposures/" + exposure)
                            .then()
                            .statusCode(200)
                            .body("status", equalTo("OPEN"))
                            .body("botnetListId", equalTo(second));
                    as("camranh-operator")
                            .queryParam("category", "MALWARE")
                            .queryParam("q", again)
                            .get("/api/v1/incidents")
                            .then()
                            .statusCode(200)
                            .body("items[0].observables.value", org.hamcrest.Matchers.hasItem(host));
                    assertEquals(
                            List.of("EXPOSURE_DETECTED", "EXPOSURE_REOPENED"),
                            kindsToldOf(exposure).stream().sorted().toList(),
                            "told once as found, once as back");
                });
    }

    /**
     * The kinds of Cam Ranh's notifications that list the exposure, as its operator's inbox has them (one may list
     * other exposures of the same batch, and then names no single list).
     */
    private static List<String> kindsToldOf(String exposure) {
        return as("camranh-operator")
                .queryParam("limit", 200)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.facts.items.any { item -> item.link == '/exposures/" + exposure
                        + "' } }.kind");
    }

    /** An ad hoc list of the entries (lines of an address and a label), as the national feed uploads it. */
    private static String botnetList(String reference, String entries) {
        return as("national-feed")
                .contentType("text/plain")
                .queryParam("reference", reference)
                .queryParam("kind", "AD_HOC")
                .body("# ad hoc list\n" + entries)
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A server described by the largest SBOM an asset may have (10,000 components, as a Node.js application's image has)
     * is matched like any other: its event, about 2 MB, goes through Kafka whole (past the broker's and producer's
     * default of 1 MB, which held it in the outbox for good), and the hit on its last component is found.
     */
    @Test
    void aServerWithTheLargestSbomIsMatchedOnItsLastComponent() {
        String vendor = "E2E-Vendor-" + run;
        String product = "E2E-Big-Sbom-" + run;
        String asset = as("camranh-operator")
                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"node-app-%s","kind":"SERVER","addresses":[]}""".formatted(run))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // 9,998 packages and the application: an SBOM keeps 9,999 components beside its metadata.component.
        String components = Sboms.npmPackages(9_998, false);
        as("camranh-operator")
                .contentType("application/vnd.cyclonedx+json")
                .header("If-Match", "\"0\"")
                .body("""
                        {"bomFormat":"CycloneDX","specVersion":"1.5","components":[%s,
                         {"type":"application","publisher":"%s","name":"%s","version":"2.0"}]}""".formatted(components, vendor, product))
                .put("/api/v1/assets/" + asset + "/sbom")
                .then()
                .statusCode(200);
        String advisoryId = as("authority")
                .body("""
                        {"reference":"E2E-SBOM-%s","issuer":"NCSC","title":"Big SBOM","issuedOn":"2026-12-01",
                         "severity":"HIGH","affected":[{"vendor":"%s","product":"%s","endExcluding":"3.0"}]}""".formatted(run, vendor, product))
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> as("camranh-operator")
                            .queryParam("advisoryId", advisoryId)
                            .queryParam("assetId", asset)
                            .get("/api/v1/exposures")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1)));
        } finally {
            // Not left for the tests after this one: Cam Ranh's asset list would carry its 10,000 products.
            as("camranh-operator")
                    .header("If-Match", "\"1\"")
                    .delete("/api/v1/assets/" + asset)
                    .then()
                    .statusCode(204);
        }
    }
}
