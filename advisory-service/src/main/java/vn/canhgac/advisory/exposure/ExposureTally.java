package vn.canhgac.advisory.exposure;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Folds the tally's rows of deltas together. Every statement that writes exposures adds rows to
 * {@code exposure_tally} (its triggers, V17) and never updates one, so writers never wait for each other; left
 * alone the rows would grow with every statement, and the summaries that add them up would slow down. Each fold
 * replaces the rows it sees by one row per key, in one statement: rows inserted meanwhile are not seen and stay,
 * and two replicas folding at once cannot count a row twice (the second one's delete skips what the first took).
 */
@ApplicationScoped
public class ExposureTally {

    private static final Logger LOG = Logger.getLogger(ExposureTally.class);

    /** Only keys with more than one row are folded: a quiet minute rewrites nothing. */
    private static final String FOLD = """
            with taken as (
                delete from exposure_tally t
                using (select org_path, status, due_on from exposure_tally group by 1, 2, 3 having count(*) > 1) d
                where t.org_path = d.org_path and t.status = d.status and t.due_on is not distinct from d.due_on
                returning t.org_path, t.status, t.due_on, t.n)
            insert into exposure_tally (org_path, status, due_on, n)
            select org_path, status, due_on, sum(n) from taken group by 1, 2, 3 having sum(n) <> 0""";

    private final Pool pool;

    public ExposureTally(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(
            every = "${canhgac.exposure.tally-fold-interval:60s}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> fold() {
        return pool.query(FOLD)
                .execute()
                .onFailure()
                .invoke(failure -> LOG.warnf("Exposure tally not folded this time: %s", failure))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
