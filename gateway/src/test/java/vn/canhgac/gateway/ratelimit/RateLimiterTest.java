package vn.canhgac.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void allowsABurstThenTheSteadyRate() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("alice"));
        }
        long wait = limiter.acquire("alice");
        assertTrue(wait >= 1, "should wait, got " + wait);
        now.addAndGet(500_000_000L); // half a second refills one token at 2/s
        assertEquals(0, limiter.acquire("alice"));
    }

    @Test
    void callersHaveSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }
        assertEquals(0, limiter.acquire("bob"));
    }
}
