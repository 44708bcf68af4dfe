package vn.canhgac.commons.memory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What an instance remembers for a while: each value until its own deadline, at most {@code capacity} of them (past
 * that it starts again from empty, so memory stays bounded whatever keys callers send). For answers that are costly
 * to get and almost never change: organisation paths, verified tokens.
 */
public final class ExpiringMemory<V> {

    private record Entry<V>(V value, long untilMillis) {}

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final LongSupplier clock;

    public ExpiringMemory(int capacity, LongSupplier clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The value remembered for this key, if its deadline has not passed; else null. */
    public V get(String key) {
        Entry<V> entry = entries.get(key);
        return entry != null && entry.untilMillis > clock.getAsLong() ? entry.value : null;
    }

    public void remember(String key, V value, long untilMillis) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, untilMillis));
    }

    public void forget(String key) {
        entries.remove(key);
    }

    public long now() {
        return clock.getAsLong();
    }
}
