package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;

/**
 * An incident's life through the gateway with real tokens: a district reports it at 2 a.m., the department
 * triages and escalates it to VNCERT/CC with the hotline from inventory, the Authority sees it, a bank does not;
 * and the demo's botnet list has opened a malware incident for Cam Ranh on its own.
 */
class IncidentE2E {

    private final String run = RunIds.next(6);

    @Test
    void aReportedIncidentIsTriagedEscalatedAndSeenByTheRightPeopleOnly() {
        String id = as("camranh-operator")
                .body("""
                        {"title":"Trang chủ cổng thông tin bị thay đổi giao diện %s","category":"DEFACEMENT",
                         "severity":"CRITICAL","detectedAt":"2024-02-10T02:05:00+07:00","tlp":"GREEN",
                         "observables":[{"type":"URL","value":"https://portal.camranh.khanhhoa.gov.vn/"}]}""".formatted(run))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("khanhhoa-coordinator")
                .body("{\"status\":\"TRIAGED\",\"note\":\"Xác nhận\"}")
                .post("/api/v1/incidents/" + id + "/status")
                .then()
                .statusCode(200);
        as("khanhhoa-coordinator")
                .body("{\"person\":\"Trực ban STTTT\",\"organization\":\"STTTT-KH\"}")
                .post("/api/v1/incidents/" + id + "/assignment")
                .then()
                .statusCode(200)
                .body("assignee.organization", equalTo("STTTT-KH"));
        as("khanhhoa-coordinator")
                .body("{\"status\":\"CLOSED\"}")
                .post("/api/v1/incidents/" + id + "/status")
                .then()
                .statusCode(409)
                .body("allowed", equalTo(List.of("CONTAINED", "REJECTED", "DUPLICATE")));
        as("khanhhoa-coordinator")
                .body("{\"to\":\"VNCERT\",\"channel\":\"HOTLINE\"}")
                .post("/api/v1/incidents/" + id + "/escalations")
                .then()
                .statusCode(200)
                .body("escalatedTo", equalTo(List.of("VNCERT")))
                .body("timeline.find { it.kind == 'ESCALATION' }.data", containsString("086.9100.317"));
        as("authority").get("/api/v1/incidents/" + id).then().statusCode(200);
        as("bank-admin").get("/api/v1/incidents/" + id).then().statusCode(404);
        as("bank-admin").get("/api/v1/incidents").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    /**
     * With the database down, a report at 2 a.m. answers 503 (retry), nothing is half-written, and once it is back
     * the same report goes through without anyone restarting the service.
     */
    @Test
    void whileTheDatabaseIsDownAReportIsRefusedWith503AndGoesThroughOnceItIsBack() throws Exception {
        String report = """
                {"title":"Báo cáo lúc mất CSDL %s","category":"DDOS","severity":"HIGH",
                 "detectedAt":"2024-02-10T02:05:00+07:00"}""".formatted(run);
        Platform.canhgac("postgres", "stop");
        try {
            vn.canhgac.commons.testing.Problems.assertProblem(
                    as("camranh-operator")
                            .body(report)
                            .post("/api/v1/incidents")
                            .then(),
                    503,
                    "unavailable");
        } finally {
            Platform.canhgac("postgres", "start");
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> as("camranh-operator")
                        .queryParam("q", "mat csdl " + run)
                        .get("/api/v1/incidents")
                        .then()
                        .statusCode(200)
                        .body("items", org.hamcrest.Matchers.empty()));
        as("camranh-operator").body(report).post("/api/v1/incidents").then().statusCode(201);
        as("camranh-operator")
                .queryParam("q", "mat csdl " + run)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1));
    }

    /** A system registered in inventory can be named by a report moments later, with its security level. */
    @Test
    void aReportNamesASystemFromInventoryWithItsSecurityLevel() {
        String system = as("camranh-operator")
                .body("""
                        {"organizationCode":"UBND-CAMRANH","name":"Một cửa điện tử %s","securityLevel":3,"status":"OPERATING"}""".formatted(run))
                .post("/api/v1/systems")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String report = """
                {"title":"Hệ thống một cửa bị xâm nhập %s","category":"INTRUSION","severity":"HIGH",
                 "detectedAt":"2024-02-10T02:05:00+07:00","affectedSystems":["%s"]}""".formatted(run, system);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> as("camranh-operator")
                        .body(report)
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .body("affectedSystems[0].securityLevel", equalTo(3))
                        .body("affectedSystems[0].name", equalTo("Một cửa điện tử " + run)));
    }

    @Test
    void theDemoBotnetListOpenedAMalwareIncidentForCamRanh() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> as("camranh-operator")
                        .queryParam("category", "MALWARE")
                        .queryParam("q", "BOTNET-NCSC")
                        .get("/api/v1/incidents")
                        .then()
                        .statusCode(200)
                        .body("items[0].observables.value", hasItem("203.162.10.25")));
    }
}
