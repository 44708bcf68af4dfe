package vn.canhgac.incident.duty;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.time.Vietnam;
import vn.canhgac.incident.alertwindow.DirectiveFeed;

/** Rosters through the API: coverage of Tết across a month's end, on duty now with the parent's fall-back. */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class DutyResourceTest {

    @BeforeEach
    void replicated() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/duty/organizations/UBND-CAMRANH")
                        .then()
                        .statusCode(200));
    }

    private static void shift(String who, String org, String person, String from, String to) {
        as(who).contentType(ContentType.JSON)
                .body("""
                        {"organization":"%s","person":"%s","role":"Trực ATTT","phone":"0258 3822 111","from":"%s","to":"%s"}""".formatted(org, person, from, to))
                .post("/api/v1/duty/shifts")
                .then()
                .statusCode(201)
                .body("timeZone", equalTo("Asia/Ho_Chi_Minh"));
    }

    /** A directive and its forward both declare the window; coverage is checked against it by name. */
    @Test
    void coverageIsCheckedOverAnAlertWindowByItsName() {
        String window = "Tết Nhâm Tý 2032 " + RunIds.next(6);
        DirectiveFeed.declare(window, LocalDate.parse("2032-02-09"), LocalDate.parse("2032-02-11"));
        DirectiveFeed.declare(window, LocalDate.parse("2032-02-10"), LocalDate.parse("2032-02-12"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("camranh-operator")
                        .get("/api/v1/duty/alert-windows")
                        .then()
                        .statusCode(200)
                        .body("find { it.name == '%s' }.declaredBy".formatted(window), equalTo(2)));
        as("camranh-operator")
                .get("/api/v1/duty/alert-windows")
                .then()
                .body("find { it.name == '%s' }.startsOn".formatted(window), equalTo("2032-02-09"))
                .body("find { it.name == '%s' }.endsOn".formatted(window), equalTo("2032-02-12"));
        shift("khanhhoa-coordinator", "UBND-CAMRANH", "Phạm Văn C", "2032-02-09T00:00:00", "2032-02-12T00:00:00");
        as("camranh-operator")
                .queryParam("organization", "UBND-CAMRANH")
                .queryParam("window", window)
                .get("/api/v1/duty/coverage")
                .then()
                .statusCode(200)
                .body("[0].gaps.from", equalTo(List.of("2032-02-12T00:00:00")))
                .body("[0].gaps.to", equalTo(List.of("2032-02-13T00:00:00")))
                .body("[0].coveredPercent", equalTo(75.0f));
        assertProblem(
                        as("camranh-operator")
                                .queryParam("organization", "UBND-CAMRANH")
                                .queryParam("window", "Tết chưa công bố")
                                .get("/api/v1/duty/coverage")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("window"));
        assertProblem(
                        as("camranh-operator")
                                .queryParam("organization", "UBND-CAMRANH")
                                .queryParam("from", "2032-02-09T00:00:00")
                                .get("/api/v1/duty/coverage")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void coverageAcrossAMonthsEndListsEveryGapAndTheCoordinatorSeesItsSubtree() {
        shift("khanhhoa-coordinator", "UBND-CAMRANH", "Lê Văn A", "2031-01-31T20:00:00", "2031-02-01T08:00:00");
        shift("khanhhoa-coordinator", "UBND-CAMRANH", "Trần Thị B", "2031-02-01T08:00:00", "2031-02-01T20:00:00");
        as("camranh-operator")
                .queryParam("organization", "UBND-CAMRANH")
                .queryParam("from", "2031-01-31T08:00:00")
                .queryParam("to", "2031-02-02T08:00:00")
                .get("/api/v1/duty/coverage")
                .then()
                .statusCode(200)
                .body("[0].gaps.from", equalTo(List.of("2031-01-31T08:00:00", "2031-02-01T20:00:00")))
                .body("[0].gaps.to", equalTo(List.of("2031-01-31T20:00:00", "2031-02-02T08:00:00")))
                .body("[0].coveredPercent", equalTo(50.0f));
        as("khanhhoa-coordinator")
                .queryParam("organization", "STTTT-KH")
                .queryParam("subtree", true)
                .queryParam("from", "2031-01-31T08:00:00")
                .queryParam("to", "2031-02-02T08:00:00")
                .get("/api/v1/duty/coverage")
                .then()
                .statusCode(200)
                .body("[0].organization", equalTo("STTTT-KH"))
                .body("[0].coveredPercent", equalTo(0.0f))
                .body("find { it.organization == 'UBND-CAMRANH' }.coveredPercent", equalTo(50.0f));
        assertProblem(
                as("bank-admin")
                        .queryParam("organization", "UBND-CAMRANH")
                        .queryParam("from", "2031-01-31T08:00:00")
                        .queryParam("to", "2031-02-02T08:00:00")
                        .get("/api/v1/duty/coverage")
                        .then(),
                404,
                "not-found");
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"organization":"UBND-CAMRANH","person":"X","phone":"0258 3822 111",
                         "from":"2031-02-01T08:00:00","to":"2031-02-01T07:00:00"}""")
                        .post("/api/v1/duty/shifts")
                        .then(),
                400,
                "invalid-request");
    }

    @Test
    void withNoOneOnDutyTheParentsDutyOfficerAnswers() {
        LocalDateTime now = LocalDateTime.now(Vietnam.ZONE).truncatedTo(ChronoUnit.MINUTES);
        shift(
                "khanhhoa-coordinator",
                "STTTT-KH",
                "Phạm Văn Trực",
                now.minusHours(1).toString(),
                now.plusHours(11).toString());
        as("camranh-operator")
                .queryParam("organization", "UBND-CAMRANH")
                .get("/api/v1/duty/now")
                .then()
                .statusCode(200)
                .body("onDutyFor", equalTo("STTTT-KH"))
                .body("fallback", equalTo(true))
                .body("shifts.person", hasItem("Phạm Văn Trực"));
    }

    /** Who put whom on the roster, and who took them off: in the province's trail, not in another tenant's. */
    @Test
    void addingAndRemovingAShiftIsInTheAuditTrail() {
        String person = "Nhật Ký " + RunIds.next(6);
        String id = as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("""
                        {"organization":"UBND-CAMRANH","person":"%s","phone":"0258 3822 111",
                         "from":"2034-02-01T08:00:00","to":"2034-02-01T20:00:00"}""".formatted(person))
                .post("/api/v1/duty/shifts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("khanhhoa-coordinator").delete("/api/v1/duty/shifts/" + id).then().statusCode(204);

        as("khanhhoa-auditor")
                .queryParam("entityType", "duty-shift")
                .queryParam("entityId", id)
                .get("/api/v1/audit/incident")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("DELETED", "CREATED")))
                .body("items.actor", equalTo(List.of("khanhhoa-coordinator", "khanhhoa-coordinator")))
                .body("items[1].after.person", equalTo(person))
                .body("items[0].before.person", equalTo(person))
                .body("items[0].before.deleted", equalTo(false))
                .body("items[0].after", nullValue());
        as("bank-admin")
                .queryParam("entityId", id)
                .get("/api/v1/audit/incident")
                .then()
                .statusCode(200)
                .body("items", empty());
        as("camranh-operator").get("/api/v1/audit/incident").then().statusCode(403);
    }
}
