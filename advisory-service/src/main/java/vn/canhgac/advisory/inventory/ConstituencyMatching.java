package vn.canhgac.advisory.inventory;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.canhgac.advisory.exposure.ExposureMatcher;

/**
 * Matches the organisations whose constituency changed against the active botnet lists. The change was marked
 * in the transaction that applied the organisation event; the mark goes in the transaction that matches, so a
 * stop in between only delays the matching.
 */
@ApplicationScoped
public class ConstituencyMatching {

    private static final Logger LOG = Logger.getLogger(ConstituencyMatching.class);
    private static final String NEXT = """
            select organization_code, changed_at from constituency_change
            order by changed_at limit 1 for update skip locked""";
    private static final String DONE =
            "delete from constituency_change where organization_code = $1 and changed_at = $2";

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
        return Multi.createBy()
                .repeating()
                .uni(this::matchNext)
                .whilst(matched -> matched)
                .onFailure()
                .invoke(failure -> LOG.warnf("Constituency matching paused: %s", failure))
                .onFailure()
                .recoverWithCompletion()
                .onItem()
                .ignoreAsUni();
    }

    /** Matches the organisation changed longest ago, if any; answers whether there was one. */
    private Uni<Boolean> matchNext() {
        return pool.withTransaction(connection -> connection
                .query(NEXT)
                .execute()
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row row = rows.iterator().next();
                    String code = row.getString("organization_code");
                    return matcher.matchConstituency(connection, code)
                            .invoke(report -> LOG.debugf("Constituency of %s matched: %s", code, report))
                            .flatMap(report -> connection
                                    .preparedQuery(DONE)
                                    .execute(Tuple.of(code, row.getOffsetDateTime("changed_at"))))
                            .replaceWith(true);
                }));
    }
}
