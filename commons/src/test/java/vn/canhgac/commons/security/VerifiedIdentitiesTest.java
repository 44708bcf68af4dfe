package vn.canhgac.commons.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedIdentitiesTest {

    private static final long NOW = 1_769_626_800_000L;
    private final AtomicLong clock = new AtomicLong(NOW);
    private final VerifiedIdentities identities = new VerifiedIdentities(Duration.ofMinutes(5), clock::get);
    private final SecurityIdentity operator = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("camranh-operator"))
            .addRole("org-operator")
            .build();

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        identities.remember("a.b.c", operator, NOW / 1000 + 60);
        assertSame(operator, identities.of("a.b.c"));
        clock.addAndGet(60_000);
        assertNull(identities.of("a.b.c"));
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumLifetime() {
        identities.remember("a.b.c", operator, NOW / 1000 + 3600);
        clock.addAndGet(Duration.ofMinutes(5).toMillis());
        assertNull(identities.of("a.b.c"));
    }

    @Test
    void anotherTokenIsUnknown() {
        identities.remember("a.b.c", operator, NOW / 1000 + 60);
        assertNull(identities.of("a.b.d"));
        assertNull(identities.of(null));
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i <= VerifiedIdentities.MAX_ENTRIES; i++) {
            identities.remember("token-" + i, operator, NOW / 1000 + 60);
        }
        assertNull(identities.of("token-0"), "the cache started again from empty when it was full");
    }
}
