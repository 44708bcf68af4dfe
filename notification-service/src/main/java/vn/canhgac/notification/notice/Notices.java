package vn.canhgac.notification.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.notification.audience.ContactPreference;

/**
 * Records notifications and, in the same transaction, what each one becomes: a message per contact and channel,
 * an entry of a digest, a webhook delivery. A notification whose key is already known changes nothing, so an event
 * delivered twice, or a reminder computed by two replicas, tells nobody twice.
 */
@ApplicationScoped
public class Notices {

    /** A message id, time-ordered (commons' {@code time_ordered_id()}): a fan-out's rows go in at the index's end. */
    public static final String NEW_ID = "'msg_' || replace(time_ordered_id()::text, '-', '')";

    private static final String LANGUAGE_OF = "coalesce((select p.language from contact_preference p"
            + " where p.organization_code = n.organization_code and p.email = %s), $2)";

    private static final String INSERT = """
            insert into notification (id, dedup_key, kind, organization_code, severity, audience_roles, gathered,
                                      direct_email, facts)
            select id, dedup_key, kind, organization_code, severity, roles::text[], gathered, direct_email, facts::jsonb
              from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
                          $8::text[], $9::text[])
                   as u(id, dedup_key, kind, organization_code, severity, roles, gathered, direct_email, facts)
            on conflict (dedup_key) do nothing
            returning id""";

    /**
     * The notifications just recorded, looked up by id before anything is joined to them. Joined directly, the
     * planner's generic plan went from each contact to its organisation's notifications, and read all of them: 5 ms
     * a statement on an inbox of 100,000, most of the fan-out's time ({@code offset 0} keeps the lookup apart).
     */
    private static final String RECORDED = "(select * from notification where id = any($1) offset 0) n";

    /** The contacts of the organisation this notification concerns, who want it by e-mail. */
    private static final String CONTACTS_WHO_WANT_IT = """
            from %s
            join contact c on c.organization_code = n.organization_code
            left join contact_preference p on p.organization_code = c.organization_code and p.email = c.email
            where n.direct_email is null
              and (cardinality(c.roles) = 0 or c.roles && n.audience_roles)
              and 'EMAIL' = any(coalesce(p.channels, array['EMAIL']))
              and severity_rank(n.severity) >= severity_rank(coalesce(p.min_severity, 'LOW'))""".formatted(RECORDED);

    private static final String EMAILS = "insert into delivery (id, channel, address, organization_code, language,"
            + " notification_id, next_attempt_at) select " + NEW_ID + ", 'EMAIL', c.email, n.organization_code,"
            + " coalesce(p.language, $2), n.id, release_at(p.quiet_from, p.quiet_to, n.severity, now()) "
            + CONTACTS_WHO_WANT_IT + " and not n.gathered on conflict do nothing";

    private static final String EMAIL_DIGEST_ENTRIES = "insert into digest_entry (channel, address, organization_code,"
            + " language, notification_id, flush_after) select 'EMAIL', c.email, n.organization_code,"
            + " coalesce(p.language, $2), n.id, release_at(p.quiet_from, p.quiet_to, n.severity, now()"
            + " + greatest(make_interval(mins => coalesce(p.digest_minutes, $3)), make_interval(secs => $4))) "
            + CONTACTS_WHO_WANT_IT
            + " and n.gathered on conflict do nothing";

    /**
     * The one address named, and whoever is on duty now for what cannot wait; in the language the address chose
     * as a contact of the organisation, if it is one.
     */
    private static final String DIRECT_EMAILS = "insert into delivery (id, channel, address, organization_code,"
            + " language, notification_id, next_attempt_at) select " + NEW_ID + ", 'EMAIL', n.direct_email,"
            + " n.organization_code, " + LANGUAGE_OF.formatted("n.direct_email") + ", n.id, now()"
            + " from " + RECORDED + " where n.direct_email is not null"
            + " union all select " + NEW_ID + ", 'EMAIL', s.email, n.organization_code, "
            + LANGUAGE_OF.formatted("s.email") + ", n.id, now()"
            + " from " + RECORDED + " join duty_shift_replica s on s.organization_code = n.organization_code"
            + " and not s.deleted and s.email is not null and s.starts_at <= now() and s.ends_at > now()"
            + " where n.direct_email is null and not n.gathered"
            + " and severity_rank(n.severity) >= 3 and n.kind = any($3)"
            + " on conflict do nothing";

    private static final String SUBSCRIBED = """
            from %s
            join webhook_subscription w on w.organization_code = n.organization_code and w.enabled
             and (cardinality(w.event_types) = 0
                  or 'canhgac.notification.' || replace(lower(n.kind), '_', '-') || '.v1' = any(w.event_types))
            where n.kind <> 'WEBHOOK_DISABLED'""".formatted(RECORDED);

    private static final String WEBHOOKS = "insert into delivery (id, channel, address, organization_code, language,"
            + " notification_id, next_attempt_at) select " + NEW_ID + ", 'WEBHOOK', w.id::text, n.organization_code,"
            + " 'en', n.id, now() " + SUBSCRIBED + " and not n.gathered on conflict do nothing";

    private static final String WEBHOOK_DIGEST_ENTRIES = "insert into digest_entry (channel, address,"
            + " organization_code, language, notification_id, flush_after) select 'WEBHOOK', w.id::text,"
            + " n.organization_code, 'en', n.id, now() + make_interval(secs => $2) " + SUBSCRIBED
            + " and n.gathered on conflict do nothing";

    /** Kinds that reach whoever is on duty now when they are high or critical. */
    private static final String[] URGENT = {
        NoticeKind.INCIDENT_REPORTED.name(),
        NoticeKind.INCIDENT_ESCALATED.name(),
        NoticeKind.INCIDENT_SLA_BREACHED.name(),
        NoticeKind.EXPOSURE_DETECTED.name(),
        NoticeKind.EXPOSURE_REOPENED.name()
    };

    private final ObjectMapper json;
    private final double webhookGatheringSeconds;
    private final double minimumGatheringSeconds;

    /**
     * @param webhookGathering how long new exposures are gathered before a webhook receives them in one delivery
     * @param minimumGathering the least time a digest waits, so that a contact with a digest interval of 0 still
     *                         gets the exposures of one import or list in one message
     */
    public Notices(
            ObjectMapper json,
            @ConfigProperty(name = "canhgac.notifications.webhook-gathering", defaultValue = "PT10S")
                    Duration webhookGathering,
            @ConfigProperty(name = "canhgac.notifications.minimum-gathering", defaultValue = "PT10S")
                    Duration minimumGathering) {
        this.json = json;
        this.webhookGatheringSeconds = webhookGathering.toMillis() / 1000.0;
        this.minimumGatheringSeconds = minimumGathering.toMillis() / 1000.0;
    }

    /** Records the notifications not recorded before and fans them out; answers how many were new. */
    public Uni<Integer> record(SqlConnection connection, List<Notice> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int size = notices.size();
        UUID[] ids = new UUID[size];
        String[] keys = new String[size];
        String[] kinds = new String[size];
        String[] organizations = new String[size];
        String[] severities = new String[size];
        String[] roles = new String[size];
        Boolean[] gathered = new Boolean[size];
        String[] directEmails = new String[size];
        String[] facts = new String[size];
        for (int i = 0; i < size; i++) {
            Notice notice = notices.get(i);
            ids[i] = TimeOrderedIds.next();
            keys[i] = notice.dedupKey();
            kinds[i] = notice.kind().name();
            organizations[i] = notice.organization();
            severities[i] = notice.severity();
            roles[i] = "{"
                    + String.join(
                            ",", notice.kind().roles().stream().map(Enum::name).toList()) + "}";
            gathered[i] = notice.gathered();
            directEmails[i] = notice.directEmail();
            facts[i] = write(notice.facts());
        }
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addArrayOfUUID(ids)
                        .addArrayOfString(keys)
                        .addArrayOfString(kinds)
                        .addArrayOfString(organizations)
                        .addArrayOfString(severities)
                        .addArrayOfString(roles)
                        .addArrayOfBoolean(gathered)
                        .addArrayOfString(directEmails)
                        .addArrayOfString(facts))
                .flatMap(rows -> {
                    List<UUID> inserted = new ArrayList<>();
                    rows.forEach(row -> inserted.add(row.getUUID(0)));
                    return inserted.isEmpty()
                            ? Uni.createFrom().item(0)
                            : fanOut(connection, inserted.toArray(UUID[]::new)).replaceWith(inserted.size());
                });
    }

    private Uni<Void> fanOut(SqlConnection connection, UUID[] ids) {
        String language = ContactPreference.DEFAULT_LANGUAGE;
        return connection
                .preparedQuery(EMAILS)
                .execute(Tuple.of(ids, language))
                .flatMap(ignored -> connection
                        .preparedQuery(EMAIL_DIGEST_ENTRIES)
                        .execute(Tuple.of(
                                ids, language, ContactPreference.DEFAULT_DIGEST_MINUTES, minimumGatheringSeconds)))
                .flatMap(ignored -> connection.preparedQuery(DIRECT_EMAILS).execute(Tuple.of(ids, language, URGENT)))
                .flatMap(ignored -> connection.preparedQuery(WEBHOOKS).execute(Tuple.of((Object) ids)))
                .flatMap(ignored -> connection
                        .preparedQuery(WEBHOOK_DIGEST_ENTRIES)
                        .execute(Tuple.of(ids, webhookGatheringSeconds)))
                .replaceWithVoid();
    }

    private String write(NoticeFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Facts cannot be written", e);
        }
    }
}
