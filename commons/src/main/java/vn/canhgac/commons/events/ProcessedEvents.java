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
 * Forgets the processed markers of {@link BatchConsumer} once their events can no longer come back. A marker stops a
 * redelivered event from being applied twice, and an event is redelivered only while its topic holds it: Kafka keeps
 * a topic seven days ({@code log.retention.hours=168}), so markers are kept twice as long by default. Kept for ever,
 * they were 4.7 million rows after a day of benchmarks, a table and index every consumer's insert walks. They go in
 * chunks, each its own short transaction, so that a first run on a grown table holds no lock for long.
 * <p>
 * State topics are compacted, and a consumer group whose offsets Kafka forgot (a service stopped longer than the
 * broker keeps them) starts again from their oldest events. A consumer of full state ignores older versions by
 * itself; one whose effect is not idempotent by itself (it opens an incident) keeps to {@link #remembered} events.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    static final int CHUNK = 10_000;

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
        Instant horizon = Instant.now().minus(retention);
        return events.stream()
                .filter(read ->
                        read.event().time() == null || read.event().time().isAfter(horizon))
                .toList();
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
