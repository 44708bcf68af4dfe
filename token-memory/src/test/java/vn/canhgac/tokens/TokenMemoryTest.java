package vn.canhgac.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenMemoryTest {

    private static final long NOW = 1_769_626_800_000L;
    private final AtomicLong clock = new AtomicLong(NOW);
    private static final int CAPACITY = 1_000;
    private final TokenMemory<String> tokens = new TokenMemory<>(CAPACITY, Duration.ofMinutes(5), clock::get);

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        tokens.remember("Bearer a.b.c", "camranh-operator", NOW / 1000 + 60);
        assertEquals("camranh-operator", tokens.recall("Bearer a.b.c"));
        clock.addAndGet(60_000);
        assertNull(tokens.recall("Bearer a.b.c"));
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumLifetime() {
        tokens.remember("Bearer a.b.c", "national-feed", NOW / 1000 + 3600);
        clock.addAndGet(Duration.ofMinutes(5).toMillis());
        assertNull(tokens.recall("Bearer a.b.c"));
    }

    @Test
    void anotherTokenIsUnknown() {
        tokens.remember("Bearer a.b.c", "camranh-operator", NOW / 1000 + 60);
        assertNull(tokens.recall("Bearer a.b.d"));
        assertNull(tokens.recall(null));
    }

    @Test
    void aZeroLifetimeRemembersNothing() {
        TokenMemory<String> none = new TokenMemory<>(CAPACITY, Duration.ZERO, clock::get);
        none.remember("Bearer a.b.c", "camranh-operator", NOW / 1000 + 60);
        assertNull(none.recall("Bearer a.b.c"));
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i <= CAPACITY; i++) {
            tokens.remember("Bearer " + i, "caller-" + i, NOW / 1000 + 60);
        }
        assertNull(tokens.recall("Bearer 0"), "the cache started again from empty when it was full");
    }
}
