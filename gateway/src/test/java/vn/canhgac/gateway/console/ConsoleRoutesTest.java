package vn.canhgac.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/**
 * The console's side of the gateway without a browser (the browser tests in console/e2e sign in for real): the
 * page's headers, the session endpoint, forged session cookies and where /login may send people afterwards.
 */
@QuarkusTest
class ConsoleRoutesTest {

    private static final RestAssuredConfig NO_REDIRECTS =
            RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Test
    void theApplicationPageIsServedForEveryScreenWithAStrictPolicyAndNoCaching() {
        for (String screen : new String[] {"/", "/exposures/0196a2b3-0000-7000-8000-000000000000", "/duty", "/audit"}) {
            given().get(screen)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", "no-cache")
                    .header(
                            "Content-Security-Policy",
                            allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'none'")))
                    .header("X-Content-Type-Options", "nosniff");
        }
        assertProblem(given().get("/not-a-screen").then(), 404, "not-found");
    }

    @Test
    void withoutASessionTheSessionEndpointSaysSoInAProblem() {
        assertProblem(given().header("Accept-Language", "vi").get("/session").then(), 401, "signed-out")
                .header("Cache-Control", "no-store");
    }

    @Test
    void aForgedSessionCookieGetsNothing() {
        for (String path : new String[] {"/session", "/api/v1/organizations"}) {
            given().config(NO_REDIRECTS)
                    .header("X-Requested-With", "JavaScript")
                    .cookie("q_session_console", "forged.forged.forged")
                    .get(path)
                    .then()
                    .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
        }
        given().config(NO_REDIRECTS)
                .cookie("q_session_console", "forged")
                .post("/api/v1/organizations")
                .then()
                .statusCode(allOf(greaterThanOrEqualTo(300), lessThan(500)));
    }

    @Test
    void signingInStartsTheCodeFlowWithPkce() {
        given().config(NO_REDIRECTS)
                .get("/login?next=/exposures")
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        allOf(
                                containsString("code_challenge_method=S256"),
                                containsString("client_id=canhgac-gateway")));
    }

    @Test
    void afterSigningInOnlyAPathOfThisOriginIsFollowed() {
        assertTrue(ConsoleRoutes.isLocalScreen("/exposures?overdue=true"));
        assertTrue(ConsoleRoutes.isLocalScreen("/"));
        assertFalse(ConsoleRoutes.isLocalScreen("//evil.example/"));
        assertFalse(ConsoleRoutes.isLocalScreen("/\\evil.example"));
        assertFalse(ConsoleRoutes.isLocalScreen("https://evil.example/"));
        assertFalse(ConsoleRoutes.isLocalScreen("/x\r\nSet-Cookie: a=b"));
        assertFalse(ConsoleRoutes.isLocalScreen(null));
    }

    @Test
    void theCsrfTokenIsBoundToTheSession() {
        CsrfTokens tokens = new CsrfTokens("a-key-of-the-test-only-0123456789");
        String token = tokens.tokenFor("session-1");
        assertTrue(token.equals(tokens.tokenFor("session-1")));
        assertFalse(token.equals(tokens.tokenFor("session-2")));
        assertFalse(token.equals(new CsrfTokens("another-key-0123456789-0123456789").tokenFor("session-1")));
    }
}
