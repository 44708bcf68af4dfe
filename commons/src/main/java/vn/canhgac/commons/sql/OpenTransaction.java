package vn.canhgac.commons.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The transaction a change is being written in, whichever data access writes it (decision record 10). Commons
 * writes its own rows (the outbox, the audit trail) through it, so they commit with the change or not at all:
 * {@link #on} for a connection of the reactive SQL client whose transaction the caller holds; inventory's
 * Panache aggregates pass the Hibernate Reactive session of their {@code @WithTransaction} instead.
 */
public interface OpenTransaction {

    static OpenTransaction on(SqlClient connection) {
        return rows -> rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery(rows.arrayStatement())
                        .execute(rows.arrays())
                        .replaceWithVoid();
    }

    /** Inserts the rows, in their order, in this transaction. */
    Uni<Void> insert(Rows rows);
}
