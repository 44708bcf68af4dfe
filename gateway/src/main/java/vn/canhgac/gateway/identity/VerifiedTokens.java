package vn.canhgac.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.tokens.TokenMemory;

/**
 * Bearer tokens this gateway verified lately, and whose they are. The gateway's check only keeps strangers away
 * from the services and names the caller for the rate limit: every service verifies the token again, so a token
 * remembered here grants nothing that the service would refuse. The memory itself is the services' too
 * ({@link TokenMemory}).
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Bounds the memory held; past it the memory starts again from empty. */
    static final int MAX_ENTRIES = 50_000;

    private final TokenMemory<String> memory;

    public VerifiedTokens(
            @ConfigProperty(name = "canhgac.gateway.verified-tokens.max-lifetime", defaultValue = "PT5M")
                    Duration maxLifetime) {
        this.memory = new TokenMemory<>(MAX_ENTRIES, maxLifetime, System::currentTimeMillis);
    }

    /** Whose this {@code Authorization} header's token is, if it was verified lately and has not expired; else null. */
    public String caller(String authorization) {
        return memory.recall(authorization);
    }

    /** Remembers a token that was just verified, until {@code expiresAtSeconds} (its {@code exp} claim). */
    public void remember(String authorization, String caller, long expiresAtSeconds) {
        memory.remember(authorization, caller, expiresAtSeconds);
    }
}
