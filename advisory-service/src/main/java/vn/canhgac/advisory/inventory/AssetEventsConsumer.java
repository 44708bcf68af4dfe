package vn.canhgac.advisory.inventory;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.events.IdempotentConsumer;

/**
 * Keeps the asset read model from {@code inventory.assets} and matches every changed asset against the active
 * advisories and botnet lists, in the transaction that applies the event: an exposure is never missed because
 * the service stopped between the two. A deleted asset's open exposures are resolved.
 */
@ApplicationScoped
public class AssetEventsConsumer {

    private static final String CONSUMER = "advisory-service.assets";

    private final IdempotentConsumer consumer;
    private final AssetReplicas replicas;
    private final ExposureMatcher matcher;
    private final EventData events;

    public AssetEventsConsumer(
            IdempotentConsumer consumer, AssetReplicas replicas, ExposureMatcher matcher, EventData events) {
        this.consumer = consumer;
        this.replicas = replicas;
        this.matcher = matcher;
        this.events = events;
    }

    @Incoming("assets")
    public Uni<Void> onAsset(Message<String> message) {
        return consumer.consume(CONSUMER, message, (connection, event) -> {
            AssetEvent asset = events.read(event, AssetEvent.class);
            return replicas.apply(connection, asset).flatMap(applied -> {
                if (!applied) {
                    return Uni.createFrom().voidItem();
                }
                return (asset.deleted()
                                ? matcher.retireAsset(connection, asset.id())
                                : matcher.matchAsset(connection, asset.id()))
                        .replaceWithVoid();
            });
        });
    }
}
