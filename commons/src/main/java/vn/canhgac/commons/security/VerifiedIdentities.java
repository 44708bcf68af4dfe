package vn.canhgac.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.memory.ExpiringMemory;
import vn.canhgac.commons.text.Digests;

/**
 * The identities of bearer tokens this service verified lately. A client sends the same token with every request
 * until it expires; verifying its signature and parsing its claims each time was a fifth of a service's work under
 * load (docs/performance.md). A token is remembered until its {@code exp}, or for {@code max-lifetime} if that is
 * sooner, so that a signing key the identity provider withdrew stops a remembered token within that time. Tokens
 * are kept as their SHA-256 digest, never in clear.
 */
@ApplicationScoped
public class VerifiedIdentities {

    static final int MAX_ENTRIES = 20_000;

    private final ExpiringMemory<SecurityIdentity> verified;
    private final long maxLifetimeMillis;

    @Inject
    public VerifiedIdentities(
            @ConfigProperty(name = "canhgac.verified-tokens.max-lifetime", defaultValue = "PT5M")
                    Duration maxLifetime) {
        this(maxLifetime, System::currentTimeMillis);
    }

    VerifiedIdentities(Duration maxLifetime, LongSupplier clock) {
        this.verified = new ExpiringMemory<>(MAX_ENTRIES, clock);
        this.maxLifetimeMillis = maxLifetime.toMillis();
    }

    /** The identity this token was verified as, if that was lately and the token has not expired; else null. */
    public SecurityIdentity of(String token) {
        return token == null || maxLifetimeMillis <= 0 ? null : verified.get(digest(token));
    }

    /** Remembers the identity of a token that was just verified, until {@code expiresAtSeconds} (its exp claim). */
    public void remember(String token, SecurityIdentity identity, long expiresAtSeconds) {
        if (token != null && maxLifetimeMillis > 0 && expiresAtSeconds > 0) {
            verified.remember(
                    digest(token), identity, Math.min(expiresAtSeconds * 1000, verified.now() + maxLifetimeMillis));
        }
    }

    private static String digest(String token) {
        return Digests.sha256Hex(token);
    }
}
