package vn.canhgac.notification.reminder;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * One replica of the service runs the reminders at a time: the one that holds a lease row in PostgreSQL. The holder
 * renews it on each round; another replica takes it over only once it has expired (its holder stopped). The
 * notifications' keys make a round run twice harmless anyway; the lease saves the work.
 */
@ApplicationScoped
public class SchedulerLease {

    private static final String HOLD = """
            insert into scheduler_lease (name, holder, expires_at) values ($1, $2, now() + make_interval(secs => $3))
            on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
            where scheduler_lease.holder = excluded.holder or scheduler_lease.expires_at < now()
            returning holder""";

    private final Pool pool;
    private final String me = UUID.randomUUID().toString();

    public SchedulerLease(Pool pool) {
        this.pool = pool;
    }

    /** Takes or renews the lease for {@code lifetime}; answers whether this replica holds it. */
    public Uni<Boolean> hold(String name, Duration lifetime) {
        return pool.preparedQuery(HOLD)
                .execute(Tuple.of(name, me, lifetime.toMillis() / 1000.0))
                .map(rows -> rows.size() > 0);
    }
}
