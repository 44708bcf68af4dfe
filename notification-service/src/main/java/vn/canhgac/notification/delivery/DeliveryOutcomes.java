package vn.canhgac.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;

/**
 * Records what became of an attempt: delivered, or to be retried after the next delay of the back-off (5 s, 30 s,
 * 2 min, ... 2 h) until the retry period (24 h) is over, then failed. A webhook that fails too many times in a row,
 * or gives up a delivery, is disabled, and its organisation is told.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private static final String ATTEMPT = """
            insert into delivery_attempt (delivery_id, attempted_at, status, error, millis)
            values ($1, now(), $2, $3, 0)""";
    /** Every outcome is recorded only under the claim it was sent with: a claim that lapsed belongs to another. */
    private static final String DELIVERED = """
            update delivery set state = 'SENT', sent_at = now(), claimed_until = null, claim = null, last_status = $2,
                   last_error = null
             where id = $1 and claim = $3 and state = 'PENDING'""";

    private static final String RETRY = """
            update delivery set state = case when created_at < now() - make_interval(secs => $4) then 'FAILED'
                                             else 'PENDING' end,
                   next_attempt_at = now() + make_interval(secs => $5), claimed_until = null, claim = null,
                   last_status = $2, last_error = $3
             where id = $1 and claim = $6 and state = 'PENDING'
            returning state""";
    private static final String ABANDON = """
            update delivery set state = 'FAILED', claimed_until = null, claim = null, last_error = $2
             where id = $1 and claim = $3""";
    /** Waits for its webhook to be enabled again (enabling it sends what waited); the claim's attempt is undone. */
    private static final String PARK = """
            update delivery set next_attempt_at = now() + interval '1 hour', claimed_until = null, claim = null,
                   attempts = greatest(attempts - 1, 0)
             where id = $1 and claim = $2""";

    private static final String RECEIVER_ANSWERED = """
            update webhook_subscription set consecutive_failures = 0 where id = $1::uuid and consecutive_failures > 0""";
    private static final String RECEIVER_FAILED = """
            update webhook_subscription set consecutive_failures = consecutive_failures + 1,
                   enabled = not ($2 or consecutive_failures + 1 >= $3),
                   disabled_at = case when $2 or consecutive_failures + 1 >= $3 then now() end,
                   disabled_reason = case when $2 or consecutive_failures + 1 >= $3 then $4 end
             where id = $1::uuid and enabled
            returning enabled, organization_code, url, disabled_at""";

    private final Pool pool;
    private final Notices notices;
    private final List<Duration> delays;
    private final Duration retryFor;
    private final int disableAfter;

    public DeliveryOutcomes(
            Pool pool,
            Notices notices,
            @ConfigProperty(name = "canhgac.notifications.retry-delays", defaultValue = "5s,30s,2m,5m,15m,30m,1h,2h")
                    List<String> delays,
            @ConfigProperty(name = "canhgac.notifications.retry-for", defaultValue = "24h") String retryFor,
            @ConfigProperty(name = "canhgac.webhooks.disable-after-failures", defaultValue = "100") int disableAfter) {
        this.pool = pool;
        this.notices = notices;
        this.delays = delays.stream().map(DeliveryOutcomes::duration).toList();
        this.retryFor = duration(retryFor);
        this.disableAfter = disableAfter;
    }

    public Uni<Void> record(Outgoing delivery, WebhookChannel.Answer answer, String subscription) {
        return pool.withTransaction(connection -> connection
                .preparedQuery(ATTEMPT)
                .execute(Tuple.of(delivery.id(), answer.status() == 0 ? null : answer.status(), answer.error()))
                .flatMap(ignored -> answer.delivered()
                        ? delivered(connection, delivery, answer, subscription)
                        : failed(connection, delivery, answer, subscription)));
    }

    /** The delivery cannot be sent at all (its webhook was deleted): failed, without retries. */
    public Uni<Void> abandon(Outgoing delivery, String reason) {
        return pool.preparedQuery(ABANDON)
                .execute(Tuple.of(delivery.id(), reason, delivery.claim()))
                .replaceWithVoid();
    }

    /** Its webhook is disabled: the delivery waits, nothing is lost. */
    public Uni<Void> park(Outgoing delivery) {
        return pool.preparedQuery(PARK)
                .execute(Tuple.of(delivery.id(), delivery.claim()))
                .replaceWithVoid();
    }

    private Uni<Void> delivered(
            SqlConnection connection, Outgoing delivery, WebhookChannel.Answer answer, String subscription) {
        return connection
                .preparedQuery(DELIVERED)
                .execute(Tuple.of(delivery.id(), answer.status(), delivery.claim()))
                .flatMap(ignored -> subscription == null
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery(RECEIVER_ANSWERED)
                                .execute(Tuple.of(subscription))
                                .replaceWithVoid());
    }

    private Uni<Void> failed(
            SqlConnection connection, Outgoing delivery, WebhookChannel.Answer answer, String subscription) {
        // attempts counts this one (it is counted when the delivery is claimed)
        Duration delay = delays.get(Math.min(Math.max(delivery.attempts() - 1, 0), delays.size() - 1));
        LOG.infof(
                "Delivery %s (%s) failed (%d %s); next try in %s",
                delivery.id(), delivery.channel(), answer.status(), answer.error(), delay);
        return connection
                .preparedQuery(RETRY)
                .execute(Tuple.tuple()
                        .addString(delivery.id())
                        .addInteger(answer.status() == 0 ? null : answer.status())
                        .addString(answer.error())
                        .addDouble(retryFor.toMillis() / 1000.0)
                        .addDouble(delay.toMillis() / 1000.0)
                        .addUUID(delivery.claim()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem(); // the claim lapsed: another replica has the delivery
                    }
                    boolean gaveUp = "FAILED".equals(rows.iterator().next().getString(0));
                    return subscription == null
                            ? Uni.createFrom().voidItem()
                            : receiverFailed(connection, subscription, gaveUp);
                });
    }

    private Uni<Void> receiverFailed(SqlConnection connection, String subscription, boolean gaveUp) {
        String reason = gaveUp ? "a delivery failed for the whole retry period" : disableAfter + " failures in a row";
        return connection
                .preparedQuery(RECEIVER_FAILED)
                .execute(Tuple.of(subscription, gaveUp, disableAfter, reason))
                .flatMap(rows -> {
                    if (rows.size() == 0 || rows.iterator().next().getBoolean("enabled")) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    NoticeFacts facts = new NoticeFacts(
                            subscription,
                            row.getString("url"),
                            "/webhooks/" + subscription,
                            Map.of("reason", reason),
                            List.of());
                    return notices.record(
                                    connection,
                                    List.of(Notice.of(
                                            "webhook-disabled:" + subscription + ":"
                                                    + row.getOffsetDateTime("disabled_at"),
                                            NoticeKind.WEBHOOK_DISABLED,
                                            row.getString("organization_code"),
                                            "HIGH",
                                            facts)))
                            .replaceWithVoid();
                });
    }

    private static Duration duration(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        return Duration.parse("PT" + value.replace("m", "M").replace("h", "H").replace("s", "S"));
    }
}
