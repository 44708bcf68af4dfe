package vn.canhgac.commons.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * For a transaction that claims the first rows of a queue table ({@code order by id limit n for update skip locked}):
 * they are read through the queue's index, whatever the table's statistics say.
 *
 * <p>A queue is empty most of the time, and its statistics say so. PostgreSQL caches each connection's plan of a
 * prepared statement; a plan made while the queue was empty scans the table and sorts all of it, and stays. With
 * 100,000 events waiting after an import, each claim of 500 then sorted the whole outbox on disk, about 200 ms, for
 * every batch (docs/performance.md, issue 13, seventh part). With sorting off, a sort is priced out and the planner
 * walks the index that gives the claim its order (the queue must have one), reading what the claim takes. Every plan
 * of the claim is then made with sorting off, the cached one too. The setting lasts until the transaction ends.
 */
public final class QueueOrder {

    private static final String NO_SORT = "select set_config('enable_sort', 'off', true)";

    private QueueOrder() {}

    /** Run first in the transaction, before its claim is planned. */
    public static Uni<Void> readThroughTheIndex(SqlConnection connection) {
        return connection.query(NO_SORT).execute().replaceWithVoid();
    }
}
