package vn.canhgac.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a bearer token was verified as (a caller's name at the gateway, a whole identity in a service), remembered
 * for the next requests that send it. A client sends the same token with every request until it expires, and
 * verifying its signature each time was a large part of the work under load (docs/performance.md).
 * <p>
 * A token is remembered until its {@code exp}, or for {@code maxLifetime} if that is sooner, so that a signing key
 * the identity provider withdrew stops a remembered token within that time; a zero lifetime remembers nothing.
 * Tokens are kept as their SHA-256 digest, never in clear, and at most {@code capacity} of them (past that the
 * memory starts again from empty, so it stays bounded whatever tokens strangers send).
 *
 * @param <T> what verifying the token gave
 */
public final class TokenMemory<T> {

    private record Verified<T>(T what, long untilMillis) {}

    private final ConcurrentHashMap<String, Verified<T>> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxLifetimeMillis;
    private final LongSupplier clock;

    public TokenMemory(int capacity, Duration maxLifetime, LongSupplier clock) {
        this.capacity = capacity;
        this.maxLifetimeMillis = maxLifetime.toMillis();
        this.clock = clock;
    }

    /** What this token was verified as, if that was lately and the token has not expired; else null. */
    public T recall(String token) {
        if (token == null || maxLifetimeMillis <= 0) {
            return null;
        }
        Verified<T> entry = verified.get(digest(token));
        return entry != null && entry.untilMillis() > clock.getAsLong() ? entry.what() : null;
    }

    /** Remembers a token that was just verified, until {@code expiresAtSeconds} (its {@code exp} claim). */
    public void remember(String token, T what, long expiresAtSeconds) {
        if (token == null || maxLifetimeMillis <= 0 || expiresAtSeconds <= 0) {
            return;
        }
        long until = Math.min(expiresAtSeconds * 1000, clock.getAsLong() + maxLifetimeMillis);
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(digest(token), new Verified<>(what, until));
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
