package vn.canhgac.notification.source;

import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;
import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_REPORTED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.contracts.DirectiveReportEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.events.ReceivedEvent;
import vn.canhgac.notification.notice.EventAge;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;

/**
 * Directives issued or forwarded: each recipient is told, and the directive is kept for its deadline reminders; a
 * recipient's report stops them (it may arrive before the directive: the topic is keyed per recipient for reports).
 */
@ApplicationScoped
public class DirectiveEventsConsumer {

    private static final String KEEP = """
            insert into directive_replica (id, reference, issuer_code, subject, issued_on, report_due_on, alert_windows)
            values ($1, $2, $3, $4, $5, $6, cast($7::text as jsonb))
            on conflict (id) do update set reference = excluded.reference, issuer_code = excluded.issuer_code,
                subject = excluded.subject, issued_on = excluded.issued_on, report_due_on = excluded.report_due_on,
                alert_windows = excluded.alert_windows""";
    private static final String RECIPIENTS = """
            insert into directive_recipient (directive_id, organization_code)
            select $1, code from unnest($2::text[]) as code on conflict do nothing""";
    private static final String REPORTED = """
            insert into directive_recipient (directive_id, organization_code, reported_at) values ($1, $2, $3)
            on conflict (directive_id, organization_code) do update set reported_at = excluded.reported_at""";

    private final BatchConsumer consumer;
    private final EventData events;
    private final Notices notices;
    private final ObjectMapper json;
    private final EventAge age;

    public DirectiveEventsConsumer(
            BatchConsumer consumer, EventData events, Notices notices, ObjectMapper json, EventAge age) {
        this.consumer = consumer;
        this.events = events;
        this.notices = notices;
        this.json = json;
        this.age = age;
    }

    @Incoming("directives")
    public Uni<Void> onDirectives(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "notification-service.directives",
                batch,
                event -> event,
                (connection, received) ->
                        BatchConsumer.inOrder(BatchConsumer.data(received), event -> apply(connection, event)));
    }

    private Uni<?> apply(SqlConnection connection, ReceivedEvent event) {
        if (DIRECTIVE_ISSUED.type().equals(event.type())) {
            DirectiveEvent directive = events.read(event, DirectiveEvent.class);
            if (directive.id() == null || directive.reference() == null || directive.issuerCode() == null) {
                throw new IllegalArgumentException("A directive event without id, reference or issuer");
            }
            return issued(connection, directive, age.isNews(event));
        }
        if (DIRECTIVE_REPORTED.type().equals(event.type())) {
            DirectiveReportEvent report = events.read(event, DirectiveReportEvent.class);
            if (report.directiveId() == null || report.organizationCode() == null || report.reportedAt() == null) {
                throw new IllegalArgumentException("A report event without directive, organisation or time");
            }
            return connection
                    .preparedQuery(REPORTED)
                    .execute(Tuple.of(
                            report.directiveId(),
                            report.organizationCode(),
                            report.reportedAt().atOffset(java.time.ZoneOffset.UTC)));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<?> issued(SqlConnection connection, DirectiveEvent directive, boolean news) {
        List<String> recipients = directive.recipients() == null ? List.of() : directive.recipients();
        NoticeFacts facts = new NoticeFacts(
                directive.reference(),
                directive.subject(),
                "/directives/" + directive.id(),
                Map.of(
                        "issuer",
                        directive.issuerCode(),
                        "dueOn",
                        directive.reportDueOn() == null
                                ? ""
                                : directive.reportDueOn().toString()),
                List.of());
        List<Notice> told = !news
                ? List.of()
                : recipients.stream()
                        .map(code -> Notice.of(
                                "directive-issued:" + directive.id() + ":" + code,
                                NoticeKind.DIRECTIVE_ISSUED,
                                code,
                                "HIGH",
                                facts))
                        .toList();
        return connection
                .preparedQuery(KEEP)
                .execute(Tuple.tuple()
                        .addUUID(directive.id())
                        .addString(directive.reference())
                        .addString(directive.issuerCode())
                        .addString(directive.subject())
                        .addLocalDate(directive.issuedOn())
                        .addLocalDate(directive.reportDueOn())
                        .addString(windows(directive)))
                .flatMap(ignored -> connection
                        .preparedQuery(RECIPIENTS)
                        .execute(Tuple.of(directive.id(), recipients.toArray(String[]::new))))
                .flatMap(ignored -> notices.record(connection, told));
    }

    private String windows(DirectiveEvent directive) {
        try {
            return json.writeValueAsString(directive.alertWindows() == null ? List.of() : directive.alertWindows());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Alert windows cannot be written", e);
        }
    }
}
