package vn.canhgac.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.tokens.TokenMemory;

/**
 * The identities of bearer tokens this service verified lately ({@link TokenMemory}, shared with the gateway),
 * so that a token sent again skips the signature check and claim parsing until it expires or {@code max-lifetime}
 * passes.
 */
@ApplicationScoped
public class VerifiedIdentities {

    static final int MAX_ENTRIES = 20_000;

    private final TokenMemory<SecurityIdentity> memory;

    @Inject
    public VerifiedIdentities(
            @ConfigProperty(name = "canhgac.verified-tokens.max-lifetime", defaultValue = "PT5M")
                    Duration maxLifetime) {
        this(maxLifetime, System::currentTimeMillis);
    }

    VerifiedIdentities(Duration maxLifetime, LongSupplier clock) {
        this.memory = new TokenMemory<>(MAX_ENTRIES, maxLifetime, clock);
    }

    /** The identity this token was verified as, if that was lately and the token has not expired; else null. */
    public SecurityIdentity of(String token) {
        return memory.recall(token);
    }

    /** Remembers the identity of a token that was just verified, until {@code expiresAtSeconds} (its exp claim). */
    public void remember(String token, SecurityIdentity identity, long expiresAtSeconds) {
        memory.remember(token, identity, expiresAtSeconds);
    }
}
