package vn.canhgac.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks reference libraries compute them. */
class SignaturesTest {

    @Test
    void theReferenceLibrariesTestVectorSignsAlike() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                Signatures.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpace() {
        String header = Signatures.header(
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Signatures.newSecret()), "msg_1", 1L, "{}");
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertTrue(signatures[0].startsWith("v1,") && signatures[1].startsWith("v1,"));
        assertNotEquals(signatures[0], signatures[1]);
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytes() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, Signatures.newSecret());
    }
}
