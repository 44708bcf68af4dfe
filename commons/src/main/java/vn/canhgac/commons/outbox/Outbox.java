package vn.canhgac.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.contracts.EventContract;
import vn.canhgac.commons.events.EventTopics;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.requestid.RequestIdFilter;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.sql.Rows;

/**
 * Records events in the transaction that makes the change they announce: they are committed with it or not at
 * all, and {@link OutboxRelay} publishes them, in the order recorded (per key; see the relay for a row the broker
 * refuses).
 */
@ApplicationScoped
public class Outbox {

    /**
     * What a record carries beside its event: the CloudEvents headers, the key, the record batch's framing. A few
     * hundred bytes in practice; the margin leaves room for a long subject or request id.
     */
    static final int ENVELOPE_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final EventTopics topics;
    private final int largestEvent;

    public Outbox(
            ObjectMapper json,
            EventTopics topics,
            @ConfigProperty(name = "mp.messaging.outgoing.outbox.max.request.size") int largestRecord) {
        this.json = json;
        this.topics = topics;
        this.largestEvent = largestRecord - ENVELOPE_BYTES;
    }

    /**
     * An event's time (CloudEvent {@code time}): when the statement that recorded it began, not its transaction. A
     * consumer may order an exposure's steps by it (notification-service tells a reopen once, by its time): a list's
     * transaction begins before its upload, and a reopen it records after a shorter one's, with a person's close
     * between, would have seemed the older. Every event of one statement shares it, so consumers parse it once.
     */
    private static final String RECORDED_AT = "statement_timestamp()";

    /** Records events of one contract; each one's key (and subject) is the contract's key of its data. */
    public <T> Uni<Void> record(OpenTransaction transaction, EventContract<T> contract, List<T> events) {
        return recordSerialised(
                transaction,
                contract,
                events.stream().map(e -> serialised(contract, e)).toList());
    }

    public <T> Uni<Void> record(OpenTransaction transaction, EventContract<T> contract, T event) {
        return record(transaction, contract, List.of(event));
    }

    /** Records events serialised beforehand, when the caller keeps their JSON too (an import's audit trail). */
    public <T> Uni<Void> recordSerialised(
            OpenTransaction transaction, EventContract<T> contract, List<Serialised<T>> events) {
        Rows rows = Rows.into("outbox_event")
                .computed("event_id", "gen_random_uuid()")
                .same("topic", "text", topics.physical(contract.topic()))
                .column("event_key", "text")
                .same("event_type", "text", contract.type())
                .column("subject", "text")
                .column("payload", "json")
                .computed("occurred_at", RECORDED_AT)
                .same("request_id", "text", RequestIdFilter.current());
        events.forEach(event -> rows.add(event.key(), event.key(), event.json()));
        return transaction.insert(rows);
    }

    /**
     * A step of a statement's {@code with} chain that records one event of {@code contract}'s topic per row of
     * {@code from}, for a statement that makes many changes at once and writes their events itself: sending a
     * hundred thousand changed rows back to be serialised here cost more than making the changes. {@code type},
     * {@code key} and {@code payload} are SQL over a row ({@link #sqlText} writes a contract's type);
     * {@code requestId} is the statement's parameter that holds {@link RequestIdFilter#current()}, e.g. {@code $4}.
     * The payload must be what the contract's Java record serialises to: the caller tests that it is.
     */
    public String insertSql(
            EventContract<?> contract, String from, String type, String key, String payload, String requestId) {
        return insertFrom(contract, from, type, key, "payload", payload, requestId);
    }

    /**
     * As {@link #insertSql}, for events whose data {@code renderer} reads when the relay sends them, so that the
     * statement builds no JSON: a botnet list's hundred thousand hits spent a fifth of their matching on it
     * (decision record 17).
     */
    public String insertRenderedSql(
            EventContract<?> contract,
            String from,
            String type,
            String key,
            OutboxRenderer renderer,
            String requestId) {
        return insertFrom(contract, from, type, key, "rendered_by", sqlText(renderer.name()), requestId);
    }

    private String insertFrom(
            EventContract<?> contract,
            String from,
            String type,
            String key,
            String dataColumn,
            String data,
            String requestId) {
        return """
                insert into outbox_event (event_id, topic, event_key, event_type, subject, %4$s, occurred_at,
                    request_id)
                select gen_random_uuid(), %1$s, %3$s, %2$s, %3$s, %5$s, %8$s, %6$s::text from %7$s""".formatted(
                sqlText(topics.physical(contract.topic())), type, key, dataColumn, data, requestId, from, RECORDED_AT);
    }

    /** A string as an SQL literal. */
    public static String sqlText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * Serialises an event once, for a caller that also keeps its JSON. An event larger than the broker takes is
     * refused here, with the change it announces (422 {@code event-too-large}): recorded, it would stay in the outbox
     * and never reach the services that read it (an asset with a huge SBOM would never be matched).
     */
    public <T> Serialised<T> serialised(EventContract<T> contract, T data) {
        String text = jsonOf(data);
        long bytes = utf8Length(text);
        if (bytes > largestEvent) {
            throw DomainProblem.unprocessable("event-too-large", bytes, largestEvent);
        }
        return new Serialised<>(contract.keyOf(data), text);
    }

    /** The largest event the outbox takes, in bytes of JSON. */
    public int largestEvent() {
        return largestEvent;
    }

    /**
     * Whether an event would be taken ({@link #serialised} refuses it otherwise): for an import, which reports such a
     * row with the others it cannot take instead of failing as a whole.
     */
    public boolean fits(Object data) {
        return utf8Length(jsonOf(data)) <= largestEvent;
    }

    private String jsonOf(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + data.getClass(), e);
        }
    }

    /** The UTF-8 size of a text, counted only when its length alone does not tell that it fits. */
    private long utf8Length(String text) {
        return (long) text.length() * 3 <= largestEvent ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** An event's key and JSON, written by {@link #serialised}; {@code T} keeps it to its contract's events. */
    @SuppressWarnings("UnusedTypeParameter")
    public record Serialised<T>(String key, String json) {}
}
