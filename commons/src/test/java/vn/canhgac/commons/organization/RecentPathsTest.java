package vn.canhgac.commons.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentPathsTest {

    private final AtomicLong clock = new AtomicLong(1_769_626_800_000L);
    private final RecentPaths paths = new RecentPaths(Duration.ofSeconds(30), clock::get);
    private final AtomicInteger lookups = new AtomicInteger();

    private Uni<String> lookup(String answer) {
        return Uni.createFrom().item(() -> {
            lookups.incrementAndGet();
            return answer;
        });
    }

    private String get(String code, String answer) {
        return paths.get(code, () -> lookup(answer)).await().indefinitely();
    }

    @Test
    void aPathIsLookedUpOnceWithinItsLifetime() {
        assertEquals("/UBND-KH/", get("UBND-KH", "/UBND-KH/"));
        assertEquals("/UBND-KH/", get("UBND-KH", "/UBND-KH/"));
        assertEquals(1, lookups.get());
    }

    @Test
    void aPathIsLookedUpAgainOnceItsLifetimeIsOver() {
        get("UBND-KH", "/UBND-KH/");
        clock.addAndGet(Duration.ofSeconds(31).toMillis());
        assertNull(get("UBND-KH", null), "deleted meanwhile by an event another instance applied");
        assertEquals(2, lookups.get());
    }

    @Test
    void anUnknownCodeIsNotRememberedSoANewOrganisationIsFoundAtOnce() {
        assertNull(get("NEW-ORG", null));
        assertEquals("/NEW-ORG/", get("NEW-ORG", "/NEW-ORG/"));
        assertEquals(2, lookups.get());
    }

    @Test
    void aChangeAppliedHereIsSeenAtOnce() {
        get("UBND-KH", "/UBND-KH/");
        paths.forget("UBND-KH");
        assertNull(get("UBND-KH", null));
    }

    @Test
    void memoryStaysBoundedWhateverCodesCallersSend() {
        for (int i = 0; i <= RecentPaths.MAX_ENTRIES; i++) {
            get("ORG-" + i, "/ORG-" + i + "/");
        }
        lookups.set(0);
        get("ORG-0", "/ORG-0/");
        assertEquals(1, lookups.get(), "the cache started again from empty when it was full");
    }
}
