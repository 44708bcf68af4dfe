package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;

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

        String listId = as("national-feed")
                .contentType("text/plain")
                .queryParam("reference", "E2E-BOTNET-" + run)
                .queryParam("kind", "AD_HOC")
                .body("# ad hoc list\n" + address + " mirai\n198.51.100.99\n")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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
}
