package vn.canhgac.notification.delivery;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;

/**
 * Records what became of a round of attempts, set-based, in one transaction: delivered, or to be retried after the
 * next delay of the back-off (5 s, 30 s, 2 min, ... 2 h) until the retry period (24 h) is over, then failed; parked
 * while its webhook is disabled; failed at once when its webhook was deleted. Each outcome is recorded only under the
 * claim it was sent with (a claim that lapsed belongs to another replica). A webhook that fails too many times in a
 * row, or gives up a delivery, is disabled, and its organisation is told.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    /** What became of one claimed delivery. */
    public record Attempt(Outgoing delivery, Disposition disposition, WebhookChannel.Answer answer) {

        static Attempt answered(Outgoing delivery, WebhookChannel.Answer answer) {
            return new Attempt(delivery, Disposition.ANSWERED, answer);
        }

        static Attempt parked(Outgoing delivery) {
            return new Attempt(delivery, Disposition.PARKED, null);
        }

        static Attempt abandoned(Outgoing delivery, String reason) {
            return new Attempt(delivery, Disposition.ABANDONED, new WebhookChannel.Answer(0, reason));
        }

        boolean delivered() {
            return disposition == Disposition.ANSWERED && answer.delivered();
        }

        boolean failed() {
            return disposition == Disposition.ANSWERED && !answer.delivered();
        }

        Integer status() {
            return answer == null || answer.status() == 0 ? null : answer.status();
        }
    }

    /** Sent (the answer says how it went), parked (its webhook is disabled), abandoned (its webhook is gone). */
    public enum Disposition {
        ANSWERED,
        PARKED,
        ABANDONED
    }

    private static final String ATTEMPTS = """
            insert into delivery_attempt (delivery_id, attempted_at, status, error, millis)
            select id, now(), status, error, 0 from unnest($1::text[], $2::int[], $3::text[]) as u(id, status, error)""";
    private static final String DELIVERED = """
            update delivery d set state = 'SENT', sent_at = now(), claimed_until = null, claim = null,
                   last_status = u.status, last_error = null
              from unnest($1::text[], $2::int[], $3::uuid[]) as u(id, status, claim)
             where d.id = u.id and d.claim = u.claim and d.state = 'PENDING'""";
    private static final String RETRY = """
            update delivery d set state = case when d.created_at < now() - make_interval(secs => $6) then 'FAILED'
                                               else 'PENDING' end,
                   next_attempt_at = now() + make_interval(secs => u.delay), claimed_until = null, claim = null,
                   last_status = u.status, last_error = u.error
              from unnest($1::text[], $2::int[], $3::text[], $4::float8[], $5::uuid[]) as u(id, status, error, delay, claim)
             where d.id = u.id and d.claim = u.claim and d.state = 'PENDING'
            returning d.id, d.state""";
    private static final String ABANDON = """
            update delivery d set state = 'FAILED', claimed_until = null, claim = null, last_error = u.reason
              from unnest($1::text[], $2::text[], $3::uuid[]) as u(id, reason, claim)
             where d.id = u.id and d.claim = u.claim""";
    /** Waits for its webhook to be enabled again (enabling it sends what waited); the claim's attempt is undone. */
    private static final String PARK = """
            update delivery d set next_attempt_at = now() + interval '1 hour', claimed_until = null, claim = null,
                   attempts = greatest(d.attempts - 1, 0)
              from unnest($1::text[], $2::uuid[]) as u(id, claim)
             where d.id = u.id and d.claim = u.claim""";

    private static final String RECEIVERS_ANSWERED = """
            update webhook_subscription set consecutive_failures = 0
             where id::text = any($1) and consecutive_failures > 0""";
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
                    List<Duration> delays,
            @ConfigProperty(name = "canhgac.notifications.retry-for", defaultValue = "24h") Duration retryFor,
            @ConfigProperty(name = "canhgac.webhooks.disable-after-failures", defaultValue = "100") int disableAfter) {
        this.pool = pool;
        this.notices = notices;
        this.delays = List.copyOf(delays);
        this.retryFor = retryFor;
        this.disableAfter = disableAfter;
    }

    public Uni<Void> recordAll(List<Attempt> attempts) {
        List<Attempt> answered = attempts.stream()
                .filter(a -> a.disposition() == Disposition.ANSWERED)
                .toList();
        List<Attempt> delivered = answered.stream().filter(Attempt::delivered).toList();
        List<Attempt> failed = answered.stream().filter(Attempt::failed).toList();
        List<Attempt> parked = only(attempts, Disposition.PARKED);
        List<Attempt> abandoned = only(attempts, Disposition.ABANDONED);
        failed.forEach(a -> LOG.infof(
                "Delivery %s (%s) failed (%d %s); next try in %s",
                a.delivery().id(),
                a.delivery().channel(),
                a.answer().status(),
                a.answer().error(),
                delayOf(a)));
        return pool.withTransaction(connection -> connection
                .preparedQuery(ATTEMPTS)
                .execute(Tuple.of(ids(answered), statuses(answered), errors(answered)))
                .flatMap(ignored -> connection
                        .preparedQuery(DELIVERED)
                        .execute(Tuple.of(ids(delivered), statuses(delivered), claims(delivered))))
                .flatMap(ignored -> connection.preparedQuery(PARK).execute(Tuple.of(ids(parked), claims(parked))))
                .flatMap(ignored -> connection
                        .preparedQuery(ABANDON)
                        .execute(Tuple.of(ids(abandoned), errors(abandoned), claims(abandoned))))
                .flatMap(ignored -> connection.preparedQuery(RECEIVERS_ANSWERED).execute(Tuple.of((Object)
                        delivered.stream()
                                .filter(a ->
                                        Outgoing.WEBHOOK.equals(a.delivery().channel()))
                                .map(a -> a.delivery().address())
                                .distinct()
                                .toArray(String[]::new))))
                .flatMap(ignored -> retry(connection, failed)));
    }

    /** Schedules the failed ones' next try (or gives them up), then counts each failing webhook's failures. */
    private Uni<Void> retry(SqlConnection connection, List<Attempt> failed) {
        if (failed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(RETRY)
                .execute(Tuple.tuple()
                        .addArrayOfString(ids(failed))
                        .addArrayOfInteger(statuses(failed))
                        .addArrayOfString(errors(failed))
                        .addArrayOfDouble(failed.stream()
                                .map(a -> delayOf(a).toMillis() / 1000.0)
                                .toArray(Double[]::new))
                        .addArrayOfUUID(claims(failed))
                        .addDouble(retryFor.toMillis() / 1000.0))
                .flatMap(rows -> {
                    Map<String, Boolean> gaveUp = new HashMap<>();
                    rows.forEach(row -> gaveUp.put(row.getString("id"), "FAILED".equals(row.getString("state"))));
                    List<Attempt> webhookFailures = failed.stream()
                            .filter(a -> Outgoing.WEBHOOK.equals(a.delivery().channel())
                                    && gaveUp.containsKey(a.delivery().id()))
                            .toList();
                    return Multi.createFrom()
                            .iterable(webhookFailures)
                            .onItem()
                            .transformToUniAndConcatenate(a -> receiverFailed(
                                    connection,
                                    a.delivery().address(),
                                    gaveUp.get(a.delivery().id())))
                            .collect()
                            .last()
                            .replaceWithVoid();
                });
    }

    /** The next delay of the back-off; the delivery's attempts count this one (counted when it was claimed). */
    private Duration delayOf(Attempt attempt) {
        return delays.get(Math.min(Math.max(attempt.delivery().attempts() - 1, 0), delays.size() - 1));
    }

    private static List<Attempt> only(List<Attempt> attempts, Disposition disposition) {
        return attempts.stream().filter(a -> a.disposition() == disposition).toList();
    }

    private static String[] ids(List<Attempt> attempts) {
        return attempts.stream().map(a -> a.delivery().id()).toArray(String[]::new);
    }

    private static Integer[] statuses(List<Attempt> attempts) {
        return attempts.stream().map(Attempt::status).toArray(Integer[]::new);
    }

    private static String[] errors(List<Attempt> attempts) {
        return attempts.stream().map(a -> a.answer().error()).toArray(String[]::new);
    }

    private static UUID[] claims(List<Attempt> attempts) {
        return attempts.stream().map(a -> a.delivery().claim()).toArray(UUID[]::new);
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
}
