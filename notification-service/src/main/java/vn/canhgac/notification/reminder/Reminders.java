package vn.canhgac.notification.reminder;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.canhgac.commons.tenancy.OrganizationPaths;
import vn.canhgac.commons.time.Vietnam;
import vn.canhgac.notification.notice.EventAge;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Notices;
import vn.canhgac.notification.notice.Severities;

/**
 * The timers: report deadlines of directives (in 3 days, in 1 day, passed), exposures due soon, overdue and overdue
 * beyond the escalation threshold, incidents past their resolution deadline, gaps in duty coverage of an alert
 * window the day before it opens, and shifts starting within the hour. Each round runs on the replica that holds
 * the lease; each reminder has its own key, so nobody is reminded twice of the same thing.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    private static final String DIRECTIVES_DUE = """
            select d.id, d.reference, d.subject, d.issuer_code, d.report_due_on, r.organization_code,
                   d.report_due_on - $1::date as days_left, d.report_due_on - coalesce(d.issued_on, $1::date) as given
              from directive_replica d join directive_recipient r on r.directive_id = d.id
             where r.reported_at is null and d.report_due_on between $1::date - 30 and $1::date + 3
             order by d.id, r.organization_code""";

    /** Marks the exposures due soon, overdue, and overdue beyond the threshold, answering what each newly is. */
    private static final String EXPOSURES_DUE = """
            with due as (
                select id, not due_soon_told and due_on >= $1 as due_soon,
                       not overdue_told and due_on < $1 as overdue,
                       not escalated_told and due_on < $1 - $2::int as escalate
                  from exposure_replica
                 where status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and due_on <= $1 + 3
                   and ((not due_soon_told and due_on >= $1) or (not overdue_told and due_on < $1)
                        or (not escalated_told and due_on < $1 - $2::int))
                 order by due_on limit 5000 for update skip locked)
            update exposure_replica x set due_soon_told = true, overdue_told = x.overdue_told or due.overdue,
                   escalated_told = x.escalated_told or due.escalate
              from due where x.id = due.id
            returning x.id, x.organization_code, x.severity, x.due_on, x.label, due.due_soon, due.overdue, due.escalate,
                      (select parent_code from organization_replica o where o.code = x.organization_code) as parent""";

    private static final String INCIDENTS_PAST_SLA = """
            update incident_replica i set sla_told = true
             where i.id in (select id from incident_replica
                             where not sla_told and resolution_due < now()
                               and resolution_due > now() - make_interval(secs => $1)
                               and status not in ('RECOVERED', 'CLOSED', 'REJECTED', 'DUPLICATE')
                             limit 1000 for update skip locked)
            returning i.id, i.reference, i.title, i.severity, i.reporting_organization, i.reporting_path,
                      i.resolution_due""";

    /** Gaps in the shifts of each recipient of a directive over its alert windows that open tomorrow or today. */
    private static final String COVERAGE_GAPS = """
            with window_ as (
                select d.id, w->>'name' as name, r.organization_code,
                       ((w->>'startsOn')::date::timestamp at time zone 'Asia/Ho_Chi_Minh') as opens,
                       (((w->>'endsOn')::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh') as closes
                  from directive_replica d
                  cross join jsonb_array_elements(d.alert_windows) w
                  join directive_recipient r on r.directive_id = d.id
                 where (w->>'startsOn')::date between $1 and $1 + 1)
            select w.id, w.name, w.organization_code, lower(g) as gap_from, upper(g) as gap_to
              from window_ w,
                   unnest(tstzmultirange(tstzrange(w.opens, w.closes))
                          - coalesce((select range_agg(tstzrange(s.starts_at, s.ends_at)) from duty_shift_replica s
                                       where s.organization_code = w.organization_code and not s.deleted
                                         and s.starts_at < w.closes and s.ends_at > w.opens),
                                     '{}'::tstzmultirange)) g
             order by w.id, w.name, w.organization_code, lower(g)""";

    private static final String SHIFTS_STARTING = """
            update duty_shift_replica s set starting_told = true
             where s.id in (select id from duty_shift_replica
                             where not deleted and not starting_told and email is not null
                               and starts_at > now() and starts_at <= now() + interval '1 hour'
                             for update skip locked)
            returning s.id, s.organization_code, s.person, s.email, s.starts_at, s.ends_at""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Pool pool;
    private final Notices notices;
    private final SchedulerLease lease;
    private final EventAge age;
    private final int escalateAfterDays;

    public Reminders(
            Pool pool,
            Notices notices,
            SchedulerLease lease,
            EventAge age,
            @ConfigProperty(name = "canhgac.notifications.escalate-overdue-after-days", defaultValue = "7")
                    int escalateAfterDays) {
        this.pool = pool;
        this.notices = notices;
        this.lease = lease;
        this.age = age;
        this.escalateAfterDays = escalateAfterDays;
    }

    @Scheduled(
            every = "${canhgac.notifications.reminder-interval:60s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        return lease.hold("reminders", Duration.ofMinutes(3))
                .flatMap(held ->
                        held ? runAll(Vietnam.today()) : Uni.createFrom().voidItem())
                .onFailure()
                .invoke(failure -> LOG.warnf("Reminders skipped a round: %s", failure.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Every reminder due on the day, each kind in its own transaction. */
    public Uni<Void> runAll(LocalDate today) {
        return pool.withTransaction(connection -> directives(connection, today))
                .flatMap(ignored -> pool.withTransaction(connection -> exposures(connection, today)))
                .flatMap(ignored -> pool.withTransaction(this::incidents))
                .flatMap(ignored -> pool.withTransaction(connection -> coverageGaps(connection, today)))
                .flatMap(ignored -> pool.withTransaction(this::shiftsStarting))
                .replaceWithVoid();
    }

    private Uni<Integer> directives(SqlConnection connection, LocalDate today) {
        return connection.preparedQuery(DIRECTIVES_DUE).execute(Tuple.of(today)).flatMap(rows -> {
            List<Notice> due = new ArrayList<>();
            Map<String, List<Row>> unansweredByDirective = new LinkedHashMap<>();
            for (Row row : rows) {
                int daysLeft = row.getInteger("days_left");
                int given = row.getInteger("given");
                String recipient = row.getString("organization_code");
                NoticeKind kind = daysLeft < 0
                        ? NoticeKind.DIRECTIVE_OVERDUE
                        : daysLeft <= 1 && given > 1
                                ? NoticeKind.DIRECTIVE_DUE_IN_1_DAY
                                : daysLeft >= 2 && given > 3 ? NoticeKind.DIRECTIVE_DUE_IN_3_DAYS : null;
                if (kind == null) {
                    continue;
                }
                due.add(Notice.of(
                        kind.key(row.getUUID("id"), recipient),
                        kind,
                        recipient,
                        kind == NoticeKind.DIRECTIVE_DUE_IN_3_DAYS ? "MEDIUM" : "HIGH",
                        directiveFacts(row, List.of())));
                if (kind == NoticeKind.DIRECTIVE_OVERDUE) {
                    unansweredByDirective
                            .computeIfAbsent(row.getUUID("id").toString(), k -> new ArrayList<>())
                            .add(row);
                }
            }
            unansweredByDirective.forEach((id, unanswered) -> {
                Row first = unanswered.getFirst();
                List<NoticeFacts.Item> items = unanswered.stream()
                        .map(r -> new NoticeFacts.Item(r.getString("organization_code"), "HIGH", null))
                        .toList();
                due.add(Notice.of(
                        "directive-unanswered:" + id,
                        NoticeKind.DIRECTIVE_UNANSWERED,
                        first.getString("issuer_code"),
                        "HIGH",
                        directiveFacts(first, items)));
            });
            return notices.record(connection, due);
        });
    }

    private static NoticeFacts directiveFacts(Row row, List<NoticeFacts.Item> items) {
        return new NoticeFacts(
                row.getString("reference"),
                row.getString("subject"),
                "/directives/" + row.getUUID("id"),
                Map.of(
                        "dueOn", row.getLocalDate("report_due_on").toString(),
                        "days", String.valueOf(Math.abs(row.getInteger("days_left"))),
                        "count", String.valueOf(items.size())),
                items);
    }

    private Uni<Integer> exposures(SqlConnection connection, LocalDate today) {
        return connection
                .preparedQuery(EXPOSURES_DUE)
                .execute(Tuple.of(today, escalateAfterDays))
                .flatMap(rows -> {
                    Map<String, List<Row>> grouped = new LinkedHashMap<>();
                    for (Row row : rows) {
                        String organization = row.getString("organization_code");
                        if (row.getBoolean("due_soon")) {
                            grouped.computeIfAbsent("DUE_SOON|" + organization, k -> new ArrayList<>())
                                    .add(row);
                        }
                        if (row.getBoolean("overdue")) {
                            grouped.computeIfAbsent("OVERDUE|" + organization, k -> new ArrayList<>())
                                    .add(row);
                        }
                        if (row.getBoolean("escalate") && row.getString("parent") != null) {
                            grouped.computeIfAbsent("ESCALATE|" + row.getString("parent"), k -> new ArrayList<>())
                                    .add(row);
                        }
                    }
                    List<Notice> due = new ArrayList<>();
                    grouped.forEach((key, exposures) -> {
                        String reminder = key.substring(0, key.indexOf('|'));
                        String told = key.substring(key.indexOf('|') + 1);
                        NoticeKind kind = switch (reminder) {
                            case "ESCALATE" -> NoticeKind.EXPOSURES_ESCALATED;
                            case "OVERDUE" -> NoticeKind.EXPOSURES_OVERDUE;
                            default -> NoticeKind.EXPOSURES_DUE_SOON;
                        };
                        due.add(Notice.of(
                                kind.key(told, identity(exposures)),
                                kind,
                                told,
                                Severities.worst(exposures.stream()
                                        .map(r -> r.getString("severity"))
                                        .toList()),
                                exposureFacts(kind, told, exposures, today.minusDays(escalateAfterDays))));
                    });
                    return notices.record(connection, due);
                });
    }

    /** The exposures and their due dates: a due date moved (a reopening) makes a new reminder. */
    private static UUID identity(List<Row> exposures) {
        StringBuilder all = new StringBuilder();
        exposures.forEach(r -> all.append(r.getUUID("id"))
                .append('@')
                .append(r.getLocalDate("due_on"))
                .append(';'));
        return UUID.nameUUIDFromBytes(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Where each reminder leads: the organisation's exposures still to fix (the console's filter of that name),
     * soonest due first, which those due soon head; its overdue exposures; for an escalation, those of the
     * organisations directly under the parent told, overdue beyond the threshold, as the escalation chose them (not
     * the parent's own, nor its grandchildren's, which are escalated to their own parents).
     */
    private static String exposuresLink(NoticeKind kind, String told, LocalDate escalatedIfDueBefore) {
        String organization = "/exposures?organization=" + told;
        return switch (kind) {
            case EXPOSURES_DUE_SOON -> organization + "&status=TO_CONFIRM,OPEN,ACKNOWLEDGED,IN_PROGRESS";
            case EXPOSURES_ESCALATED -> "/exposures?parent=" + told + "&overdue=true&dueBefore=" + escalatedIfDueBefore;
            default -> organization + "&overdue=true";
        };
    }

    /** The facts of an exposure reminder; {@code organization} is the one told (an escalation's is the parent). */
    private static NoticeFacts exposureFacts(
            NoticeKind kind, String told, List<Row> exposures, LocalDate escalatedIfDueBefore) {
        List<NoticeFacts.Item> items = exposures.stream()
                .limit(NoticeFacts.KEPT_ITEMS)
                .map(r -> new NoticeFacts.Item(
                        r.getString("label") + " · " + r.getString("organization_code") + " · "
                                + r.getLocalDate("due_on"),
                        r.getString("severity"),
                        "/exposures/" + r.getUUID("id")))
                .toList();
        return new NoticeFacts(
                null,
                null,
                exposuresLink(kind, told, escalatedIfDueBefore),
                Map.of("count", String.valueOf(exposures.size()), "organization", told, "days", "3"),
                items);
    }

    private Uni<Integer> incidents(SqlConnection connection) {
        return connection
                .preparedQuery(INCIDENTS_PAST_SLA)
                .execute(Tuple.of((double) age.news().toSeconds()))
                .flatMap(rows -> {
                    List<Notice> due = new ArrayList<>();
                    for (Row row : rows) {
                        List<String> chain = OrganizationPaths.upward(row.getString("reporting_path"));
                        NoticeFacts facts = new NoticeFacts(
                                row.getString("reference"),
                                row.getString("title"),
                                "/incidents/" + row.getUUID("id"),
                                Map.of(
                                        "organization", row.getString("reporting_organization"),
                                        "due",
                                                TIME.format(row.getOffsetDateTime("resolution_due")
                                                        .atZoneSameInstant(Vietnam.ZONE))),
                                List.of());
                        // The reporting organisation and its parent coordinator.
                        for (String code : chain.subList(0, Math.min(2, chain.size()))) {
                            due.add(Notice.of(
                                    "incident-sla-breached:" + row.getUUID("id") + ":" + code,
                                    NoticeKind.INCIDENT_SLA_BREACHED,
                                    code,
                                    row.getString("severity"),
                                    facts));
                        }
                    }
                    return notices.record(connection, due);
                });
    }

    private Uni<Integer> coverageGaps(SqlConnection connection, LocalDate today) {
        return connection.preparedQuery(COVERAGE_GAPS).execute(Tuple.of(today)).flatMap(rows -> {
            Map<String, List<Row>> byWindow = new LinkedHashMap<>();
            rows.forEach(row -> byWindow.computeIfAbsent(
                            row.getUUID("id") + "|" + row.getString("name") + "|" + row.getString("organization_code"),
                            k -> new ArrayList<>())
                    .add(row));
            List<Notice> due = new ArrayList<>();
            byWindow.forEach((key, gaps) -> {
                Row first = gaps.getFirst();
                List<NoticeFacts.Item> items = gaps.stream()
                        .map(g -> new NoticeFacts.Item(
                                TIME.format(g.getOffsetDateTime("gap_from").atZoneSameInstant(Vietnam.ZONE)) + " – "
                                        + TIME.format(
                                                g.getOffsetDateTime("gap_to").atZoneSameInstant(Vietnam.ZONE)),
                                "HIGH",
                                null))
                        .toList();
                due.add(Notice.of(
                        "duty-coverage-gap:" + key,
                        NoticeKind.DUTY_COVERAGE_GAP,
                        first.getString("organization_code"),
                        "HIGH",
                        new NoticeFacts(
                                first.getString("name"),
                                first.getString("name"),
                                "/duty?window=" + first.getString("name"),
                                Map.of("count", String.valueOf(gaps.size())),
                                items)));
            });
            return notices.record(connection, due);
        });
    }

    private Uni<Integer> shiftsStarting(SqlConnection connection) {
        return connection.preparedQuery(SHIFTS_STARTING).execute().flatMap(rows -> {
            List<Notice> due = new ArrayList<>();
            for (Row row : rows) {
                String from = TIME.format(row.getOffsetDateTime("starts_at").atZoneSameInstant(Vietnam.ZONE));
                String to = TIME.format(row.getOffsetDateTime("ends_at").atZoneSameInstant(Vietnam.ZONE));
                due.add(new Notice(
                        "duty-shift-starting:" + row.getUUID("id"),
                        NoticeKind.DUTY_SHIFT_STARTING,
                        row.getString("organization_code"),
                        "MEDIUM",
                        row.getString("email"),
                        new NoticeFacts(
                                row.getString("person"),
                                row.getString("person"),
                                "/duty",
                                Map.of("from", from, "to", to),
                                List.of(new NoticeFacts.Item(
                                        row.getString("person") + ": " + from + " – " + to, "MEDIUM", null)))));
            }
            return notices.record(connection, due);
        });
    }
}
