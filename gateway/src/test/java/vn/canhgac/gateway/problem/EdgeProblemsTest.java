package vn.canhgac.gateway.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EdgeProblemsTest {

    /** What the screen was before it became a scan; the scan must answer as it did. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)%2e|%2f|%5c|%00|\\\\|[\\x00-\\x1f\\x7f]");

    @Test
    void encodedSeparatorsBackslashesAndControlCharactersAreSuspicious() {
        for (String path : new String[] {
            "/api/v1/assets/%2e%2e/q/health",
            "/api/v1/%2E%2E/x",
            "/api/v1/a%2Fb",
            "/api/v1/a%2fb",
            "/api/v1/a%5Cb",
            "/api/v1/a%5cb",
            "/api/v1/a%00",
            "/api/v1/a\\b",
            "/api/v1/a\tb",
            "/api/v1/a\u007f",
            "%2e"
        }) {
            assertTrue(EdgeProblems.suspicious(path), path);
        }
    }

    @Test
    void ordinaryPathsAndOtherEscapesAreNot() {
        for (String path : new String[] {
            "/api/v1/assets/0190f3c2-7a51-7cc1-9a2e-2f5c00aa0000", "/api/v1/assets?q=%20", "/api/v1/a%20b",
                    "/api/v1/a%2",
            "/api/v1/a%", "/api/v1/Khánh-Hòa", "/api/v1/a%3A%2x", "/api/v1/a%0A"
        }) {
            assertFalse(EdgeProblems.suspicious(path), path);
        }
    }

    @Test
    void theScanAnswersAsTheRegularExpressionDidOnGeneratedPaths() {
        String alphabet = "%%%%2e5cEfF0a/\\.\u0000\t\u007fé~-";
        Random random = new Random(13);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder path = new StringBuilder("/api/");
            for (int i = random.nextInt(12); i > 0; i--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = path.toString();
            assertEquals(REFERENCE.matcher(candidate).find(), EdgeProblems.suspicious(candidate), candidate);
        }
    }
}
