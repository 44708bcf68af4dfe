package vn.canhgac.incident.handling;

import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_ESCALATED;
import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_REPORTED;
import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_STATUS_CHANGED;
import static vn.canhgac.commons.sql.SqlParams.bind;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import vn.canhgac.commons.contracts.EventContract;
import vn.canhgac.commons.contracts.IncidentEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.text.SearchText;

/**
 * Reports incidents and moves them through their workflow, everything on the timeline. An incident is visible to
 * the reporting organisation's scope and to the scope of every organisation it affects; another is 404.
 */
@ApplicationScoped
public class IncidentService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A reference's number and the deadlines' regime of the moment, in one round trip outside any transaction. */
    private static final String DRAW = """
            select next_incident_number($1) as number,
                   exists (select 1 from alert_window where $2::date between starts_on and ends_on) as in_alert_window""";

    private static final String VISIBLE = """
            (i.reporting_path like $1
             or exists (select 1 from incident_affected a where a.incident_id = i.id and a.org_path like $1)
             or exists (select 1 from incident_escalation e where e.incident_id = i.id and e.org_path like $1))""";
    private static final String ESCALATE = """
            insert into incident_escalation (incident_id, organization_code, org_path, channel, escalated_at, escalated_by)
            select $1, o.code, o.path, $3, now(), $4 from organization_replica o where o.code = $2 and not o.deleted
            on conflict (incident_id, organization_code) do update set channel = excluded.channel,
                escalated_at = excluded.escalated_at, escalated_by = excluded.escalated_by""";
    private static final String SYSTEMS = """
            select id, organization_code, org_path, name, security_level from system_replica where id = any($1) and not deleted""";
    private static final String ASSETS = """
            select id, organization_code, org_path, coalesce(hostname, '') as hostname from asset_replica
            where id = any($1) and not deleted""";
    private static final String ASSIGN = """
            update incident set assignee_person = $2, assignee_org = $3, first_response_at = coalesce(first_response_at, now()),
                version = version + 1, updated_at = now(), updated_by = $4 where id = $1""";
    private static final String CONTACTS =
            "select contacts::text from organization_contact where organization_code = $1";
    private static final String INSERT_OBSERVABLES = """
            insert into incident_observable (incident_id, type, value, tlp, added_at, added_by)
            select $1, u.type, u.value, u.tlp, now(), $5 from unnest($2::text[], $3::text[], $4::text[]) as u(type, value, tlp)
            on conflict do nothing""";
    private static final String TIMELINE = """
            insert into incident_timeline (incident_id, at, actor, kind, text, data) values ($1, now(), $2, $3, $4, $5::text::json)""";
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

    private final Pool pool;
    private final TenantScopes scopes;
    private final Outbox outbox;

    public IncidentService(Pool pool, TenantScopes scopes, Outbox outbox) {
        this.pool = pool;
        this.scopes = scopes;
        this.outbox = outbox;
    }

    public Uni<IncidentView> report(Caller caller, IncidentInput input) {
        Tlp tlp = tlp(input.tlp(), "tlp");
        List<IncidentView.Observable> observables = canonical(input.observables());
        String reporting = input.reportingOrganization() != null
                        && !input.reportingOrganization().isBlank()
                ? input.reportingOrganization()
                : caller.orgCode();
        Set<String> affected = new LinkedHashSet<>(input.affectedOrganizations());
        if (affected.isEmpty()) {
            affected.add(reporting);
        }
        return scopes.of(caller)
                .flatMap(scope -> targets(scope, input, reporting, affected))
                .flatMap(targets -> draw().map(ticket -> NewIncident.of(
                        TimeOrderedIds.next(),
                        ticket,
                        reporting,
                        targets.reportingPath(),
                        input,
                        tlp,
                        targets.affected(),
                        targets.systems().found(),
                        targets.assets().found(),
                        observables,
                        caller.displayName())))
                .flatMap(incident -> pool.withTransaction(connection -> store(connection, incident)));
    }

    /** What the report points at, all in the caller's scope; every system or asset that is not is listed in one 400. */
    private Uni<ReportTargets> targets(TenantScope scope, IncidentInput input, String reporting, Set<String> affected) {
        return inScopePath(scope, reporting, "reportingOrganization")
                .flatMap(path -> affectedPaths(scope, affected).map(paths -> ReportTargets.of(path, paths)))
                .flatMap(targets ->
                        affectedSystems(scope, input, targets.affected()).map(targets::withSystems))
                .flatMap(targets ->
                        affectedAssets(scope, input, targets.affected()).map(targets::withAssets))
                .invoke(ReportTargets::refuseUnknown);
    }

    /** Draws the next reference of this year (a gap if the report then fails) and the deadlines' regime. */
    public Uni<Ticket> draw() {
        LocalDate today = LocalDate.now(VIETNAM);
        return pool.preparedQuery(DRAW)
                .execute(Tuple.of(today.getYear(), today))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Ticket(
                            "INC-%d-%06d".formatted(today.getYear(), row.getLong("number")),
                            row.getBoolean("in_alert_window"));
                });
    }

    /**
     * Opens an incident on a connection whose transaction the caller holds, for a report that did not come
     * through the API (a botnet hit, a promoted alert): the reporting organisation is the affected one.
     */
    public Uni<IncidentView> openOn(
            SqlConnection connection,
            Caller reporter,
            IncidentInput input,
            Ticket ticket,
            String organization,
            String path) {
        return store(
                connection,
                NewIncident.of(
                        TimeOrderedIds.next(),
                        ticket,
                        organization,
                        path,
                        input,
                        tlp(input.tlp(), "tlp"),
                        new TreeMap<>(Map.of(organization, path)),
                        List.of(),
                        List.of(),
                        canonical(input.observables()),
                        reporter.displayName()));
    }

    /** The incident and its event, sent together (pipelined) in the caller's transaction. */
    private Uni<IncidentView> store(SqlConnection connection, NewIncident incident) {
        return Uni.combine()
                .all()
                .unis(
                        connection.preparedQuery(NewIncident.STORE).execute(incident.row()),
                        outbox.recordAll(connection, INCIDENT_REPORTED, List.of(incident.event())))
                .discardItems()
                .replaceWith(incident::view);
    }

    /** Adds observables and a timeline line to an incident, on the caller's connection. */
    public Uni<Void> addOn(SqlConnection connection, Caller actor, UUID id, List<ObservableInput> inputs, String text) {
        return insertObservables(connection, id, actor, canonical(inputs))
                .flatMap(ignored -> timeline(connection, id, actor, "ACTION", text, null));
    }

    public Uni<IncidentView> get(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> visible(pool, scope, id, false))
                .flatMap(row -> pool.preparedQuery(READ_TIMELINE)
                        .execute(Tuple.of(id))
                        .map(rows -> {
                            List<IncidentView.TimelineEntry> timeline = new ArrayList<>();
                            rows.forEach(t -> timeline.add(new IncidentView.TimelineEntry(
                                    t.getOffsetDateTime("at").toInstant(),
                                    t.getString("actor"),
                                    t.getString("kind"),
                                    t.getString("text"),
                                    t.getString("data"))));
                            return IncidentView.of(row, timeline);
                        }));
    }

    public Uni<Page<IncidentView>> list(Caller caller, IncidentFilter filter, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> organizationPattern(scope, filter.organization())
                        .flatMap(pattern -> {
                            Tuple params = Tuple.of(scope.likePattern());
                            List<String> where = new ArrayList<>(List.of(VISIBLE));
                            if (pattern != null) {
                                String p = bind(params, pattern);
                                where.add(
                                        "(i.reporting_path like " + p + " or exists (select 1 from incident_affected a "
                                                + "where a.incident_id = i.id and a.org_path like " + p + "))");
                            }
                            if (filter.status() != null) {
                                where.add("i.status = "
                                        + bind(params, filter.status().name()));
                            }
                            if (filter.severity() != null) {
                                where.add("i.severity = "
                                        + bind(params, filter.severity().name()));
                            }
                            if (filter.category() != null) {
                                where.add("i.category = "
                                        + bind(params, filter.category().name()));
                            }
                            if (filter.overdue()) {
                                where.add(
                                        "i.status not in ('CLOSED', 'REJECTED', 'DUPLICATE') and (i.resolution_due < now() "
                                                + "or (i.first_response_at is null and i.first_response_due < now()))");
                            }
                            if (filter.query() != null && !filter.query().isBlank()) {
                                where.add("i.search_text like "
                                        + bind(params, SearchText.containsPattern(filter.query())));
                            }
                            if (cursor != null) {
                                where.add("(i.reported_at, i.id) < (" + bind(params, cursor.timestamp(0)) + ", "
                                        + bind(params, cursor.uuid(1)) + ")");
                            }
                            String sql = "select " + IncidentView.COLUMNS + " from incident i where "
                                    + String.join(" and ", where) + " order by i.reported_at desc, i.id desc limit "
                                    + (limit + 1);
                            return pool.preparedQuery(sql).execute(params).map(rows -> {
                                List<IncidentView> found = new ArrayList<>();
                                rows.forEach(row -> found.add(IncidentView.of(row, null)));
                                return Page.of(
                                        found,
                                        limit,
                                        i -> Cursor.encode(
                                                i.reportedAt()
                                                        .atOffset(ZoneOffset.UTC)
                                                        .toString(),
                                                i.id().toString()),
                                        i -> i);
                            });
                        }));
    }

    /** One workflow step; 409 with the steps allowed from where the incident stands. */
    public Uni<IncidentView> changeStatus(Caller caller, UUID id, StatusChange change) {
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> visible(connection, scope, id, true)
                        .flatMap(row -> {
                            IncidentStatus from = IncidentStatus.valueOf(row.getString("status"));
                            if (!from.next().contains(change.status())) {
                                throw DomainProblem.illegalTransition(
                                        from.name(), change.status().name(), from.nextNames());
                            }
                            return connection
                                    .preparedQuery(CHANGE_STATUS)
                                    .execute(Tuple.of(
                                            id,
                                            change.status().name(),
                                            caller.displayName(),
                                            !change.status().isOpen()))
                                    .flatMap(ignored -> timeline(
                                            connection,
                                            id,
                                            caller,
                                            "STATUS",
                                            from.name() + " → "
                                                    + change.status().name()
                                                    + (change.note() == null ? "" : ": " + change.note()),
                                            null))
                                    .flatMap(ignored -> announce(connection, id, INCIDENT_STATUS_CHANGED));
                        })))
                .flatMap(ignored -> get(caller, id));
    }

    /**
     * Escalates to VNCERT/CC or NCSC: the centre sees the incident from then on, and the timeline records the
     * channel and the contact data inventory holds for the centre (the hotline called, the address written to).
     */
    public Uni<IncidentView> escalate(Caller caller, UUID id, EscalationInput escalation) {
        String target = escalation.to().name();
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> visible(connection, scope, id, true)
                        .flatMap(row -> connection
                                .preparedQuery(ESCALATE)
                                .execute(Tuple.of(
                                        id, target, escalation.channel().name(), caller.displayName())))
                        .invoke(written -> {
                            if (written.rowCount() == 0) {
                                throw DomainProblem.invalidField("to", "unknown-organization", target);
                            }
                        })
                        .flatMap(ignored -> connection.preparedQuery(CONTACTS).execute(Tuple.of(target)))
                        .flatMap(contacts -> timeline(
                                connection,
                                id,
                                caller,
                                "ESCALATION",
                                "→ " + target + " (" + escalation.channel() + ")"
                                        + (escalation.note() == null ? "" : ": " + escalation.note()),
                                contacts.size() == 0
                                        ? null
                                        : "{\"contacts\":"
                                                + contacts.iterator().next().getString(0) + "}"))
                        .flatMap(ignored ->
                                connection.preparedQuery(RESPONDED).execute(Tuple.of(id, caller.displayName())))
                        .flatMap(ignored -> announce(connection, id, INCIDENT_ESCALATED))))
                .flatMap(ignored -> get(caller, id));
    }

    /** A comment, an action taken or a piece of evidence on the timeline; the first answer stops the response clock. */
    public Uni<IncidentView> addToTimeline(Caller caller, UUID id, TimelineInput entry) {
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> visible(connection, scope, id, true)
                        .flatMap(row -> timeline(
                                connection,
                                id,
                                caller,
                                entry.kind().name(),
                                entry.text(),
                                entry.reference() == null
                                        ? null
                                        : new io.vertx.core.json.JsonObject()
                                                .put("reference", entry.reference())
                                                .encode()))
                        .flatMap(ignored ->
                                connection.preparedQuery(RESPONDED).execute(Tuple.of(id, caller.displayName())))))
                .flatMap(ignored -> get(caller, id));
    }

    public Uni<IncidentView> addObservables(Caller caller, UUID id, List<ObservableInput> inputs) {
        List<IncidentView.Observable> observables = canonical(inputs);
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> visible(connection, scope, id, true)
                        .flatMap(row -> insertObservables(connection, id, caller, observables))
                        .flatMap(ignored -> timeline(
                                connection,
                                id,
                                caller,
                                "OBSERVABLES",
                                observables.size() + " observable(s) added",
                                null))))
                .flatMap(ignored -> get(caller, id));
    }

    /** Hands the incident to a person, an organisation in the caller's scope, or both; the first answer stops the response clock. */
    public Uni<IncidentView> assign(Caller caller, UUID id, AssignmentInput assignment) {
        String person = blankToNull(assignment.person());
        String organization = blankToNull(assignment.organization());
        if (person == null && organization == null) {
            throw DomainProblem.invalidField("person", "assignee-required");
        }
        return scopes.of(caller)
                .flatMap(scope -> (organization == null
                                ? Uni.createFrom().voidItem()
                                : inScopePath(scope, organization, "organization")
                                        .replaceWithVoid())
                        .flatMap(ignored -> pool.withTransaction(connection -> visible(connection, scope, id, true)
                                .flatMap(row -> connection
                                        .preparedQuery(ASSIGN)
                                        .execute(Tuple.of(id, person, organization, caller.displayName())))
                                .flatMap(ignored2 -> timeline(
                                        connection,
                                        id,
                                        caller,
                                        "ASSIGNMENT",
                                        "→ "
                                                + (person == null
                                                        ? organization
                                                        : organization == null
                                                                ? person
                                                                : person + " (" + organization + ")")
                                                + (assignment.note() == null ? "" : ": " + assignment.note()),
                                        null)))))
                .flatMap(ignored -> get(caller, id));
    }

    /** Which incidents in the caller's scope saw this observable. */
    public Uni<List<IncidentView>> withObservable(Caller caller, ObservableType type, String value) {
        String canonical = Observables.canonical(type, value)
                .orElseThrow(() -> DomainProblem.invalidField("value", "bad-observable", value, type.name()));
        return scopes.of(caller)
                .flatMap(scope -> pool.preparedQuery(
                                "select " + IncidentView.COLUMNS
                                        + " from incident i where " + VISIBLE
                                        + " and exists (select 1 from incident_observable o "
                                        + "where o.incident_id = i.id and o.type = $2 and o.value = $3) order by i.reported_at desc limit 200")
                        .execute(Tuple.of(scope.likePattern(), type.name(), canonical))
                        .map(rows -> {
                            List<IncidentView> found = new ArrayList<>();
                            rows.forEach(row -> found.add(IncidentView.of(row, null)));
                            return found;
                        }));
    }

    private static Uni<Void> insertObservables(
            SqlConnection connection, UUID id, Caller caller, List<IncidentView.Observable> observables) {
        if (observables.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(INSERT_OBSERVABLES)
                .execute(Tuple.of(
                        id,
                        observables.stream().map(o -> o.type().name()).toArray(String[]::new),
                        observables.stream().map(IncidentView.Observable::value).toArray(String[]::new),
                        observables.stream().map(IncidentView.Observable::tlp).toArray(String[]::new),
                        caller.displayName()))
                .replaceWithVoid();
    }

    private static Uni<Void> timeline(
            SqlConnection connection, UUID id, Caller caller, String kind, String text, String json) {
        return connection
                .preparedQuery(TIMELINE)
                .execute(Tuple.of(id, caller.displayName(), kind, text, json))
                .replaceWithVoid();
    }

    private Uni<Void> announce(SqlConnection connection, UUID id, EventContract<IncidentEvent> contract) {
        return visible(connection, TenantScope.everything(null), id, false).flatMap(row -> {
            IncidentView incident = IncidentView.of(row, null);
            IncidentEvent event = new IncidentEvent(
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
            return outbox.recordAll(connection, contract, List.of(event));
        });
    }

    private static Uni<Row> visible(SqlClient client, TenantScope scope, UUID id, boolean lock) {
        return client.preparedQuery("select " + IncidentView.COLUMNS + " from incident i where i.id = $2 and " + VISIBLE
                        + (lock ? " for update of i" : ""))
                .execute(Tuple.of(scope.likePattern(), id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainProblem.notFound("incident", id);
                    }
                    return rows.iterator().next();
                });
    }

    private Uni<String> inScopePath(TenantScope scope, String code, String field) {
        return scopes.pathInScope(
                scope, code, () -> DomainProblem.invalidField(field, "unknown-organization", code == null ? "" : code));
    }

    /** The affected organisations' paths; each must be in the caller's scope, unless the caller is the authority. */
    private Uni<SortedMap<String, String>> affectedPaths(TenantScope scope, Set<String> affected) {
        SortedMap<String, String> found = new TreeMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String code : affected) {
            chain = chain.call(
                    () -> inScopePath(scope, code, "affectedOrganizations").invoke(path -> found.put(code, path)));
        }
        return chain.replaceWith(found);
    }

    /** The systems named, each in the caller's scope; their organisations are affected too. */
    private Uni<ReportTargets.Named<IncidentView.AffectedSystem>> affectedSystems(
            TenantScope scope, IncidentInput input, SortedMap<String, String> affected) {
        return inScope(
                scope,
                SYSTEMS,
                input.affectedSystems(),
                "affectedSystems",
                "unknown-system",
                affected,
                row -> new IncidentView.AffectedSystem(
                        row.getUUID("id"),
                        row.getString("organization_code"),
                        row.getString("name"),
                        row.getInteger("security_level")));
    }

    /** The assets named, each in the caller's scope; their organisations are affected too. */
    private Uni<ReportTargets.Named<IncidentView.AffectedAsset>> affectedAssets(
            TenantScope scope, IncidentInput input, SortedMap<String, String> affected) {
        return inScope(
                scope,
                ASSETS,
                input.affectedAssets(),
                "affectedAssets",
                "unknown-asset",
                affected,
                row -> new IncidentView.AffectedAsset(
                        row.getUUID("id"), row.getString("organization_code"), row.getString("hostname")));
    }

    private <T> Uni<ReportTargets.Named<T>> inScope(
            TenantScope scope,
            String sql,
            List<UUID> ids,
            String field,
            String unknown,
            SortedMap<String, String> affected,
            java.util.function.Function<Row, T> view) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new ReportTargets.Named<>(List.of(), List.of()));
        }
        return pool.preparedQuery(sql)
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, T> found = new java.util.LinkedHashMap<>();
                    rows.forEach(row -> {
                        String path = row.getString("org_path");
                        if (scope.isEverything() || scope.covers(path)) {
                            found.put(row.getUUID("id"), view.apply(row));
                            affected.put(row.getString("organization_code"), path);
                        }
                    });
                    List<Violation> faults = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        if (!found.containsKey(ids.get(i))) {
                            faults.add(new Violation(field + "[" + i + "]", unknown, ids.get(i)));
                        }
                    }
                    return new ReportTargets.Named<>(List.copyOf(found.values()), faults);
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Uni<String> organizationPattern(TenantScope scope, String organization) {
        if (organization == null || organization.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return inScopePath(scope, organization, "organization").map(path -> path + "%");
    }

    private static List<IncidentView.Observable> canonical(List<ObservableInput> inputs) {
        List<Violation> faults = new ArrayList<>();
        List<IncidentView.Observable> observables = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ObservableInput input = inputs.get(i);
            var canonical = Observables.canonical(input.type(), input.value());
            if (canonical.isEmpty()) {
                faults.add(new Violation(
                        "observables[" + i + "].value",
                        "bad-observable",
                        input.value(),
                        input.type().name()));
                continue;
            }
            Tlp tlp = tlp(input.tlp(), "observables[" + i + "].tlp");
            observables.add(new IncidentView.Observable(input.type(), canonical.get(), tlp.name()));
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
        return observables;
    }

    private static Tlp tlp(String text, String field) {
        try {
            Tlp tlp = Tlp.parse(text);
            return tlp == null ? Tlp.AMBER : tlp;
        } catch (IllegalArgumentException e) {
            throw DomainProblem.invalidField(field, "bad-tlp", text);
        }
    }
}
