package vn.canhgac.commons.organization;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.canhgac.commons.events.IdempotentConsumer;

/**
 * Keeps the service's replica of inventory's organisations, from their events only. Present in the services
 * that set {@code canhgac.organizations.replica=true} (all but inventory-service, which owns the source).
 */
@ApplicationScoped
@IfBuildProperty(name = "canhgac.organizations.replica", stringValue = "true")
public class OrganizationEventsConsumer {

    private final IdempotentConsumer consumer;
    private final OrganizationReplicas replicas;
    private final String consumerName;

    public OrganizationEventsConsumer(
            IdempotentConsumer consumer,
            OrganizationReplicas replicas,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.consumer = consumer;
        this.replicas = replicas;
        this.consumerName = application + ".organizations";
    }

    @Incoming("organizations")
    public Uni<Void> onOrganization(Message<String> message) {
        return consumer.consume(consumerName, message, replicas::apply);
    }
}
