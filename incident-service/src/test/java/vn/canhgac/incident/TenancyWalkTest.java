package vn.canhgac.incident;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.testing.Api;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;

/**
 * Walks every endpoint of incident-service with the token of another organisation (a bank's administrator) aimed
 * at Cam Ranh's incident, alert and duty shift: nothing is found (404, never 403, so ids do not leak), nothing is
 * listed, nothing is planted in Cam Ranh's name, nothing changes. Then with Khánh Hòa's read-only auditor: it
 * reads, but cannot write.
 */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class TenancyWalkTest {

    private final String run = RunIds.next(8);
    private final String ip = "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
            + (1 + ThreadLocalRandom.current().nextInt(254));
    private String incidentId;
    private String alertId;
    private String shiftId;

    private static RequestSpecification as(String who) {
        return Api.as(who).contentType(ContentType.JSON);
    }

    @BeforeEach
    void camRanhObjects() {
        // The tree's events travel on three partitions: each organisation may arrive in any order.
        for (String code : List.of("UBND-CAMRANH", "NHTM-A")) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> as("authority")
                            .get("/api/v1/duty/organizations/" + code)
                            .then()
                            .statusCode(200));
        }
        incidentId = as("camranh-operator")
                .body("""
                        {"title":"walk-%s","category":"INTRUSION","severity":"HIGH","detectedAt":"2024-02-10T02:05:00+07:00",
                         "observables":[{"type":"IP","value":"%s"}]}""".formatted(run, ip))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        alertId = as("national-feed")
                .body("""
                        {"source":"WALK","sourceReference":"%s","organization":"UBND-CAMRANH","type":"scan","title":"walk-%s",
                         "observedAt":"2024-02-10T01:55:00+07:00","observables":[]}""".formatted(run, run))
                .post("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        shiftId = as("khanhhoa-coordinator")
                .body("""
                        {"organization":"UBND-CAMRANH","person":"Walk %s","phone":"0258 3822 111",
                         "from":"2033-02-01T08:00:00","to":"2033-02-01T20:00:00"}""".formatted(run))
                .post("/api/v1/duty/shifts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private record Call(String method, String path, String body) {
        Response send(String who) {
            RequestSpecification request = as(who);
            if (body != null) {
                request = request.body(body);
            }
            return request.request(method, path);
        }
    }

    private List<Call> everyEndpointAimedAtCamRanh() {
        String incident = "/api/v1/incidents/" + incidentId;
        String period = "organization=UBND-CAMRANH&from=2033-02-01T00:00:00&to=2033-02-02T00:00:00";
        return List.of(
                new Call("GET", incident, null),
                new Call("GET", incident + "/stix", null),
                new Call("POST", incident + "/status", "{\"status\":\"TRIAGED\"}"),
                new Call("POST", incident + "/timeline", "{\"kind\":\"COMMENT\",\"text\":\"chiếm\"}"),
                new Call("POST", incident + "/observables", "[{\"type\":\"IP\",\"value\":\"192.0.2.1\"}]"),
                new Call("POST", incident + "/escalations", "{\"to\":\"VNCERT\",\"channel\":\"HOTLINE\"}"),
                new Call("POST", incident + "/assignment", "{\"person\":\"chiếm\"}"),
                new Call(
                        "POST",
                        "/api/v1/alerts/" + alertId + "/promotion",
                        "{\"category\":\"MALWARE\",\"severity\":\"HIGH\"}"),
                new Call("POST", "/api/v1/alerts/" + alertId + "/attachment/" + incidentId, null),
                new Call("GET", "/api/v1/duty/shifts?" + period, null),
                new Call("GET", "/api/v1/duty/coverage?" + period, null),
                new Call("GET", "/api/v1/duty/now?organization=UBND-CAMRANH", null),
                new Call("GET", "/api/v1/duty/organizations/UBND-CAMRANH", null),
                new Call("DELETE", "/api/v1/duty/shifts/" + shiftId, null));
    }

    @Test
    void anotherOrganisationFindsNothingListsNothingPlantsNothingAndChangesNothing() {
        String before = snapshot();
        for (Call call : everyEndpointAimedAtCamRanh()) {
            assertEquals(404, call.send("bank-admin").statusCode(), call.method() + " " + call.path());
        }
        for (String list : List.of(
                "/api/v1/incidents?q=walk-" + run,
                "/api/v1/incidents?organization=NHTM-A",
                "/api/v1/incidents/observables?type=IP&value=" + ip,
                "/api/v1/alerts",
                "/api/v1/duty/organizations")) {
            String body =
                    as("bank-admin").get(list).then().statusCode(200).extract().asString();
            assertFalse(
                    body.contains(incidentId) || body.contains(alertId) || body.contains("UBND-CAMRANH"),
                    list + ": " + body);
        }
        assertEquals(
                400,
                as("bank-admin")
                        .body("""
                        {"reportingOrganization":"UBND-CAMRANH","title":"planted-%s","category":"OTHER","severity":"LOW",
                         "detectedAt":"2024-02-10T02:05:00+07:00"}""".formatted(run))
                        .post("/api/v1/incidents")
                        .statusCode());
        assertEquals(
                400,
                as("bank-admin")
                        .body("""
                        {"affectedOrganizations":["UBND-CAMRANH"],"title":"planted-%s","category":"OTHER","severity":"LOW",
                         "detectedAt":"2024-02-10T02:05:00+07:00"}""".formatted(run))
                        .post("/api/v1/incidents")
                        .statusCode());
        // Organisations named in a body are fields: one outside the caller's scope is 400, as if it did not exist.
        assertProblem(as("bank-admin").body("""
                        {"organization":"UBND-CAMRANH","person":"planted","phone":"0258 3822 111",
                         "from":"2033-02-01T20:00:00","to":"2033-02-02T08:00:00"}""").post("/api/v1/duty/shifts").then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("organization"));
        assertEquals(before, snapshot());
    }

    @Test
    void theAuditorReadsItsSubtreeButWritesNothing() {
        String before = snapshot();
        for (Call call : everyEndpointAimedAtCamRanh()) {
            int status = call.send("khanhhoa-auditor").statusCode();
            assertEquals(call.method().equals("GET") ? 200 : 403, status, call.method() + " " + call.path());
        }
        assertEquals(
                403,
                as("khanhhoa-auditor")
                        .body("""
                        {"title":"planted-%s","category":"OTHER","severity":"LOW","detectedAt":"2024-02-10T02:05:00+07:00"}""".formatted(run))
                        .post("/api/v1/incidents")
                        .statusCode());
        assertEquals(before, snapshot());
    }

    /** What Cam Ranh sees of its objects. */
    private String snapshot() {
        return as("camranh-operator")
                        .get("/api/v1/incidents/" + incidentId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                + as("camranh-operator")
                        .queryParam("status", "NEW")
                        .get("/api/v1/alerts")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.find { it.id == '%s' }".formatted(alertId))
                        .toString()
                + as("camranh-operator")
                        .queryParam("organization", "UBND-CAMRANH")
                        .queryParam("from", "2033-02-01T00:00:00")
                        .queryParam("to", "2033-02-02T00:00:00")
                        .get("/api/v1/duty/shifts")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
    }
}
