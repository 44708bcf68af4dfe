package vn.canhgac.inventory.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.Api;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Tokens;
import vn.canhgac.inventory.DemoTree;

/** The organisations API against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class OrganizationResourceTest {

    private static final String PATH = "/api/v1/organizations";
    private final String run = RunIds.next(6).toUpperCase();

    @BeforeEach
    void demoTree() {
        DemoTree.ensure();
    }

    private static RequestSpecification as(String who) {
        return Api.as(who).contentType(ContentType.JSON);
    }

    @Test
    void aCoordinatorRegistersAnOrganisationInItsSubtree() {
        String code = "TTCNTT-" + run;
        as("khanhhoa-coordinator")
                .body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Trung tâm Công nghệ thông tin Khánh Hòa",
                         "nameEn":"Khánh Hòa IT Centre","parentCode":"STTTT-KH"}""".formatted(code))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Location", endsWith(PATH + "/" + code))
                .header("ETag", notNullValue())
                .body("code", equalTo(code))
                .body("parentCode", equalTo("STTTT-KH"))
                .body("createdBy", equalTo("khanhhoa-coordinator"));

        as("khanhhoa-coordinator").get(PATH + "/" + code).then().statusCode(200).header("ETag", equalTo("\"0\""));
        as("khanhhoa-ubnd").get(PATH + "/" + code).then().statusCode(200);
        as("authority").get(PATH + "/" + code).then().statusCode(200);
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndIsAnnouncedWithTheNextVersion() {
        String code = "UPD-" + run;
        as("khanhhoa-coordinator")
                .body("""
                {"code":"%s","kind":"AGENCY","nameVi":"Tên cũ","parentCode":"STTTT-KH"}""".formatted(code))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""));
        String changes = "{\"kind\":\"AGENCY\",\"nameVi\":\"Tên mới\",\"nameEn\":\"New name\"}";

        assertProblem(
                as("khanhhoa-coordinator").body(changes).put(PATH + "/" + code).then(), 428, "precondition-required");
        as("khanhhoa-coordinator")
                .header("If-Match", "\"0\"")
                .body(changes)
                .put(PATH + "/" + code)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("nameVi", equalTo("Tên mới"))
                .body("updatedBy", equalTo("khanhhoa-coordinator"));
        assertProblem(
                as("khanhhoa-coordinator")
                        .header("If-Match", "\"0\"")
                        .body(changes.replace("mới", "khác"))
                        .put(PATH + "/" + code)
                        .then(),
                412,
                "precondition-failed");
        as("authority").get(PATH + "/" + code).then().body("nameVi", equalTo("Tên mới"));

        assertProblem(
                as("bank-admin")
                        .header("If-Match", "\"1\"")
                        .body(changes)
                        .put(PATH + "/" + code)
                        .then(),
                404,
                "not-found");
        assertProblem(
                as("camranh-operator")
                        .header("If-Match", "\"1\"")
                        .body(changes)
                        .put(PATH + "/" + code)
                        .then(),
                403,
                "forbidden");
        assertProblem(
                as("khanhhoa-coordinator")
                        .header("If-Match", "\"1\"")
                        .body("{\"kind\":\"AGENCY\",\"nameVi\":\"\"}")
                        .put(PATH + "/" + code)
                        .then(),
                400,
                "invalid-request");
        as("authority").get(PATH + "/" + code).then().header("ETag", equalTo("\"1\""));

        var record = CloudEventsConsumer.find(
                        "test.inventory.organizations",
                        code,
                        value -> value.contains("\"version\":1"),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no event of the update for " + code));
        assertTrue(record.value().contains("Tên mới"), record.value());
    }

    @Test
    void theCreationIsAnnouncedAsACloudEventKeyedByCode() {
        String code = "EVT-" + run;
        as("khanhhoa-coordinator").body("""
                {"code":"%s","kind":"AGENCY","nameVi":"Đơn vị sự kiện","parentCode":"STTTT-KH"}""".formatted(code)).post(PATH).then().statusCode(201);

        var record = CloudEventsConsumer.find("test.inventory.organizations", code, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no event for " + code));
        assertEquals("canhgac.organization.upserted.v1", CloudEventsConsumer.header(record, "ce_type"));
        assertEquals("1.0", CloudEventsConsumer.header(record, "ce_specversion"));
        assertEquals("/canhgac/inventory-service", CloudEventsConsumer.header(record, "ce_source"));
        assertEquals(code, CloudEventsConsumer.header(record, "ce_subject"));
        assertTrue(record.value().contains("\"path\":\"/UBND-KH/STTTT-KH/" + code + "/\""), record.value());
    }

    @Test
    void searchIgnoresDiacriticsAndStaysInScope() {
        as("khanhhoa-coordinator")
                .queryParam("q", "khanh hoa")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.code", hasItems("STTTT-KH"))
                .body("items.code", not(hasItem("NHTM-A")));
        as("khanhhoa-coordinator")
                .queryParam("q", "KHÁNH HÒA")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.code", hasItem("STTTT-KH"));
        as("bank-admin").get(PATH).then().statusCode(200).body("items.code", equalTo(java.util.List.of("NHTM-A")));
    }

    @Test
    void listsArePagedWithACursor() {
        var first = as("authority")
                .queryParam("limit", 2)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .extract()
                .jsonPath();
        String next = first.getString("next");
        as("authority")
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem(first.getString("items[0].code"))));
    }

    @Test
    void anotherTenantsOrganisationIsNotFoundRatherThanForbidden() {
        assertProblem(as("bank-admin").get(PATH + "/UBND-CAMRANH").then(), 404, "not-found");
        assertProblem(as("camranh-operator").get(PATH + "/NHTM-A").then(), 404, "not-found");
        assertProblem(as("camranh-operator").get(PATH + "/STTTT-KH").then(), 404, "not-found");
        assertProblem(as("khanhhoa-coordinator").get(PATH + "/NO-SUCH-" + run).then(), 404, "not-found");
    }

    @Test
    void aCoordinatorCannotCreateUnderAnotherTenantNorAtTheTop() {
        String code = "FOREIGN-" + run;
        assertProblem(
                        as("khanhhoa-coordinator")
                                .body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Chi nhánh","parentCode":"NHTM-A"}""".formatted(code))
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("parentCode"));
        assertProblem(
                        as("khanhhoa-coordinator")
                                .body("""
                        {"code":"%s","kind":"PROVINCE","nameVi":"Tỉnh mới"}""".formatted(code))
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("parentCode"));
        assertProblem(as("authority").get(PATH + "/" + code).then(), 404, "not-found");
    }

    @Test
    void rolesThatMayNotRegisterOrganisationsGet403() {
        String code = "OPERATOR-" + run;
        assertProblem(
                as("camranh-operator").body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Phòng","parentCode":"UBND-CAMRANH"}""".formatted(code)).post(PATH).then(), 403, "forbidden");
        assertProblem(as("agency-system").body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Phòng","parentCode":"UBND-CAMRANH"}""".formatted(code)).post(PATH).then(), 403, "forbidden");
        assertProblem(as("authority").get(PATH + "/" + code).then(), 404, "not-found");
    }

    @Test
    void invalidFieldsAreListedInTheCallersLanguageAndNothingIsStored() {
        assertProblem(
                        as("authority")
                                .header("Accept-Language", "vi")
                                .body("""
                        {"code":"bad code!","kind":"AGENCY","nameVi":"  ","parentCode":"STTTT-KH"}""")
                                .post(PATH)
                                .then(),
                        400,
                        "invalid-request")
                .header("Content-Language", "vi")
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("errors.field", hasItems("code", "nameVi"))
                .body("errors.message", hasItem("không được để trống"));
        assertProblem(as("authority").body("""
                        {"code":"OK-%s","kind":"CASTLE","nameVi":"Lâu đài","parentCode":"STTTT-KH"}""".formatted(run)).post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("kind"));
        assertProblem(as("authority").body("""
                        {"code":"OK-%s","kind":"AGENCY","nameVi":"Thừa","parentCode":"STTTT-KH","colour":"red"}""".formatted(run)).post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("colour"));
        assertProblem(as("authority").get(PATH + "/OK-" + run).then(), 404, "not-found");
    }

    @Test
    void malformedJsonIsA400AndNothingIsStored() {
        String code = "BROKEN-" + run;
        assertProblem(
                as("authority")
                        .body("{\"code\":\"" + code + "\",\"kind\":")
                        .post(PATH)
                        .then(),
                400,
                "malformed-json");
        assertProblem(as("authority").body("").post(PATH).then(), 400, "invalid-request");
        assertProblem(as("authority").get(PATH + "/" + code).then(), 404, "not-found");
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        assertProblem(as("authority").body("""
                        {"code":"STTTT-KH","kind":"DEPARTMENT","nameVi":"Bản sao","parentCode":"UBND-KH"}""").post(PATH).then(), 409, "organization-exists")
                .body("detail", containsString("STTTT-KH"));
    }

    @Test
    void aCodeTakenOutsideTheCallersScopeIsNotSaidToBeAnOrganisation() {
        assertProblem(as("khanhhoa-coordinator").body("""
                        {"code":"NHTM-A","kind":"AGENCY","nameVi":"Dò mã","parentCode":"STTTT-KH"}""").post(PATH).then(), 409, "code-unavailable")
                .body("title", not(containsString("exists")));
    }

    @Test
    void textWithANulCharacterOrALoneSurrogateIsRefusedNamingTheField() {
        String code = "NUL-" + run;
        assertProblem(as("authority").body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Sở\\u0000X","parentCode":"STTTT-KH"}""".formatted(code)).post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("nameVi"));
        assertProblem(as("authority").body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Sở \\ud800","parentCode":"STTTT-KH"}""".formatted(code)).post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("nameVi"));
        assertProblem(as("authority").queryParam("q", "kh" + (char) 0).get(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("q"));
        assertProblem(as("authority").get(PATH + "/" + code).then(), 404, "not-found");
    }

    @Test
    void aMalformedLanguagePreferenceFallsBackToEnglish() {
        for (String language : List.of("en;q=2", "vi;q=", "*;q=abc", "vi-" + "x".repeat(300))) {
            assertProblem(
                            as("authority")
                                    .header("Accept-Language", language)
                                    .get(PATH + "/NO-SUCH-" + run)
                                    .then(),
                            404,
                            "not-found")
                    .header("Content-Language", "en");
        }
    }

    @Test
    void aWrongTypeOfQueryParameterOrATamperedCursorIsA400() {
        assertProblem(as("authority").get("/api/v1/systems?securityLevel=abc").then(), 400, "invalid-request");
        assertProblem(as("authority").get("/api/v1/assets?limit=abc").then(), 400, "invalid-request");
        String tampered = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("2024-01-01T00:00Z" + (char) 0 + "not-a-uuid").getBytes());
        assertProblem(
                as("authority")
                        .queryParam("after", tampered)
                        .queryParam("sort", "-lastSeen")
                        .get("/api/v1/assets")
                        .then(),
                400,
                "invalid-request");
        assertProblem(as("authority").get("/api/v1/no-such-thing").then(), 404, "http-404");
    }

    @Test
    void tokensThatAreMissingForeignOrExpiredAreRefused() throws InterruptedException {
        assertProblem(given().get(PATH).then(), 401, "unauthorized").header("WWW-Authenticate", notNullValue());
        assertProblem(given().auth().oauth2(Tokens.signedByStranger()).get(PATH).then(), 401, "unauthorized");
        assertProblem(given().auth().oauth2(Tokens.expired()).get(PATH).then(), 401, "unauthorized");
    }

    @Test
    void theRequestIdIsKeptAndEchoed() {
        as("authority")
                .header("X-Request-Id", "test-" + run + "-0001")
                .get(PATH + "/NO-SUCH")
                .then()
                .statusCode(404)
                .header("X-Request-Id", equalTo("test-" + run + "-0001"))
                .body("requestId", equalTo("test-" + run + "-0001"));
    }

    @Test
    void contactsAndConstituencyAreKeptCanonicalAndFindTheOwnerOfAnAddress() {
        String code = "NET-" + run;
        as("khanhhoa-coordinator")
                .body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Trung tâm dữ liệu","parentCode":"STTTT-KH",
                         "contacts":[{"name":"Nguyễn Văn A","role":"Trực ban","phone":"0258.3822.111","email":"a@khanhhoa.gov.vn"}],
                         "constituency":{"networks":["203.162.77.9/24","2001:DB8:AB::/48"],"asns":[131400]}}""".formatted(code))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("constituency.networks", equalTo(java.util.List.of("2001:db8:ab::/48", "203.162.77.0/24")))
                .body("contacts[0].name", equalTo("Nguyễn Văn A"));

        as("authority")
                .queryParam("ip", "203.162.77.200")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.code", equalTo(java.util.List.of(code)));
        as("bank-admin")
                .queryParam("ip", "203.162.77.200")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        assertProblem(as("authority").queryParam("ip", "not-an-ip").get(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("ip"));

        var record = CloudEventsConsumer.find(
                "test.inventory.organizations",
                code,
                value -> value.contains("203.162.77.0/24"),
                Duration.ofSeconds(30));
        assertTrue(record.isPresent(), "no event with the constituency for " + code);
    }

    @Test
    void aBadNetworkOrContactIsA400AndNothingIsStored() {
        String code = "BADNET-" + run;
        assertProblem(as("authority").body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Sai","parentCode":"STTTT-KH",
                         "constituency":{"networks":["10.0.0.0/8","khanhhoa.gov.vn"]}}""".formatted(code)).post(PATH).then(), 400, "invalid-request")
                .body("errors[0].field", equalTo("constituency.networks[1]"));
        assertProblem(as("authority").body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Sai","parentCode":"STTTT-KH",
                         "contacts":[{"name":"","email":"not-an-email"}]}""".formatted(code)).post(PATH).then(), 400, "invalid-request")
                .body("errors.field", hasItems("contacts[0].name", "contacts[0].email"));
        assertProblem(as("authority").get(PATH + "/" + code).then(), 404, "not-found");
    }

    @Test
    void onlyCoordinatorsChangeAConstituency() {
        String changes = """
                {"kind":"BANK","nameVi":"Ngân hàng Thương mại Cổ phần A","constituency":{"networks":["0.0.0.0/0"]}}""";
        String etag = as("bank-admin")
                .get(PATH + "/NHTM-A")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertProblem(
                as("bank-admin")
                        .header("If-Match", etag)
                        .body(changes)
                        .put(PATH + "/NHTM-A")
                        .then(),
                403,
                "forbidden");
        as("bank-admin")
                .header("If-Match", etag)
                .body("""
                        {"kind":"BANK","nameVi":"Ngân hàng Thương mại Cổ phần A",
                         "contacts":[{"name":"Trung tâm vận hành","hotline":"1900 1234"}]}""")
                .put(PATH + "/NHTM-A")
                .then()
                .statusCode(200)
                .body("contacts[0].hotline", equalTo("1900 1234"))
                .body("constituency.networks", org.hamcrest.Matchers.empty());
    }

    @Test
    void anEmptyOrganisationCanBeDeletedAndItsDeletionIsAnnounced() {
        String code = "DEL-" + run;
        as("khanhhoa-coordinator").body("""
                {"code":"%s","kind":"AGENCY","nameVi":"Tạm","parentCode":"STTTT-KH"}""".formatted(code)).post(PATH).then().statusCode(201);
        String child = code + "-CON";
        as("khanhhoa-coordinator")
                .body("""
                {"code":"%s","kind":"AGENCY","nameVi":"Tạm con","parentCode":"%s"}""".formatted(child, code))
                .post(PATH)
                .then()
                .statusCode(201);
        assertDeletionRefusedAsInUse(code);
        as("khanhhoa-coordinator")
                .header("If-Match", "*")
                .delete(PATH + "/" + child)
                .then()
                .statusCode(204);
        String asset = as("khanhhoa-coordinator")
                .body("""
                        {"organizationCode":"%s","hostname":"del-%s","kind":"SERVER"}""".formatted(code, run.toLowerCase()))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertDeletionRefusedAsInUse(code);
        as("khanhhoa-coordinator")
                .header("If-Match", "*")
                .delete("/api/v1/assets/" + asset)
                .then()
                .statusCode(204);
        assertProblem(as("bank-admin").delete(PATH + "/" + code).then(), 403, "forbidden");
        assertProblem(
                as("khanhhoa-ubnd")
                        .header("If-Match", "\"7\"")
                        .delete(PATH + "/" + code)
                        .then(),
                412,
                "precondition-failed");
        assertProblem(as("khanhhoa-coordinator").delete(PATH + "/" + code).then(), 428, "precondition-required");
        as("khanhhoa-coordinator")
                .header("If-Match", "*")
                .delete(PATH + "/" + code)
                .then()
                .statusCode(204);
        assertProblem(as("authority").get(PATH + "/" + code).then(), 404, "not-found");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CloudEventsConsumer.find("test.inventory.organizations", code, Duration.ofSeconds(5))
                        .map(r -> "canhgac.organization.deleted.v1".equals(CloudEventsConsumer.header(r, "ce_type")))
                        .orElse(false));
    }

    private static void assertDeletionRefusedAsInUse(String code) {
        assertProblem(
                as("khanhhoa-coordinator")
                        .header("If-Match", "*")
                        .delete(PATH + "/" + code)
                        .then(),
                409,
                "organization-in-use");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String code = "IDEM-" + run;
        String body = """
                {"code":"%s","kind":"AGENCY","nameVi":"Một lần","parentCode":"STTTT-KH"}""".formatted(code);
        String key = "create-" + run;
        String id = as("khanhhoa-coordinator")
                .header("Idempotency-Key", key)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("khanhhoa-coordinator")
                .header("Idempotency-Key", key)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .header("Location", endsWith(PATH + "/" + code));
        assertProblem(
                as("khanhhoa-coordinator")
                        .header("Idempotency-Key", key)
                        .body(body.replace("Một lần", "Khác"))
                        .post(PATH)
                        .then(),
                422,
                "idempotency-key-reused");
    }
}
