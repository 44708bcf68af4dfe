package vn.canhgac.commons.organization;

import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The organisation paths this instance looked up lately. Every request resolves its caller's path (the tenancy rule),
 * so without this each one paid a database round trip for an answer that almost never changes: an organisation does
 * not move in the tree, and only its deletion ends its path. This instance forgets a path as soon as it applies the
 * change; another instance of the same service (the events of a partition reach one of them) serves the old path for
 * at most {@code lifetime}. Unknown codes are not remembered: an organisation created a moment ago is found at once.
 */
final class RecentPaths {

    /** Bounds the memory held whatever codes callers send; past it the cache starts again from empty. */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(String path, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long lifetimeMillis;
    private final Clock clock;

    RecentPaths(Duration lifetime, Clock clock) {
        this.lifetimeMillis = lifetime.toMillis();
        this.clock = clock;
    }

    Uni<String> get(String code, Supplier<Uni<String>> lookup) {
        long now = clock.millis();
        Entry entry = entries.get(code);
        if (entry != null && entry.expiresAt > now) {
            return Uni.createFrom().item(entry.path);
        }
        return lookup.get().invoke(path -> remember(code, path, now));
    }

    void forget(String code) {
        entries.remove(code);
    }

    private void remember(String code, String path, long now) {
        if (path == null || lifetimeMillis <= 0) {
            entries.remove(code);
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(code, new Entry(path, now + lifetimeMillis));
    }
}
