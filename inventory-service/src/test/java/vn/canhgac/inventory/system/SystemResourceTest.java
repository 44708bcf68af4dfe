package vn.canhgac.inventory.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.inventory.DemoTree.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.inventory.DemoTree;

/** Information systems, their checklists and compliance, against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class SystemResourceTest {

    private static final String PATH = "/api/v1/systems";
    private final String run = DemoTree.unique();

    @BeforeEach
    void demoTree() {
        DemoTree.ensure();
    }

    private String register(String who, String organization, String name, int level) {
        return as(who).body("""
                        {"organizationCode":"%s","name":"%s","purpose":"Cổng dịch vụ công","securityLevel":%d,
                         "levelApproval":"QĐ 12/QĐ-UBND","status":"OPERATING","internetFacing":true}""".formatted(organization, name, level))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .extract()
                .path("id");
    }

    @Test
    void anOperatorRegistersAndDescribesASystemOfItsOrganisation() {
        String id = register("camranh-operator", "UBND-CAMRANH", "Cổng thông tin điện tử " + run, 3);
        as("camranh-operator")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("organizationCode", equalTo("UBND-CAMRANH"))
                .body("securityLevel", equalTo(3));
        as("khanhhoa-ubnd")
                .queryParam("q", "cong thong tin dien tu " + run.toLowerCase())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("khanhhoa-ubnd")
                .queryParam("securityLevel", 3)
                .queryParam("organization", "UBND-CAMRANH")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("khanhhoa-ubnd")
                .queryParam("securityLevel", 2)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        String changes = """
                {"name":"Cổng thông tin %s","securityLevel":4,"status":"OPERATING","internetFacing":true}""".formatted(run);
        assertProblem(as("camranh-operator").body(changes).put(PATH + "/" + id).then(), 428, "precondition-required");
        as("camranh-operator")
                .header("If-Match", "\"0\"")
                .body(changes)
                .put(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("securityLevel", equalTo(4));
        assertProblem(
                as("camranh-operator")
                        .header("If-Match", "\"0\"")
                        .body(changes)
                        .put(PATH + "/" + id)
                        .then(),
                412,
                "precondition-failed");

        var record = CloudEventsConsumer.find(
                        "test.inventory.systems", id, value -> value.contains("\"version\":1"), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no event of the update for " + id));
        assertTrue(record.value().contains("\"securityLevel\":4"), record.value());
    }

    @Test
    void badSystemsAreRefusedAndNothingIsStored() {
        assertProblem(as("camranh-operator").body("""
                        {"organizationCode":"UBND-CAMRANH","name":"","securityLevel":6,"status":"ON"}""").post(PATH).then(), 400, "invalid-request");
        assertProblem(as("camranh-operator").body("""
                        {"organizationCode":"NHTM-A","name":"Lạc","securityLevel":1,"status":"PLANNED"}""").post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("organizationCode"));
        assertProblem(
                as("khanhhoa-ubnd").queryParam("securityLevel", 9).get(PATH).then(), 400, "invalid-request");
    }

    @Test
    void theChecklistFollowsTheLevelAndComplianceRollsUpTheTree() {
        String id = register("khanhhoa-coordinator", "UBND-CAMRANH", "Hệ thống một cửa " + run, 1);
        as("camranh-operator")
                .get(PATH + "/" + id + "/measures")
                .then()
                .statusCode(200)
                .body("find { it.code == 'NET-FIREWALL' }.required", equalTo(true))
                .body("find { it.code == 'DATA-DR' }.required", equalTo(false))
                .body("find { it.code == 'NET-FIREWALL' }.status", equalTo("MISSING"));

        as("camranh-operator")
                .get(PATH + "/" + id + "/compliance")
                .then()
                .statusCode(200)
                .body("implemented", equalTo(0))
                .body("score", equalTo(0.0f))
                .body("required", greaterThan(5));

        as("camranh-operator")
                .body("{\"status\":\"IMPLEMENTED\",\"evidence\":\"Biên bản kiểm tra 03/2026\"}")
                .put(PATH + "/" + id + "/measures/NET-FIREWALL")
                .then()
                .statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("updatedBy", equalTo("camranh-operator"));
        as("camranh-operator")
                .body("{\"status\":\"PARTIAL\"}")
                .put(PATH + "/" + id + "/measures/HOST-PATCHING")
                .then()
                .statusCode(200);
        assertProblem(
                as("camranh-operator")
                        .body("{\"status\":\"DONE\"}")
                        .put(PATH + "/" + id + "/measures/HOST-PATCHING")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .body("{\"status\":\"IMPLEMENTED\"}")
                        .put(PATH + "/" + id + "/measures/NO-SUCH")
                        .then(),
                404,
                "not-found");

        as("camranh-operator")
                .get(PATH + "/" + id + "/compliance")
                .then()
                .statusCode(200)
                .body("implemented", equalTo(1))
                .body("partial", equalTo(1))
                .body("score", greaterThan(0.0f));
        as("khanhhoa-ubnd")
                .get("/api/v1/organizations/UBND-KH/compliance")
                .then()
                .statusCode(200)
                .body("subtree.systems", greaterThan(0))
                .body("children.find { it.organizationCode == 'STTTT-KH' }.subtree.implemented", greaterThan(0));
        assertProblem(
                as("bank-admin").get("/api/v1/organizations/UBND-KH/compliance").then(), 404, "not-found");
        as("khanhhoa-ubnd")
                .queryParam("entityType", "system-measure")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.entityId", hasItem(id + "/NET-FIREWALL"));
    }

    @Test
    void theCatalogueListsWhatALevelRequires() {
        as("camranh-operator")
                .queryParam("securityLevel", 1)
                .get("/api/v1/protection-measures")
                .then()
                .statusCode(200)
                .body("code", hasItem("NET-FIREWALL"))
                .body("code", not(hasItem("DATA-DR")));
        assertProblem(
                as("camranh-operator")
                        .queryParam("securityLevel", 0)
                        .get("/api/v1/protection-measures")
                        .then(),
                400,
                "invalid-request");
    }

    @Test
    void aSystemIsDeletedWithItsChecklistAndTheDeletionAnnounced() {
        String id = register("khanhhoa-coordinator", "STTTT-KH", "Tạm thời " + run, 2);
        as("khanhhoa-coordinator")
                .body("{\"status\":\"IMPLEMENTED\"}")
                .put(PATH + "/" + id + "/measures/NET-ZONES")
                .then()
                .statusCode(200);
        assertProblem(as("bank-admin").delete(PATH + "/" + id).then(), 404, "not-found");
        assertProblem(as("khanhhoa-coordinator").delete(PATH + "/" + id).then(), 428, "precondition-required");
        as("khanhhoa-coordinator")
                .header("If-Match", "*")
                .delete(PATH + "/" + id)
                .then()
                .statusCode(204);
        assertProblem(as("khanhhoa-coordinator").get(PATH + "/" + id).then(), 404, "not-found");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CloudEventsConsumer.find("test.inventory.systems", id, Duration.ofSeconds(5))
                        .map(r -> "canhgac.system.deleted.v1".equals(CloudEventsConsumer.header(r, "ce_type")))
                        .orElse(false));
        as("authority")
                .queryParam("entityType", "system")
                .queryParam("entityId", id)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("DELETED"))
                .body("items[0].before.name", notNullValue());
    }
}
