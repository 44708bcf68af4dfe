package vn.canhgac.commons.testing;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the real Keycloak that ./canhgac started (password grant for the demo users, client
 * credentials for the machine clients), and tokens that must be refused.
 */
public final class Tokens {

    public static final String REALM = "canhgac";
    private static final String PASSWORD = "canhgac-demo";
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private record CachedToken(String value, Instant expires) {}

    private Tokens() {}

    public static String keycloakUrl() {
        return System.getProperty(
                "canhgac.keycloak.url", System.getenv().getOrDefault("CANHGAC_KEYCLOAK_URL", "http://127.0.0.1:8180"));
    }

    public static String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** A token for a demo user or machine client, reused while it has more than a minute to live. */
    public static String of(String who) {
        CachedToken cached = CACHE.get(who);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(60))) {
            return cached.value();
        }
        CachedToken fresh = fetch(who);
        CACHE.put(who, fresh);
        return fresh.value();
    }

    /** An uncached token; for the expiry probe, whose tokens live one second. */
    public static String fresh(String who) {
        return fetch(who).value();
    }

    private static CachedToken fetch(String who) {
        Map<String, String> form = isMachine(who)
                ? Map.of("grant_type", "client_credentials", "client_id", who, "client_secret", who + "-demo-secret")
                : Map.of("grant_type", "password", "client_id", "canhgac-cli", "username", who, "password", PASSWORD);
        JsonPath response = RestAssured.given()
                .formParams(form)
                .post(issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new CachedToken(
                response.getString("access_token"), Instant.now().plusSeconds(response.getLong("expires_in")));
    }

    private static boolean isMachine(String who) {
        return List.of("national-feed", "agency-system", "token-expiry-probe").contains(who);
    }

    /** A token's claims as it carries them (read, not verified). */
    public static JsonPath claims(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** Claims like a real authority token's, but signed by a key the realm never published. */
    public static String signedByStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair stranger = generator.generateKeyPair();
            return Jwt.issuer(issuer())
                    .audience("canhgac-api")
                    .subject("intruder")
                    .claim("org", "CATTT")
                    .claim("preferred_username", "authority")
                    .claim("realm_access", Map.of("roles", List.of("authority")))
                    .expiresIn(300)
                    .jws()
                    .keyId("not-a-realm-key")
                    .sign(stranger.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of the expiry probe client after it has expired (its lifespan is one second). */
    public static String expired() throws InterruptedException {
        String token = fresh("token-expiry-probe");
        Thread.sleep(2_500);
        return token;
    }
}
