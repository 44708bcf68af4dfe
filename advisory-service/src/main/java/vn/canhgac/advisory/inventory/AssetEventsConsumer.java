package vn.canhgac.advisory.inventory;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.ConsumerFreshness;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.events.EventTopics;

/**
 * Keeps the asset read model from {@code inventory.assets} and matches every changed asset against the active
 * advisories and botnet lists, a batch of events at a time, in the transaction that applies them: an exposure is
 * never missed because the service stopped between the two. An asset is changed when what matching reads of it
 * changed ({@link MatchingInputs}); an event that only moves its version, hostname or last-seen time (an inventory
 * imported again) is applied without matching. A deleted asset's open exposures are resolved. After a batch, the
 * statistics of the tables it outgrew are refreshed ({@link MatchingStatistics}).
 */
@ApplicationScoped
@Startup // names its topic to the freshness at start, not at its first batch: a quiet read model is current too
public class AssetEventsConsumer {

    /** The read model's name: its processed markers and its freshness. */
    public static final String CONSUMER = "advisory-service.assets";

    private final BatchConsumer consumer;
    private final AssetReplicas replicas;
    private final ExposureMatcher matcher;
    private final EventData events;
    private final MatchingStatistics statistics;

    public AssetEventsConsumer(
            BatchConsumer consumer,
            AssetReplicas replicas,
            ExposureMatcher matcher,
            EventData events,
            MatchingStatistics statistics,
            ConsumerFreshness freshness,
            EventTopics topics) {
        freshness.consumes(CONSUMER, topics.physical(EventTopics.ASSETS));
        this.consumer = consumer;
        this.replicas = replicas;
        this.matcher = matcher;
        this.events = events;
        this.statistics = statistics;
    }

    @Incoming("assets")
    public Uni<Void> onAssets(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                        CONSUMER,
                        batch,
                        event -> events.read(event, AssetEvent.class),
                        (connection, received) -> replicas.applyAll(
                                        connection,
                                        received.stream()
                                                .map(BatchConsumer.Read::data)
                                                .toList())
                                .flatMap(changed -> matcher.retireAssets(connection, idsOf(changed, true))
                                        .call(() -> matcher.matchAssets(connection, idsOf(changed, false))))
                                .replaceWithVoid())
                .call(statistics::refreshOutgrown);
    }

    private static List<UUID> idsOf(List<AssetEvent> assets, boolean deleted) {
        return assets.stream()
                .filter(a -> a.deleted() == deleted)
                .map(AssetEvent::id)
                .toList();
    }
}
