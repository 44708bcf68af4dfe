package vn.canhgac.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.canhgac.commons.events.EventTopics;
import vn.canhgac.commons.requestid.RequestIdFilter;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Call it from inside the {@code @WithTransaction} that makes
 * the change: the event is then committed with the change or not at all, and {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final EventTopics topics;

    public Outbox(ObjectMapper json, EventTopics topics) {
        this.json = json;
        this.topics = topics;
    }

    /**
     * @param topic   the logical topic ({@code inventory.organizations}); the environment's prefix is added here
     * @param type    the CloudEvent type, versioned ({@code canhgac.organization.upserted.v1})
     * @param key     the aggregate's id: Kafka key and CloudEvent subject
     * @param data    the payload, serialised as JSON
     */
    public Uni<OutboxEvent> record(String topic, String type, String key, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topics.physical(topic);
        event.type = type;
        event.key = key;
        event.subject = key;
        event.payload = serialise(data);
        event.occurredAt = Instant.now();
        event.requestId = RequestIdFilter.current();
        return event.persist();
    }

    private String serialise(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + data.getClass(), e);
        }
    }
}
