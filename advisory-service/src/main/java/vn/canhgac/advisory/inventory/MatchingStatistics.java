package vn.canhgac.advisory.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the planner's statistics of the tables that matching joins in step with their growth: a table that has
 * changed by more rows than it had when it was last analysed is analysed again, after the batch that outgrew it.
 *
 * <p>An agency's first import takes the asset replica from nearly empty to a million installed products within a
 * minute, and autovacuum analyses a table at most once a minute. Until it does, the planner believes the batch's
 * products are a handful, and joins them to the assets by reading the whole asset replica once per product: one batch
 * of 700 assets took 49 s instead of 1 s (docs/performance.md, issue 13, ninth part). A table is analysed again each
 * time it has about doubled, so a growing table is analysed a few times, not once per batch.
 */
@ApplicationScoped
public class MatchingStatistics {

    private static final Logger LOG = Logger.getLogger(MatchingStatistics.class);

    /** The tables a changed asset's matching joins that have changed by more rows than they had when analysed. */
    private static final String OUTGROWN = """
            select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
            where s.schemaname = current_schema()
              and s.relname in ('asset_replica', 'asset_address_replica', 'installed_product', 'exposure')
              and s.n_mod_since_analyze > greatest(c.reltuples, 1000)
            order by s.relname""";

    /** One consumer analyses at a time; the others go on with their batches. */
    private static final String ONE_AT_A_TIME = "select pg_try_advisory_xact_lock(7235419870052811)";

    private final Pool pool;

    public MatchingStatistics(Pool pool) {
        this.pool = pool;
    }

    /**
     * Analyses the tables that have outgrown their statistics; never fails (a late refresh is autovacuum's, a
     * minute later).
     */
    public Uni<Void> refreshOutgrown() {
        return pool.query(OUTGROWN)
                .execute()
                .map(MatchingStatistics::names)
                .flatMap(tables -> tables.isEmpty() ? Uni.createFrom().voidItem() : analyse(tables))
                .onFailure()
                .invoke(failure -> LOG.warnf("Statistics not refreshed: %s", failure.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /**
     * A table that a vacuum holds is skipped (the vacuum analyses it, or the next batch will): waiting would stop this
     * consumer's partition for the length of the vacuum.
     */
    private Uni<Void> analyse(List<String> tables) {
        return pool.withTransaction(connection -> connection
                .query(ONE_AT_A_TIME)
                .execute()
                .flatMap(locked -> locked.iterator().next().getBoolean(0)
                        ? connection
                                .query("analyze (skip_locked) " + String.join(", ", tables))
                                .execute()
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem()));
    }

    private static List<String> names(Iterable<Row> rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.getString(0)));
        return names;
    }
}
