package vn.canhgac.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.canhgac.commons.sql.QueueOrder;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;

/**
 * Sends what is due, every second, on every replica: digests whose time has come become deliveries, then the due
 * deliveries are claimed (each by one replica: {@code skip locked} and a claim that lapses if the replica dies
 * mid-send), sent, and their outcome recorded. A failure is retried with back-off; nothing is dropped while the
 * SMTP server or a receiver is down.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** At most this many claimed at once: sent 64 at a time, 20 s each at worst, within the 2-minute claim. */
    private static final int CLAIMED_AT_ONCE = 256;

    private static final int SENT_AT_ONCE = 64;

    /**
     * The digests due: one delivery per channel, address, organisation and kind, so that new exposures and those
     * back again are each told in their own words (a delivery's words are its first notification's kind).
     */
    private static final String GATHER_DIGESTS = """
            with due as (
                select distinct channel, address, organization_code from digest_entry where flush_after <= now()
                limit 5000),
            taken as (
                delete from digest_entry e using due
                 where e.channel = due.channel and e.address = due.address
                   and e.organization_code = due.organization_code
                returning e.*)
            insert into delivery (id, channel, address, organization_code, language, digest_of, next_attempt_at)
            select %s, t.channel, t.address, t.organization_code,
                   min(t.language), array_agg(t.notification_id order by t.notification_id), now()
              from taken t join notification n on n.id = t.notification_id
             group by t.channel, t.address, t.organization_code, n.kind""".formatted(Notices.NEW_ID);

    private static final String CLAIM = """
            update delivery d set claimed_until = now() + interval '2 minutes', claim = gen_random_uuid(),
                   attempts = d.attempts + 1
             where d.id in (select id from delivery
                             where state = 'PENDING' and next_attempt_at <= now()
                               and (claimed_until is null or claimed_until < now())
                             order by next_attempt_at limit $1 for update skip locked)
            returning d.id""";

    private static final String CONTENT = """
            select d.id, d.claim, d.channel, d.address, d.organization_code, d.language, d.attempts, d.created_at,
                   n.id as notification_id, n.kind, n.severity, n.created_at as notified_at, n.facts::text as facts,
                   coalesce(case when d.language = 'en' then o.name_en end, o.name_vi, d.organization_code) as org_name,
                   w.id is not null as subscribed, w.url, w.secret, w.previous_secret, w.enabled,
                   w.previous_secret is not null and w.previous_secret_expires_at > now() as previous_valid
              from delivery d
              join notification n on n.id = d.notification_id or n.id = any(d.digest_of)
              left join organization_replica o on o.code = d.organization_code
              left join webhook_subscription w on d.channel = 'WEBHOOK' and w.id::text = d.address
             where d.id = any($1)
             order by d.id, n.id""";

    private final Pool pool;
    private final EmailChannel email;
    private final WebhookChannel webhooks;
    private final DeliveryOutcomes outcomes;
    private final ObjectMapper json;

    public Dispatcher(
            Pool pool, EmailChannel email, WebhookChannel webhooks, DeliveryOutcomes outcomes, ObjectMapper json) {
        this.pool = pool;
        this.email = email;
        this.webhooks = webhooks;
        this.outcomes = outcomes;
        this.json = json;
    }

    @Scheduled(
            every = "${canhgac.notifications.dispatch-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sendDue()
                .onFailure()
                .invoke(failure -> LOG.warnf("Sending paused for a round: %s", failure.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Gathers the digests that are due, claims and sends due deliveries, records their outcomes in one transaction,
     * and goes on until none is left; answers how many were tried. Digests are gathered on every round, so that a
     * backlog of immediate messages does not hold them back.
     */
    public Uni<Integer> sendDue() {
        return pool.query(GATHER_DIGESTS)
                .execute()
                .flatMap(ignored -> claim())
                .flatMap(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(0)
                        : Multi.createFrom()
                                .iterable(claimed)
                                .onItem()
                                .transformToUni(this::attempt)
                                .merge(SENT_AT_ONCE)
                                .collect()
                                .asList()
                                .call(outcomes::recordAll)
                                .flatMap(sent -> claimed.size() < CLAIMED_AT_ONCE
                                        ? Uni.createFrom().item(sent.size())
                                        : sendDue().map(more -> more + sent.size())));
    }

    private Uni<List<Outgoing>> claim() {
        return pool.withTransaction(connection -> QueueOrder.readThroughTheIndex(connection)
                        .flatMap(ignored -> connection.preparedQuery(CLAIM).execute(Tuple.of(CLAIMED_AT_ONCE)))
                        .map(rows -> {
                            List<String> ids = new ArrayList<>();
                            rows.forEach(row -> ids.add(row.getString(0)));
                            return ids.toArray(String[]::new);
                        }))
                .flatMap(ids -> ids.length == 0
                        ? Uni.createFrom().item(List.<Outgoing>of())
                        : pool.preparedQuery(CONTENT)
                                .execute(Tuple.of((Object) ids))
                                .map(this::outgoing));
    }

    /**
     * Sends one delivery and says what became of it; one that cannot even be worded or sent (a broken template) is an
     * attempt that failed, and never stops the others.
     */
    private Uni<DeliveryOutcomes.Attempt> attempt(Outgoing delivery) {
        return Uni.createFrom()
                .deferred(() -> send(delivery))
                .onFailure()
                .recoverWithItem(failure -> DeliveryOutcomes.Attempt.answered(
                        delivery, new WebhookChannel.Answer(0, "not sent: " + failure)));
    }

    private Uni<DeliveryOutcomes.Attempt> send(Outgoing delivery) {
        if (Outgoing.EMAIL.equals(delivery.channel())) {
            return email.send(delivery)
                    .map(ignored -> new WebhookChannel.Answer(250, null))
                    .onFailure()
                    .recoverWithItem(failure -> new WebhookChannel.Answer(0, String.valueOf(failure.getMessage())))
                    .map(answer -> DeliveryOutcomes.Attempt.answered(delivery, answer));
        }
        WebhookChannel.Subscription subscription = delivery.webhook();
        if (subscription == null) {
            return Uni.createFrom().item(DeliveryOutcomes.Attempt.abandoned(delivery, "webhook deleted"));
        }
        if (subscription.disabled()) {
            return Uni.createFrom().item(DeliveryOutcomes.Attempt.parked(delivery));
        }
        return webhooks.send(delivery, subscription).map(answer -> DeliveryOutcomes.Attempt.answered(delivery, answer));
    }

    /** The delivery's webhook with its valid secrets (none while it is disabled), or null when it was deleted. */
    private static WebhookChannel.Subscription webhook(Row row) {
        if (!"WEBHOOK".equals(row.getString("channel")) || !row.getBoolean("subscribed")) {
            return null;
        }
        if (!row.getBoolean("enabled")) {
            return WebhookChannel.Subscription.disabledOne(row.getString("address"));
        }
        List<String> secrets = new ArrayList<>(List.of(row.getString("secret")));
        if (row.getBoolean("previous_valid")) {
            secrets.add(row.getString("previous_secret"));
        }
        return new WebhookChannel.Subscription(row.getString("address"), row.getString("url"), secrets);
    }

    private List<Outgoing> outgoing(Iterable<Row> rows) {
        Map<String, Row> deliveries = new LinkedHashMap<>();
        Map<String, List<Outgoing.Carried>> carried = new HashMap<>();
        for (Row row : rows) {
            String id = row.getString("id");
            deliveries.putIfAbsent(id, row);
            carried.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new Outgoing.Carried(
                            row.getUUID("notification_id"),
                            NoticeKind.valueOf(row.getString("kind")),
                            row.getString("severity"),
                            row.getOffsetDateTime("notified_at").toInstant(),
                            facts(row.getString("facts"))));
        }
        List<Outgoing> outgoing = new ArrayList<>();
        deliveries.forEach((id, row) -> outgoing.add(new Outgoing(
                id,
                row.getUUID("claim"),
                row.getString("channel"),
                row.getString("address"),
                row.getString("organization_code"),
                row.getString("org_name"),
                row.getString("language"),
                row.getInteger("attempts"),
                row.getOffsetDateTime("created_at").toInstant(),
                webhook(row),
                carried.get(id))));
        return outgoing;
    }

    private NoticeFacts facts(String text) {
        try {
            return json.readValue(text, NoticeFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored facts cannot be read", e);
        }
    }
}
