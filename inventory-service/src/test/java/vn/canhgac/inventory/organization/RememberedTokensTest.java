package vn.canhgac.inventory.organization;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.security.VerifiedIdentities;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Tokens;

/**
 * A bearer token the service verified lately is answered from memory, before the OIDC provider would check its
 * signature again (commons' {@code RememberedTokenIdentityProvider}), and not past its expiry. Against the real
 * Keycloak.
 */
@QuarkusTest
class RememberedTokensTest {

    private static final String PATH = "/api/v1/organizations";

    @Inject
    VerifiedIdentities identities;

    @Test
    void aTokenVerifiedLatelyIsAnsweredFromMemoryWithoutVerifyingItAgain() {
        String token = Tokens.fresh("authority");
        given().auth().oauth2(token).get(PATH).then().statusCode(200);
        SecurityIdentity verified = identities.of(token);
        assertNotNull(verified, "the identity Keycloak's token was verified as is remembered");
        assertNull(verified.getAttribute(RoutingContext.class.getName()), "without the request it was verified for");
        assertTrue(verified.checkPermissionBlocking("profile"), "with the token's scopes as permissions");
        assertFalse(verified.checkPermissionBlocking("admin"));

        // A string no OIDC provider would accept, remembered as that identity: answered only if memory comes first.
        String unverifiable = "remembered-" + RunIds.next(12);
        identities.remember(
                unverifiable, verified, Instant.now().plusSeconds(60).getEpochSecond());
        given().auth().oauth2(unverifiable).get(PATH).then().statusCode(200);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        // Warm: the probe's token lives one second, which the service's first request could take.
        given().auth().oauth2(Tokens.of("authority")).get(PATH).then().statusCode(200);
        String token = probeTokenWithMostOfItsSecondLeft();
        given().auth().oauth2(token).get(PATH).then().statusCode(200);
        assertNotNull(identities.of(token));

        Thread.sleep(2_500);
        assertNull(identities.of(token));
        assertProblem(given().auth().oauth2(token).get(PATH).then(), 401, "unauthorized");
    }

    /**
     * Keycloak's {@code exp} is the whole second of issue plus the lifespan, so a one-second token fetched late in
     * its second has almost nothing left: fetched just after a whole second, it has most of one.
     */
    private static String probeTokenWithMostOfItsSecondLeft() throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            Thread.sleep(1_010 - System.currentTimeMillis() % 1_000);
            String token = Tokens.fresh("token-expiry-probe");
            if (expiresAtMillis(token) - System.currentTimeMillis() >= 700) {
                return token;
            }
        }
        throw new AssertionError("Keycloak gave no probe token with 0.7 s left to live in five tries");
    }

    private static long expiresAtMillis(String token) {
        return Tokens.claims(token).getLong("exp") * 1_000;
    }
}
