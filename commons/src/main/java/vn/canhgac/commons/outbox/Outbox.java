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
import vn.canhgac.commons.contracts.EventContract;
import vn.canhgac.commons.events.EventTopics;
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

    private final ObjectMapper json;
    private final EventTopics topics;

    public Outbox(ObjectMapper json, EventTopics topics) {
        this.json = json;
        this.topics = topics;
    }

    /** Records one event of the given contract; its key (and subject) is the contract's key of the data. */
    public <T> Uni<OutboxEvent> record(EventContract<T> contract, T data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topics.physical(contract.topic());
        event.type = contract.type();
        event.key = contract.keyOf(data);
        event.subject = event.key;
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

    /**
     * Records a batch of events of one type on a SQL connection whose transaction the caller holds (bulk
     * imports), in the order given, in one statement.
     */
    public <T> Uni<Void> recordAll(SqlClient connection, EventContract<T> contract, List<T> events) {
        return recordAllSerialised(
                connection,
                contract,
                events.stream().map(e -> serialised(contract, e)).toList());
    }

    /** Serialises an event once, when the caller also keeps its JSON (an import's audit trail holds the same). */
    public <T> Serialised<T> serialised(EventContract<T> contract, T data) {
        return new Serialised<>(contract.keyOf(data), serialise(data));
    }

    /** An event's key and JSON, written by {@link #serialised}. */
    public record Serialised<T>(String key, String json) {}

    public <T> Uni<Void> recordAllSerialised(
            SqlClient connection, EventContract<T> contract, List<Serialised<T>> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = events.get(i).key();
            payloads[i] = events.get(i).json();
        }
        Tuple row = Tuple.tuple()
                .addString(topics.physical(contract.topic()))
                .addString(contract.type())
                .addString(RequestIdFilter.current())
                .addArrayOfString(keys)
                .addArrayOfString(payloads);
        return connection.preparedQuery(INSERT_BATCH).execute(row).replaceWithVoid();
    }
}
