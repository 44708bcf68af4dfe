package vn.canhgac.advisory.directive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;

/** 6410/BTTTT-CATTT issued to the province, forwarded as 839/UBND-KGVX to its department, reported on, compiled. */
@QuarkusTest
class DirectiveTest {

    private static InventoryFeed inventory;
    private static final String RUN = InventoryFeed.unique("R");
    private static final String SENTINEL = InventoryFeed.unique("SENTINEL");

    @Inject
    Pool pool;

    @BeforeAll
    static void tree() {
        inventory = new InventoryFeed();
        inventory.organization("BTTTT", "/BTTTT/", 0, List.of(), "MINISTRY");
        inventory.organization("CATTT", "/BTTTT/CATTT/", 0, List.of(), "AUTHORITY");
        inventory.organization("UBND-KH", "/UBND-KH/", 0, List.of(), "PROVINCE");
        inventory.organization("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, List.of(), "DEPARTMENT");
        inventory.organization("NHTM-A", "/NHTM-A/", 0, List.of(), "BANK");
        inventory.organization(SENTINEL, "/" + SENTINEL + "/", 0, List.of());
    }

    /** RestAssured knows the test port only from here on: the replica is awaited before each test, not in @BeforeAll. */
    @BeforeEach
    void replicated() {
        InventoryFeed.awaitOrganization(SENTINEL);
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    private static String issue6410(String run) {
        String body = """
                {"reference":"6410/BTTTT-CATTT-%s","subject":"Tăng cường bảo đảm an toàn thông tin dịp Tết",
                 "issuedOn":"2023-12-25","reportDueOn":"2024-01-15","recipients":["UBND-KH"],
                 "items":[{"code":"1a","text":"Rà soát hệ thống thông tin theo cấp độ"},
                          {"code":"1b","text":"Giám sát 24/7"},{"code":"1c","text":"Khắc phục lỗ hổng đã cảnh báo"},
                          {"code":"1d","text":"Xử lý địa chỉ IP trong danh sách botnet"}],
                 "alertWindows":[{"name":"Tết Dương lịch 2024","startsOn":"2023-12-30","endsOn":"2024-01-01"},
                                 {"name":"Tết Nguyên đán Giáp Thìn","startsOn":"2024-02-08","endsOn":"2024-02-14"}],
                 "attachments":["Phụ lục: danh sách lỗ hổng Microsoft tháng 5–11/2023"]}""".formatted(run);
        return as("authority")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/directives")
                .then()
                .statusCode(201)
                .body("recipients", equalTo(1))
                .body("items.code", equalTo(List.of("1a", "1b", "1c", "1d")))
                .extract()
                .path("id");
    }

    @Test
    void aDirectiveGoesDownTheChainAndTheAnswersComeBackUp() {
        String d6410 = issue6410(RUN);
        as("khanhhoa-ubnd").get("/api/v1/directives/" + d6410).then().statusCode(200);
        assertProblem(as("bank-admin").get("/api/v1/directives/" + d6410).then(), 404, "not-found");
        assertProblem(
                as("bank-admin")
                        .post("/api/v1/directives/" + d6410 + "/acknowledgement")
                        .then(),
                404,
                "not-found");

        String d839 = as("khanhhoa-ubnd")
                .contentType(ContentType.JSON)
                .body("""
                        {"reference":"839/UBND-KGVX-%s","subject":"Triển khai văn bản 6410/BTTTT-CATTT",
                         "reportDueOn":"2024-01-10","recipients":["STTTT-KH"]}""".formatted(RUN))
                .post("/api/v1/directives/" + d6410 + "/forwards")
                .then()
                .statusCode(201)
                .body("parentReference", equalTo("6410/BTTTT-CATTT-" + RUN))
                .body("issuerCode", equalTo("UBND-KH"))
                .body("items.code", equalTo(List.of("1a", "1b", "1c", "1d")))
                .body("alertWindows.name", hasItem("Tết Nguyên đán Giáp Thìn"))
                .extract()
                .path("id");
        assertProblem(
                as("khanhhoa-ubnd")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"reference":"839b-%s","subject":"x","recipients":["NHTM-A"]}""".formatted(RUN))
                        .post("/api/v1/directives/" + d6410 + "/forwards")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"reference":"x-%s","subject":"x","recipients":["STTTT-KH"]}""".formatted(RUN))
                        .post("/api/v1/directives/" + d6410 + "/forwards")
                        .then(),
                404,
                "not-found");

        as("khanhhoa-coordinator")
                .post("/api/v1/directives/" + d839 + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("acknowledged", equalTo(1));
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body("{\"items\":[{\"code\":\"9z\",\"status\":\"DONE\"}]}")
                        .put("/api/v1/directives/" + d839 + "/report")
                        .then(),
                400,
                "invalid-request");
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("""
                        {"items":[{"code":"1a","status":"DONE","text":"Đã rà soát 12 hệ thống"},
                                  {"code":"1b","status":"IN_PROGRESS","text":"Trực 24/7 từ 30/12, điện thoại 0258..."},
                                  {"code":"1d","status":"DONE"}],
                         "text":"Sở TT&TT báo cáo, ví dụ có dấu phẩy, và \\"ngoặc kép\\""}""")
                .put("/api/v1/directives/" + d839 + "/report")
                .then()
                .statusCode(200)
                .body("reported", equalTo(1));

        as("khanhhoa-ubnd")
                .get("/api/v1/directives/" + d839 + "/recipients")
                .then()
                .statusCode(200)
                .body("[0].organizationCode", equalTo("STTTT-KH"))
                .body("[0].items.find { it.code == '1b' }.status", equalTo("IN_PROGRESS"))
                .body("[0].late", equalTo(false));
        as("authority")
                .get("/api/v1/directives/" + d6410 + "/recipients")
                .then()
                .statusCode(200)
                .body("[0].organizationCode", equalTo("UBND-KH"))
                .body("[0].late", equalTo(true))
                .body("[0].forwardedAs", equalTo("839/UBND-KGVX-" + RUN))
                .body("[0].forwardedReported", equalTo(1))
                .body("[0].forwardedRecipients", equalTo(1));
        as("khanhhoa-ubnd")
                .accept("text/csv")
                .get("/api/v1/directives/" + d839 + "/recipients")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("item 1a"))
                .body(containsString("STTTT-KH"))
                .body(containsString("\"Sở TT&TT báo cáo, ví dụ có dấu phẩy, và \"\"ngoặc kép\"\"\""));
        as("khanhhoa-coordinator")
                .get("/api/v1/directives")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("839/UBND-KGVX-" + RUN))
                .body("items.reference", not(hasItem("6410/BTTTT-CATTT-" + RUN)));
    }

    /**
     * The inbox holds what was addressed to the caller's organisation, the sent box what it issued: the Authority,
     * which sees every directive, received none of a province's; what waits for an answer leaves once answered.
     */
    @Test
    void eachBoxHoldsWhatItSays() {
        String reference = "77/CATTT-" + RUN;
        String directive = as("authority")
                .contentType(ContentType.JSON)
                .body("""
                        {"reference":"%s","subject":"Rà soát máy chủ thư","issuedOn":"2024-03-01",
                         "reportDueOn":"2024-03-15","recipients":["NHTM-A"]}""".formatted(reference))
                .post("/api/v1/directives")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(box("bank-admin", "RECEIVED"), hasItem(reference));
        assertThat(box("bank-admin", "AWAITING"), hasItem(reference));
        assertThat(box("bank-admin", "SENT"), not(hasItem(reference)));
        assertThat(box("authority", "SENT"), hasItem(reference));
        assertThat(box("authority", "RECEIVED"), not(hasItem(reference)));

        as("bank-admin")
                .post("/api/v1/directives/" + directive + "/acknowledgement")
                .then()
                .statusCode(200);
        assertThat("acknowledged, a report is still due", box("bank-admin", "AWAITING"), hasItem(reference));
        // Without action items, a report is its text; it could not be sent at all (it needed an item).
        assertProblem(
                        as("bank-admin")
                                .contentType(ContentType.JSON)
                                .body("{\"items\":[]}")
                                .put("/api/v1/directives/" + directive + "/report")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("text"));
        as("bank-admin")
                .contentType(ContentType.JSON)
                .body("{\"text\":\"Đã rà soát 3 máy chủ thư\"}")
                .put("/api/v1/directives/" + directive + "/report")
                .then()
                .statusCode(200);
        assertThat(box("bank-admin", "AWAITING"), not(hasItem(reference)));
        assertThat(box("bank-admin", "RECEIVED"), hasItem(reference));
        assertProblem(
                as("bank-admin")
                        .queryParam("box", "INBOX")
                        .get("/api/v1/directives")
                        .then(),
                400,
                "invalid-request");
    }

    /**
     * The trail: a directive's issue is in its issuer's scope, its acknowledgement and report in the recipient's,
     * nothing in another's.
     */
    @Test
    void theTrailSaysWhoIssuedAndWhoReported() {
        String directive = as("authority")
                .contentType(ContentType.JSON)
                .body("""
                        {"reference":"78/CATTT-%s","subject":"Báo cáo rà soát","issuedOn":"2024-03-01",
                         "reportDueOn":"2024-03-15","recipients":["NHTM-A"]}""".formatted(RUN))
                .post("/api/v1/directives")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int twice = 0; twice < 2; twice++) {
            as("bank-admin")
                    .post("/api/v1/directives/" + directive + "/acknowledgement")
                    .then()
                    .statusCode(200);
        }
        as("bank-admin")
                .contentType(ContentType.JSON)
                .body("{\"text\":\"Đã rà soát\"}")
                .put("/api/v1/directives/" + directive + "/report")
                .then()
                .statusCode(200);
        String report = directive + "/NHTM-A";

        // Acknowledged once (the second changed nothing), then reported.
        trail("bank-admin", report)
                .body("items.action", equalTo(List.of("UPDATED", "CREATED")))
                .body("items.entityType", equalTo(List.of("directive-report", "directive-acknowledgement")))
                .body("items[0].after.text", equalTo("Đã rà soát"));
        trail("bank-admin", directive).body("items", empty());
        trail("authority", directive)
                .body("items.action", equalTo(List.of("CREATED")))
                .body("items[0].actor", equalTo("authority"));
        trail("authority", report).body("items.actor", equalTo(List.of("bank-admin", "bank-admin")));
        trail("khanhhoa-auditor", report).body("items", empty());
        as("camranh-operator").get("/api/v1/audit/advisory").then().statusCode(403);
    }

    private static ValidatableResponse trail(String person, String entityId) {
        return as(person)
                .queryParam("entityId", entityId)
                .get("/api/v1/audit/advisory")
                .then()
                .statusCode(200);
    }

    private static List<String> box(String person, String box) {
        return as(person)
                .queryParam("box", box)
                .queryParam("limit", 500)
                .get("/api/v1/directives")
                .then()
                .statusCode(200)
                .extract()
                .path("items.reference");
    }

    @Test
    void badDirectivesAreRefusedAndAlertWindowsTightenDueDates() {
        issue6410(RUN + "-B");
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"reference":"6410/BTTTT-CATTT-%s-B","subject":"again","recipients":["UBND-KH"]}""".formatted(RUN))
                        .post("/api/v1/directives")
                        .then(),
                409,
                "directive-exists");
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"reference":"E-%s","subject":"x","recipients":["NO-SUCH-ORG"],
                         "alertWindows":[{"name":"w","startsOn":"2024-02-14","endsOn":"2024-02-08"}]}""".formatted(RUN))
                        .post("/api/v1/directives")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .contentType(ContentType.JSON)
                        .body("""
                        {"reference":"F-%s","subject":"x","recipients":["UBND-KH"]}""".formatted(RUN))
                        .post("/api/v1/directives")
                        .then(),
                403,
                "forbidden");
        // A high exposure found on the second day of Tết Nguyên đán is due in 3 days, not 7.
        LocalDate due = pool.preparedQuery("select exposure_due('HIGH', null, $1) as due")
                .execute(Tuple.of(LocalDate.parse("2024-02-09")))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLocalDate("due");
        assertEquals(LocalDate.parse("2024-02-12"), due);
        LocalDate ordinary = pool.preparedQuery("select exposure_due('HIGH', null, $1) as due")
                .execute(Tuple.of(LocalDate.parse("2024-03-09")))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLocalDate("due");
        assertEquals(LocalDate.parse("2024-03-16"), ordinary);
    }
}
