package vn.canhgac.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW = 1_769_626_800_000L;
    private final AtomicLong clock = new AtomicLong(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), clock::get);

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        tokens.remember("Bearer a.b.c", "camranh-operator", NOW / 1000 + 60);
        assertEquals("camranh-operator", tokens.caller("Bearer a.b.c"));
        clock.addAndGet(60_000);
        assertNull(tokens.caller("Bearer a.b.c"));
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumLifetime() {
        tokens.remember("Bearer a.b.c", "national-feed", NOW / 1000 + 3600);
        clock.addAndGet(Duration.ofMinutes(5).toMillis());
        assertNull(tokens.caller("Bearer a.b.c"));
    }

    @Test
    void anotherTokenIsUnknown() {
        tokens.remember("Bearer a.b.c", "camranh-operator", NOW / 1000 + 60);
        assertNull(tokens.caller("Bearer a.b.d"));
        assertNull(tokens.caller(null));
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.remember("Bearer " + i, "caller-" + i, NOW / 1000 + 60);
        }
        assertNull(tokens.caller("Bearer 0"), "the cache started again from empty when it was full");
    }
}
