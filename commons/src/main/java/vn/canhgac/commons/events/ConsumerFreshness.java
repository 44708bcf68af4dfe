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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How fresh each read model is: the publication time of the newest event it applied, and how many events of its
 * topic wait to be applied (the Kafka consumer's own lag, per partition, summed), with the work its service said
 * waits beside them. Lists built from a read model
 * show both ({@link ReadModel}); the age is also a metric ({@code canhgac.read.model.age.seconds}).
 */
@ApplicationScoped
public class ConsumerFreshness {

    /** What a read model holds: events up to {@code asOf} (their publication), applied at {@code appliedAt}. */
    public record Freshness(String topic, Instant asOf, Instant appliedAt, long applied) {}

    private final Map<String, Freshness> consumers = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Long>> newestByPartition = new ConcurrentHashMap<>();
    private final Map<String, Long> waitingWork = new ConcurrentHashMap<>();
    private final Map<String, String> topics = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;

    public ConsumerFreshness(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void applied(String consumer, KafkaRecordBatch<String, String> batch) {
        Map<Integer, Long> partitions = newestByPartition.computeIfAbsent(consumer, c -> new ConcurrentHashMap<>());
        String topic = null;
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            partitions.merge(record.getPartition(), record.getTimestamp().toEpochMilli(), Math::max);
            topic = record.getTopic();
        }
        if (topic == null) {
            return;
        }
        topics.putIfAbsent(consumer, topic);
        // A read model is as fresh as its most behind partition (each partition is its own consumer).
        Instant asOf = Instant.ofEpochMilli(
                partitions.values().stream().mapToLong(Long::longValue).min().orElse(0));
        long applied = batch.getRecords().size();
        Freshness before = consumers.get(consumer);
        consumers.put(
                consumer,
                new Freshness(topic, asOf, Instant.now(), before == null ? applied : before.applied() + applied));
        if (before == null) {
            Gauge.builder("canhgac.read.model.age.seconds", () -> ageSeconds(consumer))
                    .description("Seconds between now and the publication of the newest event a read model applied"
                            + " (it grows while nothing is published: read it beside the lag)")
                    .tag("consumer", consumer)
                    .register(metrics);
        }
    }

    /** A batch handed to the consumer: its records are behind until it is settled (fetched, so out of the lag). */
    void received(String consumer, int records) {
        inFlight.computeIfAbsent(consumer, c -> new AtomicLong()).addAndGet(records);
    }

    /** The batch is applied (or has failed for good): its records no longer wait. */
    void settled(String consumer, int records) {
        inFlight.computeIfAbsent(consumer, c -> new AtomicLong()).addAndGet(-records);
    }

    public Optional<Freshness> of(String consumer) {
        return Optional.ofNullable(consumers.get(consumer));
    }

    /**
     * Names the topic a read model consumes, so that its lag is known before it applies anything: after a restart on
     * a quiet platform, no batch may come for hours.
     */
    public void consumes(String consumer, String topic) {
        topics.put(consumer, topic);
    }

    /**
     * Until when the read model holds what was published: now, when nothing waits (its lag is known and 0, no batch is
     * being applied and no work waits beside it); otherwise the publication of the newest event it applied; empty when neither is known. On a
     * quiet platform the newest event may be a day old while the read model misses nothing: "as of yesterday" would
     * tell the reader the figures are stale when they are not.
     */
    public Optional<Instant> asOf(String consumer) {
        if (behind(consumer).filter(waiting -> waiting == 0).isPresent()) {
            return Optional.of(Instant.now());
        }
        return of(consumer).map(Freshness::asOf);
    }

    /**
     * Events of the consumer's topic not applied yet: the Kafka client's lag (what it has not fetched), the records of
     * the batches it fetched and is applying (the lag no longer counts them: a batch waiting behind a publication's
     * lock is still behind), and the work its service still has to do on what it applied ({@link #waiting}); empty
     * when none is known.
     */
    public Optional<Long> behind(String consumer) {
        String topic = topics.get(consumer);
        Optional<Long> lag = topic == null ? Optional.empty() : lagOf(topic);
        AtomicLong fetched = inFlight.get(consumer);
        long work = waitingWork.getOrDefault(consumer, 0L) + (fetched == null ? 0 : Math.max(0, fetched.get()));
        if (work == 0) {
            return lag;
        }
        return Optional.of(lag.orElse(0L) + work);
    }

    /**
     * Work on the read model that waits beside its topic's backlog, as its service last counted it (advisory-service:
     * assets asked to be matched again): the answers built from it are that much behind too.
     */
    public void waiting(String consumer, long work) {
        waitingWork.put(consumer, Math.max(0, work));
    }

    /**
     * The Kafka client's lag of a topic, summed over its partitions. The client reports each partition twice, under
     * the topic's name and under the name with '_' for '.': each partition counts once (both were summed before, and
     * the count was twice the truth).
     */
    Optional<Long> lagOf(String topic) {
        String name = topic.replace('.', '_');
        Map<String, Double> byPartition = metrics.find("kafka.consumer.fetch.manager.records.lag").gauges().stream()
                .filter(gauge -> name.equals(
                        String.valueOf(gauge.getId().getTag("topic")).replace('.', '_')))
                .filter(gauge -> !Double.isNaN(gauge.value()) && gauge.value() >= 0)
                .collect(Collectors.toMap(
                        gauge -> String.valueOf(gauge.getId().getTag("partition")), Gauge::value, Math::max));
        return byPartition.isEmpty()
                ? Optional.empty()
                : Optional.of((long) byPartition.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum());
    }

    private double ageSeconds(String consumer) {
        Freshness freshness = consumers.get(consumer);
        return freshness == null
                ? Double.NaN
                : (System.currentTimeMillis() - freshness.asOf().toEpochMilli()) / 1000.0;
    }
}
