package vn.canhgac.notification.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.notification.notice.NoticeKind;

/**
 * An organisation's webhook subscriptions, managed by its admin or its integration client: each caller sees and
 * changes its own organisation's only. The secret is shown once, when created or rotated; after a rotation the
 * previous secret still signs for 24 hours, so that the receiver can switch without losing a message.
 */
@ApplicationScoped
public class Webhooks {

    static final Set<String> EVENT_TYPES = Arrays.stream(NoticeKind.values())
            .filter(NoticeKind::deliveredToWebhooks)
            .map(NoticeKind::eventType)
            .collect(Collectors.toUnmodifiableSet());

    private static final String COLUMNS = """
            id, organization_code, url, description, event_types, enabled, disabled_reason, disabled_at,
            consecutive_failures, case when previous_secret_expires_at > now() then previous_secret_expires_at end
            as previous_secret_expires_at, created_at, created_by, version""";
    private static final String INSERT = "insert into webhook_subscription (id, organization_code, url, description,"
            + " event_types, secret, created_at, created_by, updated_at) values ($1, $2, $3, $4, $5, $6, now(), $7,"
            + " now()) returning " + COLUMNS;
    private static final String LIST =
            "select " + COLUMNS + " from webhook_subscription where organization_code = $1 order by created_at";
    private static final String ONE =
            "select " + COLUMNS + " from webhook_subscription where id = $1 and organization_code = $2";
    private static final String UPDATE = "update webhook_subscription set url = $3, description = $4,"
            + " event_types = $5, version = version + 1, updated_at = now() where id = $1 and organization_code = $2"
            + " and version = $6 returning " + COLUMNS;
    private static final String DELETE =
            "delete from webhook_subscription where id = $1 and organization_code = $2 and version = $3";
    private static final String ROTATE = "update webhook_subscription set previous_secret = secret,"
            + " previous_secret_expires_at = now() + interval '24 hours', secret = $3, version = version + 1,"
            + " updated_at = now() where id = $1 and organization_code = $2 returning " + COLUMNS;
    private static final String ENABLE = "update webhook_subscription set enabled = true, disabled_reason = null,"
            + " disabled_at = null, consecutive_failures = 0, version = version + 1, updated_at = now()"
            + " where id = $1 and organization_code = $2 returning " + COLUMNS;
    /** What waited while the webhook was disabled goes now. */
    private static final String RESUME = "update delivery set next_attempt_at = now() where channel = 'WEBHOOK'"
            + " and address = $1 and state = 'PENDING' and claim is null";

    private static final String DELIVERIES = """
            select d.id, d.state, d.attempts, d.last_status, d.last_error, d.created_at, d.next_attempt_at, d.sent_at,
                   (select n.kind from notification n where n.id = coalesce(d.notification_id, d.digest_of[1])) as kind
              from delivery d
             where d.channel = 'WEBHOOK' and d.address = $1 and (d.created_at, d.id) < ($2, $3)
             order by d.created_at desc, d.id desc limit $4""";
    private static final String REPLAY = """
            update delivery set state = 'PENDING', next_attempt_at = now(), claimed_until = null, attempts = 0,
                   created_at = now(), last_error = null
             where id = $1 and channel = 'WEBHOOK' and address = $2 and state in ('SENT', 'FAILED')
            returning id""";

    private final Pool pool;
    private final TargetGuard guard;

    public Webhooks(Pool pool, TargetGuard guard) {
        this.pool = pool;
        this.guard = guard;
    }

    public Uni<WebhookView> create(Caller caller, WebhookInput input) {
        String organization = organizationOf(caller);
        String[] types = eventTypes(input);
        String secret = Signatures.newSecret();
        return guard.check(input.url())
                .flatMap(target -> pool.preparedQuery(INSERT)
                        .execute(Tuple.tuple()
                                .addUUID(TimeOrderedIds.next())
                                .addString(organization)
                                .addString(input.url())
                                .addString(input.description())
                                .addArrayOfString(types)
                                .addString(secret)
                                .addString(caller.displayName())))
                .map(rows -> WebhookView.of(rows.iterator().next(), secret));
    }

    public Uni<List<WebhookView>> list(Caller caller) {
        return pool.preparedQuery(LIST)
                .execute(Tuple.of(organizationOf(caller)))
                .map(rows -> {
                    List<WebhookView> found = new ArrayList<>();
                    rows.forEach(row -> found.add(WebhookView.of(row, null)));
                    return found;
                });
    }

    public Uni<WebhookView> get(Caller caller, UUID id) {
        return pool.preparedQuery(ONE)
                .execute(Tuple.of(id, organizationOf(caller)))
                .map(rows -> one(rows, id, null));
    }

    public Uni<WebhookView> update(Caller caller, UUID id, String ifMatch, WebhookInput input) {
        String[] types = eventTypes(input);
        return get(caller, id)
                .invoke(current -> IfMatch.require(ifMatch, current.version()))
                .call(current -> guard.check(input.url()))
                .flatMap(current -> pool.preparedQuery(UPDATE)
                        .execute(Tuple.tuple()
                                .addUUID(id)
                                .addString(current.organization())
                                .addString(input.url())
                                .addString(input.description())
                                .addArrayOfString(types)
                                .addLong(current.version())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainProblem.preconditionFailed(); // changed between the check and the write
                    }
                    return one(rows, id, null);
                });
    }

    public Uni<Void> delete(Caller caller, UUID id, String ifMatch) {
        return get(caller, id)
                .invoke(current -> IfMatch.require(ifMatch, current.version()))
                .flatMap(current ->
                        pool.preparedQuery(DELETE).execute(Tuple.of(id, current.organization(), current.version())))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainProblem.preconditionFailed(); // changed between the check and the write
                    }
                })
                .replaceWithVoid();
    }

    public Uni<WebhookView> rotateSecret(Caller caller, UUID id) {
        String secret = Signatures.newSecret();
        return pool.preparedQuery(ROTATE)
                .execute(Tuple.of(id, organizationOf(caller), secret))
                .map(rows -> one(rows, id, secret));
    }

    public Uni<WebhookView> enable(Caller caller, UUID id) {
        return pool.withTransaction(connection -> connection
                .preparedQuery(ENABLE)
                .execute(Tuple.of(id, organizationOf(caller)))
                .map(rows -> one(rows, id, null))
                .call(view -> connection.preparedQuery(RESUME).execute(Tuple.of(id.toString()))));
    }

    public Uni<Page<DeliveryView>> deliveries(Caller caller, UUID id, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        OffsetDateTime before = cursor == null ? OffsetDateTime.now().plusYears(100) : cursor.timestamp(0);
        String beforeId = cursor == null ? "~" : cursor.text(1);
        return get(caller, id)
                .flatMap(ignored ->
                        pool.preparedQuery(DELIVERIES).execute(Tuple.of(id.toString(), before, beforeId, limit + 1)))
                .map(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    return Page.of(
                            found,
                            limit,
                            row -> Cursor.encode(
                                    row.getOffsetDateTime("created_at").toString(), row.getString("id")),
                            DeliveryView::of);
                });
    }

    /** Sends a delivery again, with the same id (receivers that already have it drop it). */
    public Uni<Void> replay(Caller caller, UUID id, String deliveryId) {
        return get(caller, id)
                .flatMap(ignored -> pool.preparedQuery(REPLAY).execute(Tuple.of(deliveryId, id.toString())))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainProblem.notFound("delivery", deliveryId);
                    }
                })
                .replaceWithVoid();
    }

    private static WebhookView one(RowSet<Row> rows, UUID id, String secret) {
        if (rows.size() == 0) {
            throw DomainProblem.notFound("webhook", id);
        }
        return WebhookView.of(rows.iterator().next(), secret);
    }

    private static String organizationOf(Caller caller) {
        if (caller.orgCode() == null || caller.orgCode().isBlank()) {
            throw DomainProblem.conflict("webhook-no-organization");
        }
        return caller.orgCode();
    }

    private static String[] eventTypes(WebhookInput input) {
        List<String> unknown = input.eventTypes().stream()
                .filter(t -> !EVENT_TYPES.contains(t))
                .toList();
        if (!unknown.isEmpty()) {
            throw DomainProblem.invalidField(
                    "eventTypes",
                    "webhook-unknown-event-type",
                    String.join(", ", unknown),
                    String.join(", ", EVENT_TYPES.stream().sorted().toList()));
        }
        return input.eventTypes().stream().distinct().toArray(String[]::new);
    }
}
