package vn.canhgac.incident.alertwindow;

import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;

/** Keeps the alert windows that directives declare: inside one, an incident's deadlines are halved. */
@ApplicationScoped
public class AlertWindowsConsumer {

    private static final String CLEAR = "delete from alert_window where directive_id = $1";
    private static final String INSERT = """
            insert into alert_window (directive_id, name, starts_on, ends_on)
            select $1, u.name, u.starts_on, u.ends_on from unnest($2::text[], $3::date[], $4::date[])
                 as u(name, starts_on, ends_on)
            on conflict do nothing""";

    private final BatchConsumer consumer;
    private final EventData events;

    public AlertWindowsConsumer(BatchConsumer consumer, EventData events) {
        this.consumer = consumer;
        this.events = events;
    }

    /**
     * A batch of directives in one transaction: each one's windows replace what it declared before (the topic's
     * reports are not about windows).
     */
    @Incoming("directives")
    public Uni<Void> onDirectives(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "incident-service.directives",
                batch,
                event -> events.read(event, DirectiveEvent.class),
                (connection, received) -> BatchConsumer.inOrder(
                        received.stream()
                                .filter(r ->
                                        DIRECTIVE_ISSUED.type().equals(r.event().type()))
                                .map(BatchConsumer.Read::data)
                                .toList(),
                        directive -> replace(connection, directive)));
    }

    private static Uni<Void> replace(SqlConnection connection, DirectiveEvent directive) {
        var windows =
                directive.alertWindows() == null ? List.<DirectiveEvent.AlertWindow>of() : directive.alertWindows();
        return connection
                .preparedQuery(CLEAR)
                .execute(Tuple.of(directive.id()))
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT)
                        .execute(Tuple.of(
                                directive.id(),
                                windows.stream()
                                        .map(DirectiveEvent.AlertWindow::name)
                                        .toArray(String[]::new),
                                windows.stream()
                                        .map(DirectiveEvent.AlertWindow::startsOn)
                                        .toArray(LocalDate[]::new),
                                windows.stream()
                                        .map(DirectiveEvent.AlertWindow::endsOn)
                                        .toArray(LocalDate[]::new))))
                .replaceWithVoid();
    }
}
