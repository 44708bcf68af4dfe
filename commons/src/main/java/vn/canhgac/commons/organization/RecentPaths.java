package vn.canhgac.commons.organization;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.canhgac.commons.memory.ExpiringMemory;

/**
 * The organisation paths this instance looked up lately. Every request resolves its caller's path (the tenancy rule),
 * so without this each one paid a database round trip for an answer that almost never changes: an organisation does
 * not move in the tree, and only its deletion ends its path. This instance forgets a path as soon as it applies the
 * change; another instance of the same service (the events of a partition reach one of them) serves the old path for
 * at most {@code lifetime}. Unknown codes are not remembered: an organisation created a moment ago is found at once.
 */
final class RecentPaths {

    static final int MAX_ENTRIES = 100_000;

    private final ExpiringMemory<String> paths;
    private final long lifetimeMillis;

    RecentPaths(Duration lifetime, LongSupplier clock) {
        this.paths = new ExpiringMemory<>(MAX_ENTRIES, clock);
        this.lifetimeMillis = lifetime.toMillis();
    }

    Uni<String> get(String code, Supplier<Uni<String>> lookup) {
        String known = paths.get(code);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long askedAt = paths.now();
        return lookup.get().invoke(path -> {
            if (path == null || lifetimeMillis <= 0) {
                paths.forget(code);
            } else {
                paths.remember(code, path, askedAt + lifetimeMillis);
            }
        });
    }

    void forget(String code) {
        paths.forget(code);
    }
}
