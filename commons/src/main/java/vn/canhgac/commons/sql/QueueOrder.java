package vn.canhgac.commons.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * For a transaction that claims the first rows of a queue table ({@code order by id limit n for update skip locked})
 * and then deletes or updates the rows it took by their ids: every statement reads through the queue's indexes,
 * whatever the table's statistics said when it was planned.
 *
 * <p>A queue is empty most of the time, and its statistics say so. PostgreSQL caches each connection's plan of a
 * prepared statement; a plan made while the queue was empty scans the table, and stays. With 100,000 events waiting
 * after an import:
 * <ul>
 *   <li>each claim of 500 sorted the whole outbox on disk, about 200 ms, for every batch (docs/performance.md, issue
 *       13, seventh part);
 *   <li>each deletion of the 500 rows sent read the whole outbox too, 220 ms, 44 s of one import in inventory-service
 *       (ninth part).
 * </ul>
 * With sorting and sequential scans off, both are priced out, and the planner walks the indexes (the claim's order,
 * the ids), reading only what the statement takes. Every plan made in the transaction is made so, the cached one
 * too. The settings last until the transaction ends.
 */
public final class QueueOrder {

    private static final String THROUGH_THE_INDEX =
            "select set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true)";

    private QueueOrder() {}

    /** Run first in the transaction, before its statements are planned. */
    public static Uni<Void> readThroughTheIndex(SqlConnection connection) {
        return connection.query(THROUGH_THE_INDEX).execute().replaceWithVoid();
    }
}
