package vn.canhgac.advisory.inventory;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Tests that need assets matched again from nothing delete their exposures, the history of those first, and their
 * events not sent yet: the relay reads an event's data from its exposure as it sends it, and would park the event of
 * an exposure gone (RenderedEventsTest).
 */
final class ForgottenExposures {

    private ForgottenExposures() {}

    static void of(Pool pool, List<UUID> assets) {
        Tuple ids = Tuple.of((Object) assets.toArray(UUID[]::new));
        pool.withTransaction(c -> c.preparedQuery(
                                "delete from exposure_history where exposure_id in (select id from exposure where asset_id = any($1))")
                        .execute(ids)
                        .flatMap(ignored -> c.preparedQuery("delete from outbox_event where event_key in"
                                        + " (select id::text from exposure where asset_id = any($1))")
                                .execute(ids))
                        .flatMap(ignored -> c.preparedQuery("delete from exposure where asset_id = any($1)")
                                .execute(ids)))
                .await()
                .indefinitely();
    }
}
