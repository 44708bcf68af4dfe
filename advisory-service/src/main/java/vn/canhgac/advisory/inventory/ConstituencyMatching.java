package vn.canhgac.advisory.inventory;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.commons.sql.Attempts;

/**
 * Matches the organisations whose constituency changed against the active botnet lists. The change was marked
 * in the transaction that applied the organisation event; the mark goes in the transaction that matches, so a
 * stop in between only delays the matching. A change whose matching the database refuses for good is set aside
 * with the failure (the organisation's next event marks it again), so that it does not hold up the others.
 */
@ApplicationScoped
public class ConstituencyMatching {

    private static final Logger LOG = Logger.getLogger(ConstituencyMatching.class);
    private static final String NEXT = """
            select organization_code, changed_at from constituency_change where failed_at is null
            order by changed_at limit 1 for update skip locked""";
    private static final String DONE =
            "delete from constituency_change where organization_code = $1 and changed_at = $2";
    private static final String SET_ASIDE = """
            update constituency_change set failed_at = now(), failure = $3
            where organization_code = $1 and changed_at = $2""";

    private final Pool pool;
    private final ExposureMatcher matcher;

    public ConstituencyMatching(Pool pool, ExposureMatcher matcher) {
        this.pool = pool;
        this.matcher = matcher;
    }

    @Scheduled(
            every = "${canhgac.constituency.matching-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    Uni<Void> matchChanged() {
        return Attempts.untilNoneLeft(this::matchNext, "Constituency matching");
    }

    /**
     * Matches the organisation changed longest ago, if any; answers whether there was one. A change the database
     * refuses for good is set aside in a transaction of its own (the one that failed is rolled back whole).
     */
    private Uni<Boolean> matchNext() {
        AtomicReference<Tuple> taken = new AtomicReference<>();
        return pool.withTransaction(connection -> connection
                        .query(NEXT)
                        .execute()
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().item(false);
                            }
                            Row row = rows.iterator().next();
                            taken.set(
                                    Tuple.of(row.getString("organization_code"), row.getOffsetDateTime("changed_at")));
                            return match(connection, taken.get()).replaceWith(true);
                        }))
                .onFailure(failure -> taken.get() != null && Attempts.isPermanent(failure))
                .recoverWithUni(failure -> setAside(taken.get(), failure).replaceWith(true));
    }

    private Uni<Void> match(SqlConnection connection, Tuple change) {
        String code = change.getString(0);
        return matcher.matchConstituency(connection, code)
                .invoke(report -> LOG.debugf("Constituency of %s matched: %s", code, report))
                .flatMap(report -> connection.preparedQuery(DONE).execute(change))
                .replaceWithVoid();
    }

    private Uni<Void> setAside(Tuple change, Throwable failure) {
        LOG.errorf(
                "The constituency of %s changed at %s could not be matched and is set aside: %s",
                change.getString(0), change.getValue(1), failure);
        return pool.preparedQuery(SET_ASIDE)
                .execute(Tuple.of(change.getString(0), change.getValue(1), String.valueOf(failure)))
                .replaceWithVoid();
    }
}
