package vn.canhgac.commons.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made one after the other sort
 * one after the other, so primary keys and the indexes that lead with them grow at their end instead of
 * everywhere at random: a bulk import writes each index page once, not once per row.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long random = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
        long least = (random & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
