package vn.canhgac.gateway.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per caller (the token's subject, or the client address when there is no token): a caller may
 * burst up to {@code burst} requests, then {@code requests-per-second} on average. Per replica, in memory:
 * with N gateway replicas a caller gets N times the rate, which is acceptable for protecting the services.
 */
@ApplicationScoped
public class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(
            @ConfigProperty(name = "canhgac.rate-limit.requests-per-second", defaultValue = "100") double perSecond,
            @ConfigProperty(name = "canhgac.rate-limit.burst", defaultValue = "200") double burst) {
        this(perSecond, burst, System::nanoTime);
    }

    RateLimiter(double perSecond, double burst, LongSupplier clock) {
        this.ratePerNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token; answers 0 when allowed, else the whole seconds to wait before retrying. */
    public long acquire(String caller) {
        return buckets.computeIfAbsent(caller, key -> new Bucket(burst, clock.getAsLong()))
                .take();
    }

    @Scheduled(every = "10m")
    void forgetIdleCallers() {
        long now = clock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.idleSince(now) > 600_000_000_000L);
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take() {
            long now = clock.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / ratePerNano / 1e9);
        }

        synchronized long idleSince(long now) {
            return now - refilledAt;
        }
    }
}
