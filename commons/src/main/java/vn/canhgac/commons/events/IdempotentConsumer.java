package vn.canhgac.commons.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies each CloudEvent once. The work and the "processed" marker commit in one transaction; a redelivered
 * event finds the marker and is skipped. A failure of the database is waited out with back-off (the message is
 * not acknowledged meanwhile, so nothing is lost); an event that is not a CloudEvent is nacked, which sends it
 * to the channel's dead-letter topic, and so is an event whose data this consumer cannot read.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private static final String MARK_PROCESSED =
            "insert into processed_event (id, processed_at) values ($1, now()) on conflict do nothing";

    private final Pool pool;

    public IdempotentConsumer(Pool pool) {
        this.pool = pool;
    }

    /**
     * Applies the event once: the work runs on a SQL connection whose transaction also holds the "processed"
     * marker ({@code consumer/eventId}: one consumer applies an event once; two consumers each apply it).
     */
    public Uni<Void> consume(
            String consumer, Message<String> message, BiFunction<SqlConnection, ReceivedEvent, Uni<Void>> work) {
        return handle(
                consumer,
                message,
                event -> pool.withTransaction(connection -> connection
                        .preparedQuery(MARK_PROCESSED)
                        .execute(Tuple.of(consumer + "/" + event.id()))
                        .flatMap(marked -> marked.rowCount() == 0
                                ? Uni.createFrom().item(false)
                                : work.apply(connection, event).replaceWith(true))));
    }

    private Uni<Void> handle(String consumer, Message<String> message, Function<ReceivedEvent, Uni<Boolean>> once) {
        ReceivedEvent event = received(message);
        if (event == null) {
            LOG.warnf("%s: dropping a record that is not a CloudEvent", consumer);
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException("not a CloudEvent")));
        }
        return once.apply(event)
                .onFailure(IdempotentConsumer::isTransient)
                .invoke(f -> LOG.warnf("%s: event %s not applied yet (%s); retrying", consumer, event.id(), f))
                .onFailure(IdempotentConsumer::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .indefinitely()
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf("%s: event %s rejected: %s", consumer, event.id(), failure);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** A malformed event will never apply; anything else (database down, lock timeout) may on a later try. */
    private static boolean isTransient(Throwable failure) {
        return !(failure instanceof IllegalArgumentException);
    }

    @SuppressWarnings("unchecked")
    private static ReceivedEvent received(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(ce -> (IncomingCloudEventMetadata<Object>) ce)
                .map(ce -> new ReceivedEvent(
                        ce.getId(),
                        ce.getType(),
                        ce.getSubject().orElse(null),
                        String.valueOf(ce.getSource()),
                        message.getPayload()))
                .orElse(null);
    }
}
