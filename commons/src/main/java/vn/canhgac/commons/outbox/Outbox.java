package vn.canhgac.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.events.EventTopics;
import vn.canhgac.commons.json.RawJson;
import vn.canhgac.commons.requestid.RequestIdFilter;

/**
 * Records an event in the caller's transaction. Call it from inside the {@code @WithTransaction} that makes
 * the change: the event is then committed with the change or not at all, and {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT_BATCH = """
            insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at, request_id)
            select gen_random_uuid(), $1, u.event_key, $2, u.event_key, u.payload::json, now(), $3
            from unnest($4::text[], $5::text[]) with ordinality as u(event_key, payload, position)
            order by u.position""";

    /** An event of a batch: the aggregate's id and its payload. */
    public record Keyed(String key, Object data) {}

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
        if (data instanceof RawJson raw) {
            return raw.json();
        }
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + data.getClass(), e);
        }
    }

    /**
     * Records a batch of events of one type on a SQL connection whose transaction the caller holds (bulk
     * imports), in the order given, in one statement.
     */
    public Uni<Void> recordAll(SqlClient connection, String topic, String type, List<Keyed> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = events.get(i).key();
            payloads[i] = serialise(events.get(i).data());
        }
        Tuple row = Tuple.tuple()
                .addString(topics.physical(topic))
                .addString(type)
                .addString(RequestIdFilter.current())
                .addArrayOfString(keys)
                .addArrayOfString(payloads);
        return connection.preparedQuery(INSERT_BATCH).execute(row).replaceWithVoid();
    }
}
