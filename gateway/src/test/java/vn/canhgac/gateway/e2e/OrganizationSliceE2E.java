package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.gateway.e2e.Platform.anonymous;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;

/**
 * The thin slice through every part: a Khánh Hòa coordinator registers an organisation through the gateway;
 * inventory-service stores it and its outbox publishes the CloudEvent; advisory-service and incident-service
 * consume it into their replicas; everyone reads it back through the gateway, each only in its own scope.
 */
class OrganizationSliceE2E {

    private final String code = "E2E-" + RunIds.next(8).toUpperCase();

    @Test
    void anOrganisationCreatedByACoordinatorReachesEveryServiceAndOnlyTheRightTenants() {
        String requestId = "e2e-" + code.toLowerCase();
        as("khanhhoa-coordinator")
                .header("X-Request-Id", requestId)
                .body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"Trung tâm Điều hành thông minh Cam Ranh",
                         "nameEn":"Cam Ranh Intelligent Operations Centre","parentCode":"UBND-CAMRANH"}""".formatted(code))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .header("X-Request-Id", equalTo(requestId))
                .header("Location", equalTo(Platform.GATEWAY + "/api/v1/organizations/" + code));

        as("khanhhoa-coordinator")
                .get("/api/v1/organizations/" + code)
                .then()
                .statusCode(200)
                .body("parentCode", equalTo("UBND-CAMRANH"));
        for (String replica : new String[] {"/api/v1/exposures/organizations/", "/api/v1/duty/organizations/"}) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> as("khanhhoa-coordinator")
                            .get(replica + code)
                            .then()
                            .statusCode(200)
                            .body("nameVi", equalTo("Trung tâm Điều hành thông minh Cam Ranh")));
            as("khanhhoa-ubnd").get(replica + code).then().statusCode(200);
            as("authority").get(replica + code).then().statusCode(200);
            assertProblem(as("bank-admin").get(replica + code).then(), 404, "not-found");
            assertProblem(as("camranh-operator").get(replica + code).then(), 404, "not-found");
        }
        assertProblem(as("bank-admin").get("/api/v1/organizations/" + code).then(), 404, "not-found");
        as("khanhhoa-coordinator")
                .queryParam("q", "dieu hanh thong minh")
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
        as("bank-admin").get("/api/v1/organizations").then().statusCode(200).body("items.code", not(hasItem(code)));
    }

    @Test
    void machineClientsUseClientCredentialsAndAreScopedLikeTheirOrganisation() {
        as("agency-system").get("/api/v1/organizations/UBND-CAMRANH").then().statusCode(200);
        assertProblem(as("agency-system").get("/api/v1/organizations/STTTT-KH").then(), 404, "not-found");
        assertProblem(
                as("agency-system")
                        .body("""
                        {"code":"X-%s","kind":"AGENCY","nameVi":"Không được","parentCode":"UBND-CAMRANH"}""".formatted(code))
                        .post("/api/v1/organizations")
                        .then(),
                403,
                "forbidden");
        as("national-feed").get("/api/v1/exposures/organizations").then().statusCode(200);
    }

    @Test
    void badInputThroughTheGatewayIsAProblemAndStoresNothing() {
        assertProblem(
                as("khanhhoa-coordinator")
                        .body("{\"code\":")
                        .post("/api/v1/organizations")
                        .then(),
                400,
                "malformed-json");
        assertProblem(
                as("khanhhoa-coordinator")
                        .body("""
                        {"code":"%s","kind":"AGENCY","nameVi":"","parentCode":"UBND-CAMRANH"}""".formatted(code))
                        .post("/api/v1/organizations")
                        .then(),
                400,
                "invalid-request");
        assertProblem(as("authority").get("/api/v1/organizations/" + code).then(), 404, "not-found");
        assertProblem(anonymous().get("/api/v1/organizations").then(), 401, "unauthorized");
        String token = vn.canhgac.commons.testing.Tokens.of("khanhhoa-coordinator");
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 1);
        assertProblem(
                anonymous().auth().oauth2(tampered).get("/api/v1/organizations").then(), 401, "unauthorized");
    }

    @Test
    void dotSegmentsCannotReachAnotherPathOfAService() {
        // Encoded dot segments are refused before routing, whoever asks: nothing is forwarded or served.
        assertProblem(
                as("authority")
                        .urlEncodingEnabled(false)
                        .get("/api/v1/organizations/%2e%2e/%2e%2e/q/metrics")
                        .then(),
                400,
                "bad-path");
        assertProblem(
                anonymous()
                        .urlEncodingEnabled(false)
                        .get("/api/v1/%2E%2E/%2E%2E/q/metrics")
                        .then(),
                400,
                "bad-path");
        // Metrics, with every tenant's request paths, are not on the public port at all.
        assertProblem(anonymous().get("/q/metrics").then(), 404, "not-found");
        assertProblem(anonymous().get("/no/such/page").then(), 404, "not-found");
    }

    @Test
    void oneOpenApiDocumentDescribesTheWholeApi() {
        anonymous()
                .get("/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/organizations"))
                .body("paths", hasKey("/api/v1/exposures/organizations"))
                .body("paths", hasKey("/api/v1/duty/organizations"));
    }
}
