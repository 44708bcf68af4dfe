package vn.canhgac.gateway.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The console's defence against cross-site requests, besides its SameSite=Lax cookie: every unsafe request that
 * rides on the session cookie carries {@code X-CSRF-Token}, a keyed hash of the identity provider's session id. The
 * page learns it from {@code /session} (same origin only); another site can neither read it nor send the header
 * without a CORS preflight that the gateway refuses. Being derived, it needs no server state and holds across
 * gateway replicas that share the key.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    private final SecretKeySpec key;

    public CsrfTokens(@ConfigProperty(name = "canhgac.console.csrf-key") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token of the session this ID token belongs to (Keycloak's {@code sid}; the subject if there is none). */
    public String tokenFor(JsonWebToken idToken) {
        return tokenFor(idToken.getClaim("sid") == null ? idToken.getSubject() : idToken.<String>getClaim("sid"));
    }

    public boolean matches(JsonWebToken idToken, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        tokenFor(idToken).getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII));
    }

    String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
