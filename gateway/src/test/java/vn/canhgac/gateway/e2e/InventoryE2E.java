package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;

/** The inventory through the gateway: a system, its assets imported from a CSV file, searched by network. */
class InventoryE2E {

    private final String run = RunIds.next(6);

    @Test
    void anAgencyImportsItsInventoryThroughTheGatewayAndFindsItByNetwork() {
        String systemId = as("agency-system")
                .header("Idempotency-Key", "sys-" + run)
                .body("""
                        {"organizationCode":"UBND-CAMRANH","name":"Cổng dịch vụ công %s","securityLevel":3,
                         "status":"OPERATING","internetFacing":true}""".formatted(run))
                .post("/api/v1/systems")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String csv = "organization,external_id,hostname,kind,system_id,addresses,products\r\n"
                + "UBND-CAMRANH,E2E-%s-1,dvc-%s,server,%s,100.100.%d.1,\"F5|BIG-IP|16.1.4\"\r\n"
                        .formatted(run, run, systemId, 7)
                + "UBND-CAMRANH,E2E-%s-2,mail-%s,server,%s,100.100.%d.2,\"Synacor|Zimbra Collaboration|8.8.15\"\r\n"
                        .formatted(run, run, systemId, 7);
        as("agency-system")
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/assets/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        as("khanhhoa-coordinator")
                .queryParam("ip", "100.100.7.0/24")
                .queryParam("systemId", systemId)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items.hostname", equalTo(List.of("dvc-" + run, "mail-" + run)));
        as("khanhhoa-coordinator")
                .get("/api/v1/organizations/UBND-CAMRANH/compliance")
                .then()
                .statusCode(200)
                .body("own.systems", org.hamcrest.Matchers.greaterThan(0));
        as("khanhhoa-auditor")
                .queryParam("entityType", "asset")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("IMPORTED"));
        as("bank-admin")
                .queryParam("ip", "100.100.7.0/24")
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    /**
     * With the database down, reads and writes answer 503 problem documents and nothing is half-written; when it
     * returns, the service recovers by itself and the same request succeeds.
     */
    @Test
    void whileTheDatabaseIsDownNothingIsHalfWrittenAndTheServiceRecoversByItself() throws Exception {
        String asset = """
                {"organizationCode":"UBND-CAMRANH","hostname":"outage-%s","kind":"SERVER","addresses":["100.101.0.1"]}""".formatted(run);
        Platform.canhgac("postgres", "stop");
        try {
            assertProblem(
                    as("camranh-operator").body(asset).post("/api/v1/assets").then(), 503, "unavailable");
            assertProblem(as("camranh-operator").get("/api/v1/assets").then(), 503, "unavailable");
        } finally {
            Platform.canhgac("postgres", "start");
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> as("camranh-operator")
                        .queryParam("q", "outage-" + run)
                        .get("/api/v1/assets")
                        .then()
                        .statusCode(200)
                        .body("items", org.hamcrest.Matchers.empty()));
        as("camranh-operator").body(asset).post("/api/v1/assets").then().statusCode(201);
        as("khanhhoa-coordinator")
                .get("/api/v1/organizations/UBND-CAMRANH")
                .then()
                .statusCode(200);
    }
}
