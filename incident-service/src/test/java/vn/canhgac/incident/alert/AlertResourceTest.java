package vn.canhgac.incident.alert;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;

/** Alerts pushed by feeds, merged on repeat, promoted to an incident or attached to one, in scope only. */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class AlertResourceTest {

    private final String run = RunIds.next(8);

    @BeforeEach
    void replicated() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/duty/organizations/UBND-CAMRANH")
                        .then()
                        .statusCode(200));
    }

    private String alert(String ref, String ip) {
        return """
                {"source":"NCSC-SOC","sourceReference":"%s","organization":"UBND-CAMRANH","type":"malware-beacon",
                 "title":"Máy trạm kết nối tới C2 %s","observedAt":"2024-02-10T01:55:00+07:00",
                 "observables":[{"type":"IP","value":"%s"}],"raw":{"rule":"ET MALWARE","hits":3}}""".formatted(ref, run, ip);
    }

    @Test
    void aRepeatedAlertIsMergedThenPromotedOnceAndAnotherAttached() {
        String id = as("national-feed")
                .contentType(ContentType.JSON)
                .body(alert("A-" + run, "203.0.113.77"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(false))
                .body("occurrences", equalTo(1))
                .extract()
                .path("id");
        as("national-feed")
                .contentType(ContentType.JSON)
                .body(alert("A-" + run, "203.0.113.77"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("duplicate", equalTo(true))
                .body("occurrences", equalTo(2));
        as("national-feed")
                .contentType(ContentType.JSON)
                .body("[" + alert("B-" + run, "203.0.113.78") + "," + alert("B-" + run, "203.0.113.78") + ","
                        + alert("A-" + run, "203.0.113.77") + "]")
                .post("/api/v1/alerts/bulk")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("find { it.sourceReference == 'B-" + run + "' }.occurrences", equalTo(2))
                .body("find { it.sourceReference == 'A-" + run + "' }.occurrences", equalTo(3));

        as("camranh-operator")
                .queryParam("status", "NEW")
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("bank-admin").get("/api/v1/alerts").then().statusCode(200).body("items.id", not(hasItem(id)));
        assertProblem(
                as("bank-admin")
                        .contentType(ContentType.JSON)
                        .body("{\"category\":\"MALWARE\",\"severity\":\"HIGH\"}")
                        .post("/api/v1/alerts/" + id + "/promotion")
                        .then(),
                404,
                "not-found");

        String incident = as("camranh-operator")
                .contentType(ContentType.JSON)
                .body("{\"category\":\"MALWARE\",\"severity\":\"HIGH\"}")
                .post("/api/v1/alerts/" + id + "/promotion")
                .then()
                .statusCode(200)
                .body("reportingOrganization", equalTo("UBND-CAMRANH"))
                .body("observables.value", equalTo(List.of("203.0.113.77")))
                .extract()
                .path("id");
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body("{\"category\":\"MALWARE\",\"severity\":\"HIGH\"}")
                        .post("/api/v1/alerts/" + id + "/promotion")
                        .then(),
                409,
                "alert-handled");

        String other = as("camranh-operator")
                .queryParam("status", "NEW")
                .get("/api/v1/alerts")
                .then()
                .extract()
                .path("items.find { it.sourceReference == 'B-" + run + "' }.id");
        as("camranh-operator")
                .post("/api/v1/alerts/" + other + "/attachment/" + incident)
                .then()
                .statusCode(200)
                .body("observables.value", hasItems("203.0.113.77", "203.0.113.78"));
    }

    @Test
    void alertsOutsideTheCallersScopeOrWithBadObservablesAreRefused() {
        assertProblem(
                as("agency-system")
                        .contentType(ContentType.JSON)
                        .body(alert("C-" + run, "203.0.113.79").replace("UBND-CAMRANH", "NHTM-A"))
                        .post("/api/v1/alerts")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("national-feed")
                        .contentType(ContentType.JSON)
                        .body(alert("D-" + run, "not-an-ip"))
                        .post("/api/v1/alerts")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body(alert("E-" + run, "203.0.113.80"))
                        .post("/api/v1/alerts")
                        .then(),
                403,
                "forbidden");
        assertProblem(
                        as("national-feed")
                                .contentType(ContentType.JSON)
                                .body(alert("G-" + run, "203.0.113.83")
                                        .replace("2024-02-10T01:55:00+07:00", "+99999-02-10T01:55:00Z"))
                                .post("/api/v1/alerts")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("observedAt"));
        assertProblem(
                as("national-feed")
                        .contentType(ContentType.JSON)
                        .body(alert("H-" + run, "203.0.113.84")
                                .replace("\"ET MALWARE\"", "\"" + "x".repeat(1_100_000) + "\""))
                        .post("/api/v1/alerts")
                        .then(),
                413,
                "body-too-large");
        as("authority")
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .body("items.sourceReference", not(hasItem("C-" + run)))
                .body("items.sourceReference", not(hasItem("D-" + run)))
                .body("items.sourceReference", not(hasItem("G-" + run)))
                .body("items.sourceReference", not(hasItem("H-" + run)));
    }

    @Test
    void anotherOrganisationsSourceAndReferenceMakeANewAlertAndLeaveTheFirstUntouched() {
        String bank = alert("F-" + run, "203.0.113.81")
                .replace("UBND-CAMRANH", "NHTM-A")
                .replace("ET MALWARE", "BANK SECRET RULE");
        String bankAlert = as("national-feed")
                .contentType(ContentType.JSON)
                .body(bank)
                .post("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        String camRanh = alert("F-" + run, "203.0.113.82");
        as("agency-system")
                .contentType(ContentType.JSON)
                .body(camRanh)
                .post("/api/v1/alerts")
                .then()
                .statusCode(200)
                .body("id", not(equalTo(bankAlert)))
                .body("organization", equalTo("UBND-CAMRANH"))
                .body("occurrences", equalTo(1))
                .body("duplicate", equalTo(false))
                .body("observables.value", equalTo(List.of("203.0.113.82")));
        as("agency-system")
                .contentType(ContentType.JSON)
                .body("[" + camRanh + "]")
                .post("/api/v1/alerts/bulk")
                .then()
                .statusCode(200)
                .body("[0].id", not(equalTo(bankAlert)))
                .body("[0].organization", equalTo("UBND-CAMRANH"));

        as("bank-admin")
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + bankAlert + "' }.occurrences", equalTo(1))
                .body("items.find { it.id == '" + bankAlert + "' }.observables[0].value", equalTo("203.0.113.81"));
    }
}
