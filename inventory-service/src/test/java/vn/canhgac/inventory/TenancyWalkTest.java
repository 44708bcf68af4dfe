package vn.canhgac.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.canhgac.inventory.DemoTree.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every endpoint of the service with the token of another organisation (a bank's administrator) aimed at a
 * Khánh Hòa organisation, system and asset: nothing is found (404, never 403, so ids do not leak), nothing is
 * listed, nothing changes. Then does the same with Khánh Hòa's read-only auditor: it reads, but cannot write.
 */
@QuarkusTest
class TenancyWalkTest {

    private final String run = DemoTree.unique().toLowerCase();
    private String systemId;
    private String assetId;

    @BeforeEach
    void khanhHoaObjects() {
        DemoTree.ensure();
        systemId = as("camranh-operator")
                .body("""
                        {"organizationCode":"UBND-CAMRANH","name":"Walk %s","securityLevel":2,"status":"OPERATING"}""".formatted(run))
                .post("/api/v1/systems")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assetId = as("camranh-operator")
                .body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"walk-%s","kind":"SERVER","systemId":"%s",
                         "addresses":["100.64.1.1"]}""".formatted(run, systemId))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private record Call(String method, String path, String body, String contentType) {
        Response send(String who) {
            var request = as(who).contentType(contentType).header("If-Match", "*");
            if (body != null) {
                request = request.body(body);
            }
            return request.request(method, path);
        }
    }

    private List<Call> everyEndpointAimedAtKhanhHoa() {
        String org = "/api/v1/organizations/UBND-CAMRANH";
        String system = "/api/v1/systems/" + systemId;
        String asset = "/api/v1/assets/" + assetId;
        String json = "application/json";
        return List.of(
                new Call("GET", org, null, json),
                new Call("PUT", org, "{\"kind\":\"DISTRICT\",\"nameVi\":\"Chiếm\"}", json),
                new Call("GET", org + "/compliance", null, json),
                new Call("GET", system, null, json),
                new Call("PUT", system, "{\"name\":\"Chiếm\",\"securityLevel\":1,\"status\":\"RETIRED\"}", json),
                new Call("GET", system + "/measures", null, json),
                new Call("PUT", system + "/measures/NET-ZONES", "{\"status\":\"IMPLEMENTED\"}", json),
                new Call("GET", system + "/compliance", null, json),
                new Call("DELETE", system, null, json),
                new Call("GET", asset, null, json),
                new Call("PUT", asset, "{\"hostname\":\"owned\",\"kind\":\"SERVER\"}", json),
                new Call(
                        "PUT",
                        asset + "/sbom",
                        "{\"bomFormat\":\"CycloneDX\",\"components\":[]}",
                        "application/vnd.cyclonedx+json"),
                new Call("DELETE", asset, null, json));
    }

    @Test
    void anotherOrganisationFindsNothingListsNothingAndChangesNothing() {
        String before = snapshot();
        for (Call call : everyEndpointAimedAtKhanhHoa()) {
            int status = call.send("bank-admin").statusCode();
            assertEquals(404, status, call.method() + " " + call.path());
        }
        for (String list : List.of(
                "/api/v1/organizations?q=cam%20ranh",
                "/api/v1/systems?q=walk",
                "/api/v1/assets?q=walk-" + run,
                "/api/v1/assets?ip=100.64.1.1",
                "/api/v1/audit?entityId=" + assetId,
                "/api/v1/organizations?ip=100.64.1.1")) {
            String body =
                    as("bank-admin").get(list).then().statusCode(200).extract().asString();
            assertFalse(
                    body.contains(assetId) || body.contains(systemId) || body.contains("UBND-CAMRANH"),
                    list + ": " + body);
        }
        assertEquals(
                400,
                as("bank-admin")
                        .queryParam("organization", "UBND-CAMRANH")
                        .get("/api/v1/assets")
                        .statusCode());
        assertEquals(
                400,
                as("bank-admin").body("""
                        {"organizationCode":"UBND-CAMRANH","hostname":"planted-%s","kind":"SERVER"}""".formatted(run)).post("/api/v1/assets").statusCode());
        assertEquals(
                422,
                as("bank-admin")
                        .contentType("text/csv")
                        .body("organization,hostname,kind\r\nUBND-CAMRANH,planted-%s,server\r\n".formatted(run))
                        .post("/api/v1/assets/imports")
                        .statusCode());
        assertEquals(before, snapshot());
    }

    @Test
    void theAuditorReadsItsSubtreeButWritesNothing() {
        String before = snapshot();
        for (Call call : everyEndpointAimedAtKhanhHoa()) {
            int status = call.send("khanhhoa-auditor").statusCode();
            assertEquals(call.method().equals("GET") ? 200 : 403, status, call.method() + " " + call.path());
        }
        assertEquals(
                403,
                as("khanhhoa-auditor")
                        .contentType("text/csv")
                        .body("organization,hostname,kind\r\nUBND-CAMRANH,planted-%s,server\r\n".formatted(run))
                        .post("/api/v1/assets/imports")
                        .statusCode());
        as("khanhhoa-auditor")
                .queryParam("entityId", assetId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].action", org.hamcrest.Matchers.equalTo("CREATED"));
        assertEquals(
                403,
                as("camranh-operator").get("/api/v1/audit").statusCode(),
                "an operator does not read the audit trail");
        assertEquals(before, snapshot());
    }

    /** What the owner sees of its objects. */
    private String snapshot() {
        return as("camranh-operator")
                        .get("/api/v1/assets/" + assetId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                + as("camranh-operator")
                        .get("/api/v1/systems/" + systemId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                + as("camranh-operator")
                        .get("/api/v1/systems/" + systemId + "/measures")
                        .then()
                        .extract()
                        .asString()
                + as("camranh-operator")
                        .get("/api/v1/organizations/UBND-CAMRANH")
                        .then()
                        .extract()
                        .asString();
    }
}
