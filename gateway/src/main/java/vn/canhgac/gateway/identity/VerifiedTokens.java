package vn.canhgac.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens this gateway verified lately, and whose they are. A client sends the same token with every request
 * until it expires; verifying its signature each time was a third of the gateway's work under load. The gateway's
 * check only keeps strangers away from the services and names the caller for the rate limit: every service verifies
 * the token again, so a token remembered here grants nothing that the service would refuse.
 * <p>
 * A token is remembered until it expires, or for {@code max-lifetime} if that is sooner (a signing key that the
 * identity provider withdrew stops a remembered token within that time). Tokens are kept as their SHA-256 digest, never
 * in clear. (The services keep the same kind of memory of whole identities, commons {@code VerifiedIdentities}; the
 * gateway does not depend on commons, which would bring the database and messaging extensions with it.)
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Bounds the memory held; past it the cache starts again from empty. */
    static final int MAX_ENTRIES = 50_000;

    private record Verified(String caller, long untilMillis) {}

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final long maxLifetimeMillis;
    private final LongSupplier clock;

    @Inject
    public VerifiedTokens(
            @ConfigProperty(name = "canhgac.gateway.verified-tokens.max-lifetime", defaultValue = "PT5M")
                    Duration maxLifetime) {
        this(maxLifetime, System::currentTimeMillis);
    }

    VerifiedTokens(Duration maxLifetime, LongSupplier clock) {
        this.maxLifetimeMillis = maxLifetime.toMillis();
        this.clock = clock;
    }

    /** Whose this {@code Authorization} header's token is, if it was verified lately and has not expired; else null. */
    public String caller(String authorization) {
        if (authorization == null || maxLifetimeMillis <= 0) {
            return null;
        }
        Verified entry = verified.get(digest(authorization));
        return entry != null && entry.untilMillis > clock.getAsLong() ? entry.caller : null;
    }

    /** Remembers a token that was just verified, until {@code expiresAtSeconds} (its {@code exp} claim). */
    public void remember(String authorization, String caller, long expiresAtSeconds) {
        if (authorization == null || maxLifetimeMillis <= 0 || expiresAtSeconds <= 0) {
            return;
        }
        long until = Math.min(expiresAtSeconds * 1000, clock.getAsLong() + maxLifetimeMillis);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(digest(authorization), new Verified(caller, until));
    }

    private static String digest(String authorization) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
