package vn.canhgac.advisory.inventory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A table that matching joins is analysed again once it has outgrown its statistics (an agency's first import), and
 * not while they still describe it.
 */
@QuarkusTest
class MatchingStatisticsTest {

    private static final String IDENTITY = "statistics-test";

    @Inject
    Pool pool;

    @Inject
    MatchingStatistics statistics;

    @Test
    void aTableThatOutgrewItsStatisticsIsAnalysedAgainAndThenLeftAlone() {
        OffsetDateTime before = now();
        int rows = 20_000 + (int) reltuples();
        try {
            // Autovacuum analysing the table first would leave the refresh nothing to do.
            sql("alter table installed_product set (autovacuum_enabled = false)");
            sql(
                    "insert into installed_product (asset_id, position, identity, product)"
                            + " select gen_random_uuid(), 0, $1, 'p' from generate_series(1, $2)",
                    IDENTITY,
                    rows);
            // The inserting connection reports its changes to the statistics within a few seconds.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        statistics.refreshOutgrown().await().indefinitely();
                        OffsetDateTime analysed = lastAnalyse();
                        assertTrue(
                                analysed != null && analysed.isAfter(before), "analysed by the refresh: " + analysed);
                    });
            assertTrue(reltuples() >= rows, "the statistics count the new rows: " + reltuples());

            OffsetDateTime analysed = lastAnalyse();
            statistics.refreshOutgrown().await().indefinitely();
            assertEquals(analysed, lastAnalyse(), "statistics that describe the table are kept");
        } finally {
            sql("delete from installed_product where identity = $1", IDENTITY);
            sql("alter table installed_product reset (autovacuum_enabled)");
        }
    }

    private double reltuples() {
        return one("select greatest(reltuples, 0)::float8 from pg_class where oid = 'installed_product'::regclass")
                .getDouble(0);
    }

    /** When the table was last analysed by a command (autovacuum's own analyses are counted apart). */
    private OffsetDateTime lastAnalyse() {
        return one("select last_analyze from pg_stat_user_tables where relid = 'installed_product'::regclass")
                .getOffsetDateTime(0);
    }

    private OffsetDateTime now() {
        return one("select clock_timestamp()").getOffsetDateTime(0);
    }

    private Row one(String query) {
        return pool.query(query).execute().await().indefinitely().iterator().next();
    }

    private void sql(String statement, Object... parameters) {
        pool.preparedQuery(statement).execute(Tuple.from(parameters)).await().indefinitely();
    }
}
