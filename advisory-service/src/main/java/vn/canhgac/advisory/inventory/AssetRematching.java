package vn.canhgac.advisory.inventory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.commons.events.ConsumerFreshness;
import vn.canhgac.commons.sql.Attempts;

/**
 * Matches again, without waiting for their next event, the assets that something beside them asked to be
 * ({@code asset_rematch}: an advisory withdrawn or revised while a KEV entry is about one of its CVEs). An agency may
 * import its inventory once a month; a KEV entry's hit that the advisory held back should not wait that long. The asset batch
 * still takes the requests of the assets it applies; this job takes the others, a bounded batch per transaction.
 * A batch the database refuses for good (a value it rejects) is matched again in halves, each in its own transaction, until
 * the assets refused alone are found: their requests are set aside with the failure (the asset's next event takes
 * them up again; {@code canhgac.rematch.set.aside} counts them), and the others are matched.
 */
@ApplicationScoped
public class AssetRematching {

    private static final Logger LOG = Logger.getLogger(AssetRematching.class);

    /**
     * Takes up to {@code $1} requested assets and deletes their requests, after the matching lock (shared, as asset
     * batches take it). Each asset's row is locked as an asset batch locks it, so the two never match one asset at
     * once; {@code skip locked}: an asset a batch holds is left to that batch (it takes the request itself), and the
     * job waits for no asset's row, so it closes no cycle with the batches' own order. The requests of assets the
     * replica does not hold are dropped. {@code $2}: only the requests of these assets (null: any). {@code taken_at}:
     * a time after the lock was granted (see {@link #SET_ASIDE}).
     */
    private static final String TAKE = """
            with requested as (select distinct asset_id from asset_rematch
                               where failed_at is null and ($2::uuid[] is null or asset_id = any($2))
                               order by asset_id limit $1),
            taken as (select a.id, a.deleted from asset_replica a where a.id in (select asset_id from requested)
                      for update skip locked),
            done as (delete from asset_rematch m where m.asset_id in (select asset_id from requested)
                     and (m.asset_id in (select id from taken)
                          or not exists (select 1 from asset_replica a where a.id = m.asset_id)))
            select id, deleted, clock_timestamp() as taken_at from taken""";

    private static final String WAITING = """
            select count(distinct asset_id) filter (where failed_at is null) as waiting,
                   count(distinct asset_id) filter (where failed_at is not null) as set_aside
            from asset_rematch""";

    /** The assets {@link #TAKE} would take next. */
    private static final String NEXT_REQUESTED =
            "select distinct asset_id from asset_rematch where failed_at is null order by asset_id limit $1";

    /**
     * The requests of an asset whose matching the database refused for good, kept with the failure: those made before
     * the refused try took its requests ({@code $3}, its {@code taken_at}), which that try saw. A request is made under
     * the matching lock held exclusively, and stamped then ({@code since}, the clock at its insert): made before the
     * try had the lock, it was committed before the try read the requests. One made after is left for the next run.
     */
    private static final String SET_ASIDE = """
            update asset_rematch set failed_at = now(), failure = $2
            where asset_id = $1 and failed_at is null and since <= $3""";

    private final Pool pool;
    private final ExposureMatcher matcher;
    private final ConsumerFreshness freshness;
    private final int batchSize;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong setAsideAssets = new AtomicLong();

    public AssetRematching(
            Pool pool,
            ExposureMatcher matcher,
            ConsumerFreshness freshness,
            MeterRegistry metrics,
            @ConfigProperty(name = "canhgac.rematch.batch-size", defaultValue = "1000") int batchSize) {
        this.pool = pool;
        this.matcher = matcher;
        this.freshness = freshness;
        this.batchSize = batchSize;
        Gauge.builder("canhgac.rematch.set.aside", setAsideAssets::get)
                .description("Assets whose matching again the database refused; their next event takes them up again")
                .register(metrics);
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
        return Attempts.untilNoneLeft(
                () -> matchNextBatch().map(taken -> taken > 0), "Matching requested assets again");
    }

    /**
     * The requests waiting, counted into the asset read model's freshness ({@code Canhgac-Data-Behind}): after a
     * withdrawal, the exposures are that many assets behind the advisories until the job has matched them. Those set
     * aside are not: no run of the job will match them.
     */
    private Uni<Long> countWaiting() {
        return pool.query(WAITING)
                .execute()
                .map(rows -> {
                    Row counts = rows.iterator().next();
                    setAsideAssets.set(counts.getLong("set_aside"));
                    return counts.getLong("waiting");
                })
                .invoke(this::tellWaiting)
                .onFailure()
                .recoverWithItem(waiting::get);
    }

    private void tellWaiting(long count) {
        waiting.set(count);
        freshness.waiting(AssetEventsConsumer.CONSUMER, count);
    }

    /**
     * Matches a batch of requested assets again; answers how many requests' assets it took or set aside (0: none left).
     */
    private Uni<Integer> matchNextBatch() {
        return takeAndMatch(null, new AtomicReference<>())
                .onFailure(Attempts::isPermanent)
                .recoverWithUni(failure -> nextRequested().flatMap(this::matchEachHalf))
                .invoke(taken -> tellWaiting(Math.max(0, waiting.get() - taken)));
    }

    /**
     * Takes the next requests, of the assets {@code only} when not null, and matches their assets, in one transaction;
     * answers how many requests' assets it took, and keeps in {@code takenAt} when it took them.
     */
    private Uni<Integer> takeAndMatch(List<UUID> only, AtomicReference<OffsetDateTime> takenAt) {
        UUID[] assets = only == null ? null : only.toArray(UUID[]::new);
        return pool.withTransaction(connection -> matcher.lockForAssets(connection)
                .flatMap(locked -> connection.preparedQuery(TAKE).execute(Tuple.of(batchSize, assets)))
                .flatMap(rows -> {
                    List<UUID> live = new ArrayList<>();
                    rows.forEach(row -> {
                        takenAt.set(row.getOffsetDateTime("taken_at"));
                        if (!row.getBoolean("deleted")) {
                            live.add(row.getUUID("id"));
                        }
                    });
                    return matcher.matchAssets(connection, live)
                            .invoke(report -> LOG.debugf("%d assets matched again on request: %s", live.size(), report))
                            .replaceWith(rows.size());
                }));
    }

    /** Matches each half of the assets on its own: a batch the database refused is not tried whole again. */
    private Uni<Integer> matchEachHalf(List<UUID> assets) {
        if (assets.size() <= 1) {
            return matchOrIsolate(assets);
        }
        return matchOrIsolate(assets.subList(0, assets.size() / 2))
                .flatMap(first -> matchOrIsolate(assets.subList(assets.size() / 2, assets.size()))
                        .map(second -> first + second));
    }

    /**
     * Matches the requested assets in one transaction; if the database refuses them for good, each half in its own,
     * down to the assets it refuses alone, whose requests are set aside with the failure.
     */
    private Uni<Integer> matchOrIsolate(List<UUID> assets) {
        if (assets.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        AtomicReference<OffsetDateTime> takenAt = new AtomicReference<>();
        return takeAndMatch(assets, takenAt)
                .onFailure(Attempts::isPermanent)
                .recoverWithUni(failure -> assets.size() == 1
                        ? setAside(assets.getFirst(), takenAt.get(), failure)
                        : matchEachHalf(assets));
    }

    private Uni<List<UUID>> nextRequested() {
        return pool.preparedQuery(NEXT_REQUESTED).execute(Tuple.of(batchSize)).map(rows -> {
            List<UUID> assets = new ArrayList<>();
            rows.forEach(row -> assets.add(row.getUUID(0)));
            return assets;
        });
    }

    private Uni<Integer> setAside(UUID asset, OffsetDateTime takenAt, Throwable failure) {
        LOG.errorf("Asset %s could not be matched again and its request is set aside: %s", asset, failure);
        return pool.preparedQuery(SET_ASIDE)
                .execute(Tuple.of(asset, String.valueOf(failure), takenAt))
                .map(rows -> rows.rowCount() > 0 ? 1 : 0);
    }
}
