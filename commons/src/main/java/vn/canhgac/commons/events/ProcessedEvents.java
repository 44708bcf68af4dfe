package vn.canhgac.commons.events;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets the processed markers of {@link BatchConsumer} after a retention (two weeks by default). A marker stops an
 * event redelivered after a crash (applied, offsets not committed) from being applied twice; such a redelivery comes
 * within minutes. Kept for ever, markers were 4.7 million rows after a day of benchmarks, a table and an index that
 * every consumer's insert walks. They go in chunks, each its own short transaction, so that a first run on a grown
 * table holds no lock for long.
 * <p>
 * The topics the consumers read are compacted: each key's latest event stays for ever, and a consumer group whose
 * offsets the broker forgot (a service stopped longer than a week) starts again from the oldest. For such old events
 * a consumer must be idempotent without its markers: by version (replicas), by replacing what the event names, by
 * telling only recent news (notification-service's {@code canhgac.notifications.news-for}, which must stay shorter
 * than the retention), or by keeping to {@link #remembered} events (botnet hits, which open incidents).
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    static final int CHUNK = 10_000;

    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private static final String FORGET_CHUNK = """
            delete from processed_event where id in (
                select id from processed_event where processed_at < $1 limit $2)""";

    private final Pool pool;
    private final Duration retention;

    public ProcessedEvents(
            Pool pool,
            @ConfigProperty(name = "canhgac.events.processed-retention", defaultValue = "P14D") Duration retention) {
        this.pool = pool;
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return forgetExpired()
                .invoke(forgotten -> {
                    if (forgotten > 0) {
                        LOG.infof("Forgot %d processed markers older than %s", forgotten, retention);
                    }
                })
                .onFailure()
                .invoke(failure -> LOG.warnf("Processed markers not expired this time: %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * The events published since the oldest marker kept: an older one may have been applied and its marker
     * forgotten, so it is history, not news (an event that does not say when it was published is kept).
     */
    public <T> List<BatchConsumer.Read<T>> remembered(List<BatchConsumer.Read<T>> events) {
        Instant horizon = horizon();
        return events.stream()
                .filter(read ->
                        read.event().time() == null || read.event().time().isAfter(horizon))
                .toList();
    }

    /**
     * Events published before this may have lost their marker. An hour short of the retention, so that clocks a
     * little apart (the producer's, the consumer's, the database's) cannot let one through.
     */
    public Instant horizon() {
        return Instant.now().minus(retention).plus(CLOCK_MARGIN);
    }

    /** The retention of the markers. */
    public Duration retention() {
        return retention;
    }

    /** Deletes the markers older than the retention, a chunk at a time; answers how many. */
    public Uni<Long> forgetExpired() {
        Tuple cutoff = Tuple.of(Instant.now().minus(retention).atOffset(ZoneOffset.UTC), CHUNK);
        return Multi.createBy()
                .repeating()
                .uni(() -> pool.preparedQuery(FORGET_CHUNK).execute(cutoff).map(rows -> rows.rowCount()))
                .whilst(deleted -> deleted == CHUNK)
                .collect()
                .with(Collectors.summingLong(Integer::longValue));
    }
}
