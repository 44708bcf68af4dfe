package vn.canhgac.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How many events a read model still has to apply, read from the Kafka client's lag as the client reports it. */
class ConsumerFreshnessTest {

    private final MeterRegistry metrics = new SimpleMeterRegistry();
    private final ConsumerFreshness freshness = new ConsumerFreshness(metrics);

    @Test
    void eachPartitionCountsOnceThoughTheClientReportsItUnderTwoNames() {
        lag("inventory.assets", 0, 120);
        lag("inventory_assets", 0, 120);
        lag("inventory.assets", 1, 30);
        lag("inventory_assets", 1, 30);
        lag("inventory.assets", 2, 0);

        assertEquals(Optional.of(150L), freshness.lagOf("inventory.assets"));
    }

    @Test
    void anotherTopicAndAnUnknownLagCountNothing() {
        lag("inventory.organizations", 0, 7);
        lag("inventory.assets", 0, Double.NaN);

        assertEquals(Optional.empty(), freshness.lagOf("inventory.assets"));
        assertEquals(Optional.of(7L), freshness.lagOf("inventory.organizations"));
    }

    @Test
    void onlyTheUnderscoredNameIsEnough() {
        lag("advisory_exposures", 3, 42);

        assertEquals(Optional.of(42L), freshness.lagOf("advisory.exposures"));
    }

    @Test
    void workWaitingBesideTheTopicCountsAsBehindEvenWithoutALag() {
        freshness.waiting("advisory-service.assets", 250);
        assertEquals(Optional.of(250L), freshness.behind("advisory-service.assets"));

        freshness.waiting("advisory-service.assets", 0);
        assertEquals(Optional.empty(), freshness.behind("advisory-service.assets"));
        assertEquals(Optional.empty(), freshness.behind("incident-service.assets"));
    }

    /**
     * A read model that misses nothing is current as of now, though its newest event may be hours old (a quiet
     * platform, or a restart with nothing new); known before its first batch once its topic is named. With events
     * fetched and not applied yet (a batch in flight, which the lag no longer counts) or work waiting, it is as of what
     * it applied; with nothing known, nothing is said.
     */
    @Test
    void aReadModelWithNothingWaitingIsCurrentAsOfNow() {
        String consumer = "advisory-service.assets";
        assertEquals(Optional.empty(), freshness.asOf(consumer));

        freshness.consumes(consumer, "inventory.assets");
        assertEquals(Optional.empty(), freshness.asOf(consumer));
        lag("inventory.assets", 0, 0);
        Instant before = Instant.now();
        Instant asOf = freshness.asOf(consumer).orElseThrow();
        assertFalse(asOf.isBefore(before));

        freshness.received(consumer, 1000);
        assertEquals(Optional.of(1000L), freshness.behind(consumer));
        assertEquals(Optional.empty(), freshness.asOf(consumer));
        freshness.settled(consumer, 1000);
        assertFalse(freshness.asOf(consumer).orElseThrow().isBefore(asOf));

        freshness.waiting(consumer, 3);
        assertEquals(Optional.empty(), freshness.asOf(consumer));
    }

    private void lag(String topic, int partition, double value) {
        Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> value)
                .tag("topic", topic)
                .tag("partition", String.valueOf(partition))
                .tag("client_id", "kafka-consumer-" + topic + "-" + partition)
                .register(metrics);
    }
}
