package vn.canhgac.incident.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.canhgac.commons.directive.DirectiveEvent;
import vn.canhgac.commons.events.IdempotentConsumer;

import java.time.LocalDate;

/** Keeps the alert windows that directives declare: inside one, an incident's deadlines are halved. */
@ApplicationScoped
public class AlertWindowsConsumer {

    private static final String CLEAR = "delete from alert_window where directive_id = $1";
    private static final String INSERT = """
            insert into alert_window (directive_id, name, starts_on, ends_on)
            select $1, u.name, u.starts_on, u.ends_on from unnest($2::text[], $3::date[], $4::date[])
                 as u(name, starts_on, ends_on)
            on conflict do nothing""";

    private final IdempotentConsumer consumer;
    private final ObjectReader events;

    public AlertWindowsConsumer(IdempotentConsumer consumer, ObjectMapper json) {
        this.consumer = consumer;
        this.events = json.readerFor(DirectiveEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("directives")
    public Uni<Void> onDirective(Message<String> message) {
        return consumer.consumeOnConnection("incident-service.directives", message, (connection, received) -> {
            DirectiveEvent directive = parse(received.data());
            var windows = directive.alertWindows() == null ? java.util.List.<DirectiveEvent.AlertWindow>of()
                    : directive.alertWindows();
            return connection.preparedQuery(CLEAR).execute(Tuple.of(directive.id()))
                    .flatMap(ignored -> connection.preparedQuery(INSERT).execute(Tuple.of(directive.id(),
                            windows.stream().map(DirectiveEvent.AlertWindow::name).toArray(String[]::new),
                            windows.stream().map(DirectiveEvent.AlertWindow::startsOn).toArray(LocalDate[]::new),
                            windows.stream().map(DirectiveEvent.AlertWindow::endsOn).toArray(LocalDate[]::new))))
                    .replaceWithVoid();
        });
    }

    private DirectiveEvent parse(String data) {
        try {
            return events.readValue(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed directive event", e);
        }
    }
}
