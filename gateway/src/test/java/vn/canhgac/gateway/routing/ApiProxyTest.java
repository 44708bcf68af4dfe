package vn.canhgac.gateway.routing;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.Tokens;

/**
 * The gateway on its own, with real Keycloak tokens; in the test profile every route points at a closed port,
 * so what the gateway answers when a service is down is tested too.
 */
@QuarkusTest
class ApiProxyTest {

    @Test
    void noTokenForeignTokenAndExpiredTokenAre401() throws InterruptedException {
        assertProblem(given().get("/api/v1/organizations").then(), 401, "unauthorized")
                .header("WWW-Authenticate", notNullValue());
        assertProblem(
                given().auth()
                        .oauth2(Tokens.signedByStranger())
                        .get("/api/v1/organizations")
                        .then(),
                401,
                "unauthorized");
        assertProblem(
                given().auth()
                        .oauth2(Tokens.expired())
                        .get("/api/v1/organizations")
                        .then(),
                401,
                "unauthorized");
    }

    @Test
    void aTamperedOrMalformedTokenIs401WithAProblem() {
        String token = Tokens.of("camranh-operator");
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 1);
        assertProblem(given().auth().oauth2(tampered).get("/api/v1/incidents").then(), 401, "unauthorized");
        assertProblem(
                given().auth().oauth2("abc.def.ghi").get("/api/v1/incidents").then(), 401, "unauthorized");
    }

    @Test
    void anUnknownApiPathIs404() {
        assertProblem(
                given().auth()
                        .oauth2(Tokens.of("authority"))
                        .get("/api/v1/nothing-here")
                        .then(),
                404,
                "no-route");
    }

    @Test
    void aServiceThatIsDownIs503WithRetryAfterInTheCallersLanguage() {
        assertProblem(
                        given().auth()
                                .oauth2(Tokens.of("authority"))
                                .header("Accept-Language", "vi")
                                .get("/api/v1/organizations")
                                .then(),
                        503,
                        "unavailable")
                .header("Retry-After", notNullValue())
                .body("title", equalTo("Tạm thời không phục vụ được"));
    }

    @Test
    void theRequestIdIsCreatedOrKept() {
        given().get("/api/v1/organizations").then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "client-chosen-id-42")
                .get("/api/v1/organizations")
                .then()
                .header("X-Request-Id", equalTo("client-chosen-id-42"))
                .body("requestId", equalTo("client-chosen-id-42"));
        given().header("X-Request-Id", "bad id with spaces")
                .get("/api/v1/organizations")
                .then()
                .header("X-Request-Id", org.hamcrest.Matchers.not(equalTo("bad id with spaces")));
    }

    @Test
    void browsersFromTheConsoleOriginMayCallTheApi() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,If-Match")
                .options("/api/v1/organizations")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
    }

    @Test
    void aMalformedLanguagePreferenceStillGetsAnAnswerInEnglish() {
        for (String language : new String[] {"en;q=2", "vi;q=", "*;q=abc", "vi-" + "x".repeat(300)}) {
            assertProblem(
                            given().header("Accept-Language", language)
                                    .get("/api/v1/organizations")
                                    .then(),
                            401,
                            "unauthorized")
                    .header("Content-Language", "en");
        }
    }

    @Test
    void nothingButTheApiAndItsDocumentIsOnThePublicPort() {
        assertProblem(given().get("/q/metrics").then(), 404, "not-found");
        assertProblem(given().get("/q/health").then(), 404, "not-found");
        assertProblem(given().get("/q/openapi").then(), 404, "not-found");
        assertProblem(
                given().urlEncodingEnabled(false)
                        .get("/api/v1/%2E%2E/%2E%2E/q/metrics")
                        .then(),
                400,
                "bad-path");
        assertProblem(
                given().urlEncodingEnabled(false)
                        .get("/api/v1/assets%5c..%5c..")
                        .then(),
                400,
                "bad-path");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void requestsWithoutAValidTokenAreThrottledByAddressBeforeAnySignatureCheck() throws InterruptedException {
        int limited = 0;
        for (int i = 0; i < 400 && limited == 0; i++) {
            int status = given().auth()
                    .oauth2("forged." + i + ".token")
                    .get("/api/v1/incidents")
                    .then()
                    .extract()
                    .statusCode();
            limited += status == 429 ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, limited, "a flood of forged tokens met the rate limit");
        Thread.sleep(2_500); // the address's bucket refills for the other tests
    }

    @Test
    void aLargeUploadIsToldToGoOnOnlyOnceItsCallerIsKnown() throws Exception {
        String asked = "POST /api/v1/botnet-lists?reference=X HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n";
        assertThat(firstLine(asked + "\r\n"), containsString(" 401 "));
        assertThat(
                firstLine(asked + "Authorization: Bearer " + Tokens.of("national-feed") + "\r\n\r\n"),
                containsString(" 100 "));
    }

    /** The first status line the gateway answers to a request head sent alone, without its body. */
    private static String firstLine(String head) throws IOException {
        try (var socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII)).readLine();
        }
    }
}
