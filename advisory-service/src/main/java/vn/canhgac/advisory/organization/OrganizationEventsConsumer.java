package vn.canhgac.advisory.organization;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.canhgac.commons.events.IdempotentConsumer;
import vn.canhgac.commons.organization.OrganizationReplicas;

/** Keeps this service's replica of inventory's organisations, from their events only. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    static final String CONSUMER = "advisory-service.organizations";

    private final IdempotentConsumer consumer;
    private final OrganizationReplicas replicas;

    public OrganizationEventsConsumer(IdempotentConsumer consumer, OrganizationReplicas replicas) {
        this.consumer = consumer;
        this.replicas = replicas;
    }

    @Incoming("organizations")
    public Uni<Void> onOrganization(Message<String> message) {
        return consumer.consume(CONSUMER, message, replicas::apply);
    }
}
