package vn.canhgac.commons.organization;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;

/**
 * Keeps the service's replica of inventory's organisations, from their events only. Present in the services
 * that set {@code canhgac.organizations.replica=true} (all but inventory-service, which owns the source).
 */
@ApplicationScoped
@IfBuildProperty(name = "canhgac.organizations.replica", stringValue = "true")
public class OrganizationEventsConsumer {

    private final BatchConsumer consumer;
    private final EventData events;
    private final OrganizationReplicas replicas;
    private final String consumerName;

    public OrganizationEventsConsumer(
            BatchConsumer consumer,
            EventData events,
            OrganizationReplicas replicas,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.consumer = consumer;
        this.events = events;
        this.replicas = replicas;
        this.consumerName = application + ".organizations";
    }

    /** A batch of organisation events in one transaction, applied in their order (a parent before its child). */
    @Incoming("organizations")
    public Uni<Void> onOrganizations(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                consumerName,
                batch,
                event -> events.read(event, OrganizationEvent.class),
                (connection, received) -> BatchConsumer.inOrder(
                        BatchConsumer.data(received), organization -> replicas.apply(connection, organization)));
    }
}
