package vn.canhgac.incident.handling;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import vn.canhgac.commons.contracts.IncidentEvent;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.sql.Conditions;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.text.SearchText;

/**
 * The incident tables, in SQL, on the client or connection the caller gives (and holds the transaction of). A
 * read of one incident answers null when the scope does not see it.
 */
@ApplicationScoped
public class IncidentStore {

    /** A system or asset a report names, with the organisation that owns it. */
    record Owned<T>(UUID id, String organization, String path, T item) {}

    private static final String COLUMNS = """
            i.*, array(select organization_code from incident_affected a where a.incident_id = i.id
                       order by organization_code) as affected,
            array(select type || ' ' || tlp || ' ' || value from incident_observable o where o.incident_id = i.id
                  order by type, value) as observed,
            array(select organization_code from incident_escalation e where e.incident_id = i.id
                  order by escalated_at) as escalated_to,
            array(select system_id || ' ' || security_level || ' ' || organization_code || ' ' || name
                  from incident_system s where s.incident_id = i.id order by name, system_id) as systems,
            array(select asset_id || ' ' || organization_code || ' ' || hostname
                  from incident_asset a where a.incident_id = i.id order by hostname, asset_id) as assets""";
    private static final String SELECT = "select " + COLUMNS + " from incident i";
    /** Seen by the scope whose LIKE pattern is $1: reported, affected or escalated to in it. */
    private static final String VISIBLE = """
            (i.reporting_path like $1
             or exists (select 1 from incident_affected a where a.incident_id = i.id and a.org_path like $1)
             or exists (select 1 from incident_escalation e where e.incident_id = i.id and e.org_path like $1))""";

    private static final String ONE = SELECT + " where i.id = $2 and " + VISIBLE;
    private static final String WITH_OBSERVABLE = SELECT + " where " + VISIBLE
            + " and exists (select 1 from incident_observable o "
            + "where o.incident_id = i.id and o.type = $2 and o.value = $3) order by i.reported_at desc limit 200";
    private static final String IN_ORGANIZATION = """
            (i.reporting_path like ? or exists (select 1 from incident_affected a where a.incident_id = i.id and a.org_path like ?))""";
    /** Not closed, rejected or a duplicate: what the summary counts, and the list's {@code open} filter holds. */
    private static final String OPEN = "i.status not in ('CLOSED', 'REJECTED', 'DUPLICATE')";

    private static final String OVERDUE = OPEN + """
             and (i.resolution_due < now() \
            or (i.first_response_at is null and i.first_response_due < now()))""";

    /**
     * References' numbers and the deadlines' regime of the moment, in one round trip outside any transaction: as many
     * as {@code $3} asks, in the order drawn.
     */
    private static final String DRAW = """
            select next_incident_number($1) as number,
                   exists (select 1 from alert_window where $2::date between starts_on and ends_on) as in_alert_window
            from generate_series(1, $3) as n(drawn) order by n.drawn""";

    /**
     * Incidents with everything they point at and their first timeline lines, in one statement: the incidents' own
     * columns one array each, the rows they point at flattened with their incident's id.
     */
    private static final String INSERT = """
            with incident as (
                insert into incident (id, reference, reporting_org, reporting_path, reporter_name, reporter_phone,
                    reporter_email, title, description, category, severity, status, detected_at, reported_at, impact,
                    scope, measures_taken, support_requested, tlp, first_response_due, resolution_due, search_text,
                    version, created_at, created_by, updated_at, updated_by)
                select n.id, n.reference, n.org, n.path, n.name, n.phone, n.email, n.title, n.description, n.category,
                       n.severity, 'REPORTED', n.detected_at, n.reported_at, n.impact, n.scope, n.measures, n.support,
                       n.tlp, n.first_due, n.resolution_due, n.search, 0, n.reported_at, n.actor, n.reported_at, n.actor
                from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[],
                            $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::timestamptz[],
                            $20::timestamptz[], $21::text[], $22::text[])
                     as n(id, reference, org, path, name, phone, email, title, description, category, severity,
                          detected_at, reported_at, impact, scope, measures, support, tlp, first_due, resolution_due,
                          search, actor)
                returning id, reported_at, created_by
            ), affected as (
                insert into incident_affected (incident_id, organization_code, org_path)
                select a.incident_id, a.code, a.path from unnest($23::uuid[], $24::text[], $25::text[])
                    as a(incident_id, code, path)
            ), observed as (
                insert into incident_observable (incident_id, type, value, tlp, added_at, added_by)
                select o.incident_id, o.type, o.value, o.tlp, i.reported_at, i.created_by
                from unnest($26::uuid[], $27::text[], $28::text[], $29::text[]) as o(incident_id, type, value, tlp)
                join incident i on i.id = o.incident_id
            ), systems as (
                insert into incident_system (incident_id, system_id, organization_code, name, security_level)
                select s.incident_id, s.id, s.org, s.name, s.level
                from unnest($30::uuid[], $31::uuid[], $32::text[], $33::text[], $34::int[])
                    as s(incident_id, id, org, name, level)
            ), assets as (
                insert into incident_asset (incident_id, asset_id, organization_code, hostname)
                select a.incident_id, a.id, a.org, a.hostname
                from unnest($35::uuid[], $36::uuid[], $37::text[], $38::text[]) as a(incident_id, id, org, hostname)
            )
            insert into incident_timeline (incident_id, at, actor, kind, text)
            select id, reported_at, created_by, 'STATUS', 'REPORTED' from incident""";

    private static final String SYSTEMS = """
            select id, organization_code, org_path, name, security_level from system_replica where id = any($1) and not deleted""";
    private static final String ASSETS = """
            select id, organization_code, org_path, coalesce(hostname, '') as hostname from asset_replica
            where id = any($1) and not deleted""";
    private static final String ESCALATE = """
            insert into incident_escalation (incident_id, organization_code, org_path, channel, escalated_at, escalated_by)
            select $1, o.code, o.path, $3, now(), $4 from organization_replica o where o.code = $2 and not o.deleted
            on conflict (incident_id, organization_code) do update set channel = excluded.channel,
                escalated_at = excluded.escalated_at, escalated_by = excluded.escalated_by""";
    private static final String ASSIGN = """
            update incident set assignee_person = $2, assignee_org = $3, first_response_at = coalesce(first_response_at, now()),
                version = version + 1, updated_at = now(), updated_by = $4 where id = $1""";
    private static final String CONTACTS =
            "select contacts::text from organization_contact where organization_code = $1";
    /** Observables of one or more incidents, each with its incident's id; those an incident holds are left. */
    private static final String INSERT_OBSERVABLES = """
            insert into incident_observable (incident_id, type, value, tlp, added_at, added_by)
            select u.incident_id, u.type, u.value, u.tlp, now(), $5
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as u(incident_id, type, value, tlp)
            on conflict do nothing""";
    /** Lines of one kind on the timelines of one or more incidents, in the order given. */
    private static final String TIMELINE = """
            insert into incident_timeline (incident_id, at, actor, kind, text, data)
            select u.incident_id, now(), $4, $5, u.text, u.data::json
            from unnest($1::uuid[], $2::text[], $3::text[]) with ordinality as u(incident_id, text, data, n)
            order by u.n""";

    private static final String READ_TIMELINE = """
            select at, actor, kind, text, data::text as data from incident_timeline where incident_id = $1 order by id""";
    private static final String CHANGE_STATUS = """
            update incident set status = $2, version = version + 1, updated_at = now(), updated_by = $3,
                first_response_at = coalesce(first_response_at, now()),
                closed_at = case when $4 then now() else closed_at end
            where id = $1""";
    private static final String RESPONDED = """
            update incident set first_response_at = coalesce(first_response_at, now()), version = version + 1,
                updated_at = now(), updated_by = $2 where id = $1""";

    /**
     * Draws the next references of today's year (gaps if the reports then fail), and tells whether today is in an
     * alert window.
     */
    Uni<List<Ticket>> draw(SqlClient client, LocalDate today, int count) {
        return client.preparedQuery(DRAW)
                .execute(Tuple.of(today.getYear(), today, count))
                .map(rows -> {
                    List<Ticket> tickets = new ArrayList<>(count);
                    rows.forEach(row -> tickets.add(new Ticket(
                            "INC-%d-%06d".formatted(today.getYear(), row.getLong("number")),
                            row.getBoolean("in_alert_window"))));
                    return tickets;
                });
    }

    /** The incidents with everything they point at and their first timeline lines, in one statement. */
    Uni<Void> insert(SqlClient connection, List<NewIncident> incidents) {
        return connection
                .preparedQuery(INSERT)
                .execute(NewIncidentRows.of(incidents))
                .replaceWithVoid();
    }

    /** The incident with its timeline, or null. */
    Uni<IncidentView> visible(SqlClient client, TenantScope scope, UUID id) {
        return one(client, scope, id, false)
                .flatMap(row -> row == null
                        ? Uni.createFrom().nullItem()
                        : timelineOf(client, id).map(timeline -> IncidentView.of(row, timeline)));
    }

    /** Locks the incident until the transaction ends and answers where it stands, or null. */
    Uni<IncidentStatus> lock(SqlClient connection, TenantScope scope, UUID id) {
        return one(connection, scope, id, true)
                .map(row -> row == null ? null : IncidentStatus.valueOf(row.getString("status")));
    }

    /** The incident as its event tells it, whoever's scope it is in; or null. */
    Uni<IncidentEvent> eventOf(SqlClient connection, UUID id) {
        return one(connection, TenantScope.everything(null), id, false).map(row -> {
            if (row == null) {
                return null;
            }
            IncidentView incident = IncidentView.of(row, null);
            return new IncidentEvent(
                    incident.id(),
                    incident.reference(),
                    incident.reportingOrganization(),
                    row.getString("reporting_path"),
                    incident.affectedOrganizations(),
                    incident.escalatedTo(),
                    incident.title(),
                    incident.category().name(),
                    incident.severity().name(),
                    incident.status().name(),
                    incident.tlp(),
                    incident.detectedAt(),
                    incident.reportedAt(),
                    incident.resolutionDue(),
                    incident.version());
        });
    }

    /**
     * One page of the incidents the scope sees, newest first; {@code organizationPattern} (null for none) keeps
     * those reported by or affecting that subtree.
     */
    Uni<List<IncidentView>> page(
            SqlClient client,
            TenantScope scope,
            String organizationPattern,
            IncidentFilter filter,
            Cursor.Parts after,
            int limit) {
        Conditions where = Conditions.on(Tuple.of(scope.likePattern()), VISIBLE)
                .whenPresent(organizationPattern, IN_ORGANIZATION)
                .whenPresent(filter.status(), "i.status = ?", Enum::name)
                .whenPresent(filter.severity(), "i.severity = ?", Enum::name)
                .whenPresent(filter.category(), "i.category = ?", Enum::name)
                .when(filter.open(), OPEN)
                .when(filter.overdue(), OVERDUE)
                .whenPresent(filter.query(), "i.search_text like ?", SearchText::containsPattern);
        if (after != null) {
            where.and("(i.reported_at, i.id) < (?, ?)", after.timestamp(0), after.uuid(1));
        }
        String sql = SELECT + where.clause() + " order by i.reported_at desc, i.id desc limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(IncidentStore::views);
    }

    /** The scope's open incidents by severity, with those past their deadlines; see {@link IncidentSummary}. */
    Uni<IncidentSummary> summary(SqlClient client, TenantScope scope, String organizationPattern) {
        Conditions where = Conditions.on(Tuple.of(scope.likePattern()), VISIBLE)
                .whenPresent(organizationPattern, IN_ORGANIZATION)
                .and(OPEN);
        String sql = """
                select i.severity, count(*) as open,
                       count(*) filter (where i.first_response_at is null and i.first_response_due < now()) as response_overdue,
                       count(*) filter (where i.resolution_due < now()) as resolution_overdue,
                       count(*) filter (where %s) as overdue
                from incident i""".formatted(OVERDUE) + where.clause() + " group by i.severity";
        return client.preparedQuery(sql).execute(where.params()).map(rows -> {
            Map<IncidentSeverity, IncidentSummary.BySeverity> counted = new EnumMap<>(IncidentSeverity.class);
            rows.forEach(row -> {
                IncidentSeverity severity = IncidentSeverity.valueOf(row.getString("severity"));
                counted.put(
                        severity,
                        new IncidentSummary.BySeverity(
                                severity,
                                row.getLong("open"),
                                row.getLong("response_overdue"),
                                row.getLong("resolution_overdue"),
                                row.getLong("overdue")));
            });
            List<IncidentSummary.BySeverity> all = new ArrayList<>();
            for (IncidentSeverity severity : IncidentSeverity.values()) {
                all.add(counted.getOrDefault(severity, new IncidentSummary.BySeverity(severity, 0, 0, 0, 0)));
            }
            return new IncidentSummary(all);
        });
    }

    /** The incidents the scope sees that hold the observable (canonical value), newest first, at most 200. */
    Uni<List<IncidentView>> withObservable(SqlClient client, TenantScope scope, ObservableType type, String value) {
        return client.preparedQuery(WITH_OBSERVABLE)
                .execute(Tuple.of(scope.likePattern(), type.name(), value))
                .map(IncidentStore::views);
    }

    Uni<List<IncidentView.TimelineEntry>> timelineOf(SqlClient client, UUID id) {
        return client.preparedQuery(READ_TIMELINE).execute(Tuple.of(id)).map(rows -> {
            List<IncidentView.TimelineEntry> timeline = new ArrayList<>();
            rows.forEach(t -> timeline.add(new IncidentView.TimelineEntry(
                    t.getOffsetDateTime("at").toInstant(),
                    t.getString("actor"),
                    t.getString("kind"),
                    t.getString("text"),
                    t.getString("data"))));
            return timeline;
        });
    }

    /** A line on the timeline; {@code data} is JSON text, or null. */
    Uni<Void> addToTimeline(SqlClient connection, UUID id, String actor, String kind, String text, String data) {
        return addLines(connection, actor, kind, List.of(new Line(id, text, data)));
    }

    /** A line on an incident's timeline; {@code data} is JSON text, or null. */
    record Line(UUID incident, String text, String data) {}

    /** Lines of one kind on the timelines of one or more incidents. */
    Uni<Void> addLines(SqlClient connection, String actor, String kind, List<Line> lines) {
        return connection
                .preparedQuery(TIMELINE)
                .execute(Tuple.of(
                        lines.stream().map(Line::incident).toArray(UUID[]::new),
                        lines.stream().map(Line::text).toArray(String[]::new),
                        lines.stream().map(Line::data).toArray(String[]::new),
                        actor,
                        kind))
                .replaceWithVoid();
    }

    /** Adds the observables the incident does not hold yet. */
    Uni<Void> addObservables(SqlClient connection, UUID id, String actor, List<IncidentView.Observable> observables) {
        return addObservables(connection, actor, Map.of(id, observables));
    }

    /** Adds to each incident the observables it does not hold yet. */
    Uni<Void> addObservables(
            SqlClient connection, String actor, Map<UUID, List<IncidentView.Observable>> observablesByIncident) {
        List<UUID> incidents = new ArrayList<>();
        List<IncidentView.Observable> observables = new ArrayList<>();
        observablesByIncident.forEach((incident, ofIncident) -> ofIncident.forEach(observable -> {
            incidents.add(incident);
            observables.add(observable);
        }));
        if (observables.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(INSERT_OBSERVABLES)
                .execute(Tuple.of(
                        incidents.toArray(UUID[]::new),
                        observables.stream().map(o -> o.type().name()).toArray(String[]::new),
                        observables.stream().map(IncidentView.Observable::value).toArray(String[]::new),
                        observables.stream().map(IncidentView.Observable::tlp).toArray(String[]::new),
                        actor))
                .replaceWithVoid();
    }

    /** Moves the incident to the status; a status that is not open stamps its closing time. */
    Uni<Void> changeStatus(SqlClient connection, UUID id, IncidentStatus status, String actor) {
        return connection
                .preparedQuery(CHANGE_STATUS)
                .execute(Tuple.of(id, status.name(), actor, !status.isOpen()))
                .replaceWithVoid();
    }

    /** Stops the response clock, unless it was stopped already. */
    Uni<Void> responded(SqlClient connection, UUID id, String actor) {
        return connection.preparedQuery(RESPONDED).execute(Tuple.of(id, actor)).replaceWithVoid();
    }

    /** Hands the incident to the person and organisation (either may be null); the response clock stops. */
    Uni<Void> assign(SqlClient connection, UUID id, String person, String organization, String actor) {
        return connection
                .preparedQuery(ASSIGN)
                .execute(Tuple.of(id, person, organization, actor))
                .replaceWithVoid();
    }

    /** Lets the organisation see the incident; false when it is not a known organisation. */
    Uni<Boolean> escalate(SqlClient connection, UUID id, String organization, String channel, String actor) {
        return connection
                .preparedQuery(ESCALATE)
                .execute(Tuple.of(id, organization, channel, actor))
                .map(written -> written.rowCount() != 0);
    }

    /** The contact data inventory holds for the organisation, JSON text; null when it holds none. */
    Uni<String> contactsOf(SqlClient connection, String organization) {
        return connection
                .preparedQuery(CONTACTS)
                .execute(Tuple.of(organization))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** The systems of these ids that inventory knows, whatever their organisation. */
    Uni<List<Owned<IncidentView.AffectedSystem>>> systems(SqlClient client, List<UUID> ids) {
        return owned(
                client,
                SYSTEMS,
                ids,
                row -> new IncidentView.AffectedSystem(
                        row.getUUID("id"),
                        row.getString("organization_code"),
                        row.getString("name"),
                        row.getInteger("security_level")));
    }

    /** The assets of these ids that inventory knows, whatever their organisation. */
    Uni<List<Owned<IncidentView.AffectedAsset>>> assets(SqlClient client, List<UUID> ids) {
        return owned(
                client,
                ASSETS,
                ids,
                row -> new IncidentView.AffectedAsset(
                        row.getUUID("id"), row.getString("organization_code"), row.getString("hostname")));
    }

    private static <T> Uni<List<Owned<T>>> owned(SqlClient client, String sql, List<UUID> ids, Function<Row, T> item) {
        return client.preparedQuery(sql)
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<Owned<T>> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new Owned<>(
                            row.getUUID("id"),
                            row.getString("organization_code"),
                            row.getString("org_path"),
                            item.apply(row))));
                    return found;
                });
    }

    private static Uni<Row> one(SqlClient client, TenantScope scope, UUID id, boolean lock) {
        return client.preparedQuery(ONE + (lock ? " for update of i" : ""))
                .execute(Tuple.of(scope.likePattern(), id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    private static List<IncidentView> views(Iterable<Row> rows) {
        List<IncidentView> found = new ArrayList<>();
        rows.forEach(row -> found.add(IncidentView.of(row, null)));
        return found;
    }
}
