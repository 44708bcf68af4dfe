package vn.canhgac.commons.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fresh each read model is: the time of the newest event it applied (when its producer published it) and how
 * many events it applied. Lists built from a read model show it ({@code ReadModelHeaders}), and it is a metric
 * ({@code canhgac.read.model.age.seconds}), beside the Kafka client's own lag per partition.
 */
@ApplicationScoped
public class ConsumerFreshness {

    /** What a read model holds: events up to {@code asOf}, applied at {@code appliedAt}. */
    public record Freshness(Instant asOf, Instant appliedAt, long applied) {}

    private final Map<String, Freshness> consumers = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;

    public ConsumerFreshness(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void applied(String consumer, KafkaRecordBatch<String, String> batch) {
        long newest = 0;
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            newest = Math.max(newest, record.getTimestamp().toEpochMilli());
        }
        if (newest == 0) {
            return;
        }
        Instant asOf = Instant.ofEpochMilli(newest);
        int count = batch.getRecords().size();
        Freshness before = consumers.get(consumer);
        if (before == null) {
            Gauge.builder("canhgac.read.model.age.seconds", () -> ageSeconds(consumer))
                    .description("Seconds between now and the publication of the newest event a read model applied")
                    .tag("consumer", consumer)
                    .register(metrics);
        }
        consumers.merge(
                consumer,
                new Freshness(asOf, Instant.now(), count),
                (old, now) -> new Freshness(
                        old.asOf().isAfter(now.asOf()) ? old.asOf() : now.asOf(),
                        now.appliedAt(),
                        old.applied() + now.applied()));
    }

    public Optional<Freshness> of(String consumer) {
        return Optional.ofNullable(consumers.get(consumer));
    }

    private double ageSeconds(String consumer) {
        Freshness freshness = consumers.get(consumer);
        return freshness == null
                ? Double.NaN
                : (System.currentTimeMillis() - freshness.asOf().toEpochMilli()) / 1000.0;
    }
}
