package vn.canhgac.advisory.inventory;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.commons.events.ConsumerFreshness;

/**
 * Matches again, without waiting for their next event, the assets that something beside them asked to be
 * ({@code asset_rematch}: an advisory withdrawn or revised while a KEV entry is about one of its CVEs). An agency may
 * import its inventory once a month; a KEV entry's hit that the advisory held back should not wait that long. The asset batch
 * still takes the requests of the assets it applies; this job takes the others, a bounded batch per transaction.
 */
@ApplicationScoped
public class AssetRematching {

    private static final Logger LOG = Logger.getLogger(AssetRematching.class);

    /**
     * Takes up to {@code $1} requested assets and deletes their requests, after the matching lock (shared, as asset
     * batches take it). Each asset's row is locked as an asset batch locks it, so the two never match one asset at
     * once; {@code skip locked}: an asset a batch holds is left to that batch (it takes the request itself), and the
     * job waits for no asset's row, so it closes no cycle with the batches' own order. The requests of assets the
     * replica does not hold are dropped.
     */
    private static final String TAKE = """
            with requested as (select distinct asset_id from asset_rematch order by asset_id limit $1),
            taken as (select a.id, a.deleted from asset_replica a where a.id in (select asset_id from requested)
                      for update skip locked),
            done as (delete from asset_rematch m where m.asset_id in (select asset_id from requested)
                     and (m.asset_id in (select id from taken)
                          or not exists (select 1 from asset_replica a where a.id = m.asset_id)))
            select id, deleted from taken""";

    private static final String WAITING = "select count(distinct asset_id) from asset_rematch";

    private final Pool pool;
    private final ExposureMatcher matcher;
    private final ConsumerFreshness freshness;
    private final int batchSize;
    private final AtomicLong waiting = new AtomicLong();

    public AssetRematching(
            Pool pool,
            ExposureMatcher matcher,
            ConsumerFreshness freshness,
            @ConfigProperty(name = "canhgac.rematch.batch-size", defaultValue = "1000") int batchSize) {
        this.pool = pool;
        this.matcher = matcher;
        this.freshness = freshness;
        this.batchSize = batchSize;
    }

    @Scheduled(
            every = "${canhgac.rematch.interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    Uni<Void> matchRequested() {
        return countWaiting()
                .flatMap(waiting -> waiting == 0
                        ? Uni.createFrom().voidItem()
                        : matchUntilNoneLeft().call(this::countWaiting));
    }

    private Uni<Void> matchUntilNoneLeft() {
        return Multi.createBy()
                .repeating()
                .uni(this::matchNextBatch)
                .whilst(taken -> taken > 0)
                .onFailure()
                .invoke(failure -> LOG.warnf("Matching requested assets again paused: %s", failure))
                .onFailure()
                .recoverWithCompletion()
                .onItem()
                .ignoreAsUni();
    }

    /**
     * The requests waiting, counted into the asset read model's freshness ({@code Canhgac-Data-Behind}): after a
     * withdrawal, the exposures are that many assets behind the advisories until the job has matched them.
     */
    private Uni<Long> countWaiting() {
        return pool.query(WAITING)
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(this::tellWaiting)
                .onFailure()
                .recoverWithItem(waiting::get);
    }

    private void tellWaiting(long count) {
        waiting.set(count);
        freshness.waiting(AssetEventsConsumer.CONSUMER, count);
    }

    /** Matches a batch of requested assets again; answers how many requests' assets it took (0: none left to take). */
    private Uni<Integer> matchNextBatch() {
        return pool.withTransaction(connection -> matcher.lockForAssets(connection)
                        .flatMap(locked -> connection.preparedQuery(TAKE).execute(Tuple.of(batchSize)))
                        .flatMap(rows -> {
                            List<UUID> live = new ArrayList<>();
                            rows.forEach(row -> {
                                if (!row.getBoolean("deleted")) {
                                    live.add(row.getUUID("id"));
                                }
                            });
                            return matcher.matchAssets(connection, live)
                                    .invoke(report ->
                                            LOG.debugf("%d assets matched again on request: %s", live.size(), report))
                                    .replaceWith(rows.size());
                        }))
                .invoke(taken -> tellWaiting(Math.max(0, waiting.get() - taken)));
    }
}
