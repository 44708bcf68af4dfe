package vn.canhgac.incident.handling;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.contracts.EventContracts.ASSET_UPSERTED;
import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_UPSERTED;
import static vn.canhgac.commons.contracts.EventContracts.SYSTEM_UPSERTED;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.contracts.SystemEvent;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.OrganizationFeed;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.incident.alertwindow.DirectiveFeed;

/** Incidents against the real PostgreSQL, Kafka and Keycloak: report, scope, workflow, timeline, observables. */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class IncidentResourceTest {

    private final String run = RunIds.next(6);

    @BeforeAll
    static void vncert() {
        KhanhHoaTree.producer()
                .publish(
                        ORGANIZATION_UPSERTED,
                        OrganizationFeed.withContacts(
                                OrganizationFeed.organization(
                                        "VNCERT", "/BTTTT/CATTT/VNCERT/", OrganizationKind.AUTHORITY, 0, "VNCERT"),
                                List.of(new Contact(
                                        "VNCERT/CC",
                                        "Ứng cứu sự cố",
                                        "024.3640.4421",
                                        "086.9100.317",
                                        "ir@vncert.vn"))));
    }

    @BeforeEach
    void replicated() {
        for (String code : List.of("UBND-CAMRANH", "NHTM-A", "VNCERT")) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> as("authority")
                            .get("/api/v1/duty/organizations/" + code)
                            .then()
                            .statusCode(200));
        }
    }

    private String report(String who, String ip, String canonicalIp) {
        Map<String, Object> reported = as(who).contentType(ContentType.JSON)
                .body("""
                        {"title":"Máy chủ cổng thông tin kết nối C2 %s","category":"MALWARE","severity":"HIGH",
                         "detectedAt":"2024-02-10T02:15:00+07:00","impact":"Cổng thông tin chậm",
                         "measuresTaken":"Cách ly máy chủ","supportRequested":"Hỗ trợ phân tích mã độc","tlp":"amber",
                         "contact":{"name":"Nguyễn Văn Trực","phone":"0258 3822 000","email":"truc@camranh.gov.vn"},
                         "observables":[{"type":"IP","value":"%s"},{"type":"DOMAIN","value":"C2-%s.Example."}]}""".formatted(run, ip, run))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .body("reference", matchesPattern("INC-" + Year.now().getValue() + "-\\d{6}"))
                .body("status", equalTo("REPORTED"))
                .body("allowedNext", equalTo(List.of("TRIAGED", "REJECTED", "DUPLICATE")))
                .body("observables.value", hasItems(canonicalIp, "c2-" + run.toLowerCase() + ".example"))
                .extract()
                .jsonPath()
                .getMap("");
        // The answer is computed, not read back: it must be exactly what a later read shows.
        Map<String, Object> read = as(who).get("/api/v1/incidents/" + reported.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        read.remove("timeline");
        reported.remove("timeline");
        assertEquals(read, reported);
        return (String) reported.get("id");
    }

    @Test
    void anIncidentIsReportedWorkedThroughItsWorkflowAndSeenOnlyInScope() {
        String hex = Integer.toHexString(1 + (int) (Math.random() * 4094));
        String id = report("camranh-operator", "2001:DB8:0:0::" + hex.toUpperCase(), "2001:db8::" + hex);
        as("khanhhoa-coordinator")
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("reportingOrganization", equalTo("UBND-CAMRANH"))
                .body("tlp", equalTo("AMBER"))
                .body("affectedOrganizations", equalTo(List.of("UBND-CAMRANH")))
                .body("timeline", hasSize(1));
        assertProblem(as("bank-admin").get("/api/v1/incidents/" + id).then(), 404, "not-found");
        assertProblem(
                as("bank-admin")
                        .contentType(ContentType.JSON)
                        .body("{\"status\":\"TRIAGED\"}")
                        .post("/api/v1/incidents/" + id + "/status")
                        .then(),
                404,
                "not-found");
        as("bank-admin").get("/api/v1/incidents").then().statusCode(200).body("items.id", not(hasItem(id)));

        String status = "/api/v1/incidents/" + id + "/status";
        assertProblem(
                        as("khanhhoa-coordinator")
                                .contentType(ContentType.JSON)
                                .body("{\"status\":\"CONTAINED\"}")
                                .post(status)
                                .then(),
                        409,
                        "illegal-transition")
                .body("allowed", equalTo(List.of("TRIAGED", "REJECTED", "DUPLICATE")));
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"EVIDENCE\",\"text\":\"Ảnh bộ nhớ đã thu\",\"reference\":\"DFLab case 2024-0042\"}")
                .post("/api/v1/incidents/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("firstResponseAt", notNullValue())
                .body("timeline[1].kind", equalTo("EVIDENCE"));
        for (String next : List.of("TRIAGED", "CONTAINED", "ERADICATED", "RECOVERED", "CLOSED")) {
            as("khanhhoa-coordinator")
                    .contentType(ContentType.JSON)
                    .body("{\"status\":\"" + next + "\",\"note\":\"bước " + next + "\"}")
                    .post(status)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(next));
        }
        assertProblem(
                        as("khanhhoa-coordinator")
                                .contentType(ContentType.JSON)
                                .body("{\"status\":\"REJECTED\"}")
                                .post(status)
                                .then(),
                        409,
                        "illegal-transition")
                .body("allowed", equalTo(List.of()));
        as("camranh-operator")
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("closedAt", notNullValue())
                .body("timeline.kind", hasItem("STATUS"))
                .body("timeline", hasSize(7));
    }

    @Test
    void theSummaryCountsOpenIncidentsBySeverityInScopeOnly() {
        int camranhBefore = openHigh("camranh-operator", null);
        int provinceBefore = openHigh("khanhhoa-coordinator", "UBND-CAMRANH");
        int bankBefore = openHigh("bank-admin", null);
        String hex = Integer.toHexString(1 + (int) (Math.random() * 4094));
        String id = report("camranh-operator", "2001:db8:1::" + hex, "2001:db8:1::" + hex);
        assertEquals(camranhBefore + 1, openHigh("camranh-operator", null));
        assertEquals(provinceBefore + 1, openHigh("khanhhoa-coordinator", "UBND-CAMRANH"));
        assertEquals(bankBefore, openHigh("bank-admin", null), "another tenant's incident is not counted");
        assertThat(openIds("camranh-operator"), hasItem(id));
        as("camranh-operator")
                .contentType(ContentType.JSON)
                .body("{\"status\":\"REJECTED\",\"note\":\"báo nhầm\"}")
                .post("/api/v1/incidents/" + id + "/status")
                .then()
                .statusCode(200);
        assertEquals(camranhBefore, openHigh("camranh-operator", null), "a rejected incident is no longer open");
        assertThat("the list's open ones are those the summary counts", openIds("camranh-operator"), not(hasItem(id)));
        assertProblem(
                as("bank-admin")
                        .queryParam("organization", "UBND-CAMRANH")
                        .get("/api/v1/incidents/summary")
                        .then(),
                400,
                "invalid-request");
    }

    private static List<String> openIds(String who) {
        return as(who).queryParam("open", true)
                .queryParam("limit", 500)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    private static int openHigh(String who, String organization) {
        var request = as(who);
        if (organization != null) {
            request = request.queryParam("organization", organization);
        }
        return request.get("/api/v1/incidents/summary")
                .then()
                .statusCode(200)
                .body("bySeverity.severity", equalTo(List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")))
                .extract()
                .path("bySeverity.find { it.severity == 'HIGH' }.open");
    }

    @Test
    void aReportNamesTheSystemsAndAssetsHitWithTheSystemsSecurityLevel() {
        UUID system = UUID.randomUUID();
        UUID asset = UUID.randomUUID();
        Instant updated = Instant.parse("2024-02-01T00:00:00Z");
        String camRanh = "/UBND-KH/STTTT-KH/UBND-CAMRANH/";
        KhanhHoaTree.producer()
                .publish(
                        SYSTEM_UPSERTED,
                        new SystemEvent(
                                system,
                                "UBND-CAMRANH",
                                camRanh,
                                "Cổng thông tin điện tử " + run,
                                3,
                                "OPERATING",
                                true,
                                Map.of(),
                                0,
                                false,
                                updated));
        KhanhHoaTree.producer()
                .publish(
                        ASSET_UPSERTED,
                        new AssetEvent(
                                asset,
                                "UBND-CAMRANH",
                                camRanh,
                                system,
                                null,
                                "portal-" + run,
                                "SERVER",
                                null,
                                null,
                                List.of("203.162.10.5"),
                                List.of(),
                                0,
                                false,
                                updated));
        String report = """
                {"title":"Cổng thông tin bị tấn công %s","category":"INTRUSION","severity":"HIGH",
                 "detectedAt":"2024-02-10T02:15:00+07:00","affectedSystems":["%s"],"affectedAssets":["%s"]}""";
        Map<String, Object> reported = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> as("camranh-operator")
                                .contentType(ContentType.JSON)
                                .body(report.formatted(run, system, asset))
                                .post("/api/v1/incidents"),
                        r -> r.statusCode() == 201)
                .then()
                .body("affectedSystems[0].securityLevel", equalTo(3))
                .body("affectedSystems[0].name", equalTo("Cổng thông tin điện tử " + run))
                .body("affectedAssets[0].hostname", equalTo("portal-" + run))
                .body("affectedOrganizations", equalTo(List.of("UBND-CAMRANH")))
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> read = as("camranh-operator")
                .get("/api/v1/incidents/" + reported.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        read.remove("timeline");
        reported.remove("timeline");
        assertEquals(read, reported);

        assertProblem(
                        as("bank-admin")
                                .contentType(ContentType.JSON)
                                .body(report.formatted(run, system, asset))
                                .post("/api/v1/incidents")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors.field", equalTo(List.of("affectedSystems[0]", "affectedAssets[0]")));
        assertProblem(
                        as("camranh-operator")
                                .contentType(ContentType.JSON)
                                .body(report.formatted(run, UUID.randomUUID(), asset))
                                .post("/api/v1/incidents")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("affectedSystems[0]"));
    }

    @Test
    void anIncidentIsAssignedToAPersonAndAnOrganisationOnTheTimeline() {
        String id = report("camranh-operator", "198.51.100.201", "198.51.100.201");
        String assignment = "/api/v1/incidents/" + id + "/assignment";
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"person\":\"Lê Văn Trực\",\"organization\":\"UBND-CAMRANH\",\"note\":\"trực ca đêm\"}")
                .post(assignment)
                .then()
                .statusCode(200)
                .body("assignee.person", equalTo("Lê Văn Trực"))
                .body("assignee.organization", equalTo("UBND-CAMRANH"))
                .body("firstResponseAt", notNullValue())
                .body(
                        "timeline.find { it.kind == 'ASSIGNMENT' }.text",
                        equalTo("→ Lê Văn Trực (UBND-CAMRANH): trực ca đêm"));
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body("{\"person\":\" \"}")
                        .post(assignment)
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                        as("camranh-operator")
                                .contentType(ContentType.JSON)
                                .body("{\"organization\":\"NHTM-A\"}")
                                .post(assignment)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("organization"));
        as("camranh-operator").get("/api/v1/incidents/" + id).then().body("assignee.person", equalTo("Lê Văn Trực"));
    }

    @Test
    void anEscalationRecordsTheChannelAndTheCentresContacts() {
        String id = report("camranh-operator", "198.51.100.200", "198.51.100.200");
        as("camranh-operator")
                .contentType(ContentType.JSON)
                .body("{\"to\":\"VNCERT\",\"channel\":\"HOTLINE\",\"note\":\"Đề nghị hỗ trợ ứng cứu lúc 2 giờ sáng\"}")
                .post("/api/v1/incidents/" + id + "/escalations")
                .then()
                .statusCode(200)
                .body("escalatedTo", equalTo(List.of("VNCERT")))
                .body("timeline.find { it.kind == 'ESCALATION' }.text", org.hamcrest.Matchers.containsString("HOTLINE"))
                .body(
                        "timeline.find { it.kind == 'ESCALATION' }.data",
                        org.hamcrest.Matchers.containsString("086.9100.317"))
                // the contacts are a JSON array, not a string holding one
                .body(
                        "timeline.find { it.kind == 'ESCALATION' }.data",
                        org.hamcrest.Matchers.startsWith("{\"contacts\":["));
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body("{\"to\":\"CIA\",\"channel\":\"HOTLINE\"}")
                        .post("/api/v1/incidents/" + id + "/escalations")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("bank-admin")
                        .contentType(ContentType.JSON)
                        .body("{\"to\":\"VNCERT\",\"channel\":\"EMAIL\"}")
                        .post("/api/v1/incidents/" + id + "/escalations")
                        .then(),
                404,
                "not-found");
    }

    @Test
    void anObservableFindsEveryIncidentThatSawItInScope() {
        // One of 65,000 addresses (198.19.0.0/16, benchmarking range): other tests' incidents must not have seen it.
        String ip = "198.19." + (int) (Math.random() * 256) + "." + (int) (Math.random() * 254 + 1);
        String first = report("camranh-operator", ip, ip);
        String second = report("khanhhoa-coordinator", ip, ip);
        as("khanhhoa-ubnd")
                .queryParam("type", "IP")
                .queryParam("value", " " + ip + " ")
                .get("/api/v1/incidents/observables")
                .then()
                .statusCode(200)
                .body("id", hasItems(first, second));
        as("camranh-operator")
                .queryParam("type", "IP")
                .queryParam("value", ip)
                .get("/api/v1/incidents/observables")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(first)));
        as("bank-admin")
                .queryParam("type", "IP")
                .queryParam("value", ip)
                .get("/api/v1/incidents/observables")
                .then()
                .statusCode(200)
                .body("", hasSize(0));

        as("camranh-operator")
                .get("/api/v1/incidents/" + first + "/stix")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/stix+json"))
                .body("type", equalTo("bundle"))
                .body("objects.type", hasItems("identity", "incident", "indicator", "relationship", "sighting"))
                .body(
                        "objects.find { it.type == 'indicator' && it.pattern.contains('ipv4') }.pattern",
                        equalTo("[ipv4-addr:value = '" + ip + "']"))
                .body("objects.find { it.type == 'relationship' }.relationship_type", equalTo("indicates"));
        assertProblem(
                as("bank-admin").get("/api/v1/incidents/" + first + "/stix").then(), 404, "not-found");
    }

    @Test
    void insideAnAlertWindowEveryDeadlineIsHalved() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        DirectiveFeed.declare("Tết " + run, today.minusDays(1), today.plusDays(1));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    io.restassured.path.json.JsonPath incident = as("camranh-operator")
                            .contentType(ContentType.JSON)
                            .body("""
                            {"title":"window-%s","category":"DDOS","severity":"HIGH","detectedAt":"%s"}""".formatted(run, java.time.OffsetDateTime.now()))
                            .post("/api/v1/incidents")
                            .then()
                            .statusCode(201)
                            .extract()
                            .jsonPath();
                    Instant reported = Instant.parse(incident.getString("reportedAt"));
                    // High: 72 h to resolve and 4 h to answer, halved; the clocks start within a second of the report.
                    Duration resolution =
                            Duration.between(reported, Instant.parse(incident.getString("resolutionDue")));
                    Duration response =
                            Duration.between(reported, Instant.parse(incident.getString("firstResponseDue")));
                    org.junit.jupiter.api.Assertions.assertTrue(
                            resolution.minus(Duration.ofHours(36)).abs().toSeconds() < 60, resolution::toString);
                    org.junit.jupiter.api.Assertions.assertTrue(
                            response.minus(Duration.ofHours(2)).abs().toSeconds() < 60, response::toString);
                });
    }

    @Test
    void badReportsAreRefusedAndStoreNothing() {
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body("{\"title\":\"x\",\"severity\":\"HIGH\",\"detectedAt\":\"2024-02-10T02:15:00+07:00\"}")
                        .post("/api/v1/incidents")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                        as("camranh-operator")
                                .contentType(ContentType.JSON)
                                .body("""
                        {"title":"bad-%s","category":"DDOS","severity":"LOW","detectedAt":"2024-02-10T02:15:00+07:00",
                         "observables":[{"type":"IP","value":"999.1.1.1"},{"type":"HASH","value":"xyz"}]}""".formatted(run))
                                .post("/api/v1/incidents")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors.field", equalTo(List.of("observables[0].value", "observables[1].value")));
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"title":"bad-%s","category":"DDOS","severity":"LOW","detectedAt":"2024-02-10T02:15:00+07:00",
                         "tlp":"PURPLE"}""".formatted(run))
                        .post("/api/v1/incidents")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"title":"bad-%s","category":"DDOS","severity":"LOW","detectedAt":"2024-02-10T02:15:00+07:00",
                         "affectedOrganizations":["NHTM-A"]}""".formatted(run))
                        .post("/api/v1/incidents")
                        .then(),
                400,
                "invalid-request");
        as("camranh-operator")
                .queryParam("q", "bad-" + run)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
