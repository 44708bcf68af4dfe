package vn.canhgac.incident.alert;

import static vn.canhgac.commons.sql.SqlParams.bind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.incident.handling.IncidentInput;
import vn.canhgac.incident.handling.IncidentService;
import vn.canhgac.incident.handling.IncidentView;
import vn.canhgac.incident.handling.ObservableInput;
import vn.canhgac.incident.handling.Observables;

/**
 * Alerts from monitoring feeds: pushed one by one or in bulk, merged when the same source pushes the same
 * reference again (counted, not repeated), then promoted by an analyst to a new incident or attached to one.
 */
@ApplicationScoped
public class AlertService {

    private static final String UPSERT = """
            insert into alert as x (id, source, source_ref, organization_code, org_path, type, title, observed_at,
                first_pushed_at, last_pushed_at, occurrences, observables, raw, status, version)
            select u.id, u.source, u.ref, o.code, o.path, u.type, u.title, u.observed, now(), now(), u.times,
                   u.observables::json, u.raw::json, 'NEW', 0
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::int[], $9::text[], $10::text[])
                 as u(id, source, ref, org, type, title, observed, times, observables, raw)
            join organization_replica o on o.code = u.org and not o.deleted
            on conflict (organization_code, source, source_ref) do update set occurrences = x.occurrences + excluded.occurrences,
                last_pushed_at = now(), raw = coalesce(excluded.raw, x.raw), version = x.version + 1
            returning\s""" + AlertView.COLUMNS + ", (xmax = 0) as inserted";
    private static final String UNKNOWN_ORGANIZATIONS = """
            select c from unnest($1::text[]) as c except select code from organization_replica where not deleted and path like $2""";
    private static final String MARK = """
            update alert set status = $2, incident_id = $3, version = version + 1 where id = $1 and status = 'NEW'""";

    private final Pool pool;
    private final TenantScopes scopes;
    private final IncidentService incidents;
    private final ObjectMapper json;

    public AlertService(Pool pool, TenantScopes scopes, IncidentService incidents, ObjectMapper json) {
        this.pool = pool;
        this.scopes = scopes;
        this.incidents = incidents;
        this.json = json;
    }

    /** Stores the alerts (merging repeats); answers each with whether it was a repeat. */
    public Uni<List<AlertView>> push(Caller caller, List<AlertInput> alerts) {
        Map<String, AlertInput> unique = new LinkedHashMap<>();
        Map<String, Integer> times = new LinkedHashMap<>();
        List<Violation> faults = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            AlertInput alert = alerts.get(i);
            for (int o = 0; o < alert.observables().size(); o++) {
                ObservableInput observable = alert.observables().get(o);
                if (Observables.canonical(observable.type(), observable.value()).isEmpty()) {
                    faults.add(new Violation(
                            "[" + i + "].observables[" + o + "].value",
                            "bad-observable",
                            observable.value(),
                            observable.type().name()));
                }
            }
            String key = alert.organization() + "\u0000" + alert.source() + "\u0000" + alert.sourceReference();
            unique.putIfAbsent(key, alert);
            times.merge(key, 1, Integer::sum);
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
        List<AlertInput> rows = List.copyOf(unique.values());
        List<Integer> counts = List.copyOf(times.values());
        boolean national = caller.isAuthority() || caller.is(Roles.FEED);
        // Both statements go out together (pipelined); an organisation outside the caller's reach rolls back both.
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> Uni.combine()
                        .all()
                        .unis(
                                connection
                                        .preparedQuery(UNKNOWN_ORGANIZATIONS)
                                        .execute(Tuple.of(
                                                rows.stream()
                                                        .map(AlertInput::organization)
                                                        .distinct()
                                                        .toArray(String[]::new),
                                                national ? "/%" : scope.likePattern())),
                                connection.preparedQuery(UPSERT).execute(upsertRow(rows, counts)))
                        .asTuple()
                        .map(results -> {
                            List<Violation> outside = new ArrayList<>();
                            results.getItem1()
                                    .forEach(row -> outside.add(
                                            new Violation("organization", "unknown-organization", row.getString(0))));
                            if (!outside.isEmpty()) {
                                throw DomainProblem.invalid(outside);
                            }
                            List<AlertView> views = new ArrayList<>();
                            results.getItem2().forEach(row -> views.add(view(row, !row.getBoolean("inserted"))));
                            return views;
                        })));
    }

    private Tuple upsertRow(List<AlertInput> rows, List<Integer> counts) {
        return Tuple.tuple()
                .addArrayOfUUID(rows.stream().map(r -> TimeOrderedIds.next()).toArray(UUID[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::source).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::sourceReference).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::organization).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::type).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::title).toArray(String[]::new))
                .addArrayOfOffsetDateTime(
                        rows.stream().map(AlertInput::observedAt).toArray(OffsetDateTime[]::new))
                .addArrayOfInteger(counts.toArray(Integer[]::new))
                .addArrayOfString(rows.stream().map(r -> write(r.observables())).toArray(String[]::new))
                .addArrayOfString(rows.stream()
                        .map(r -> r.raw() == null ? null : r.raw().toString())
                        .toArray(String[]::new));
    }

    public Uni<Page<AlertView>> list(Caller caller, String status, String organization, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller).flatMap(scope -> {
            Tuple params = Tuple.tuple();
            List<String> where = new ArrayList<>();
            where.add("org_path like " + bind(params, scope.likePattern()));
            if (organization != null && !organization.isBlank()) {
                where.add("organization_code = " + bind(params, organization));
            }
            if (status != null && !status.isBlank()) {
                where.add("status = " + bind(params, status.strip().toUpperCase(java.util.Locale.ROOT)));
            }
            if (cursor != null) {
                where.add("(last_pushed_at, id) < (" + bind(params, cursor.timestamp(0)) + ", "
                        + bind(params, cursor.uuid(1)) + ")");
            }
            return pool.preparedQuery("select " + AlertView.COLUMNS + " from alert where " + String.join(" and ", where)
                            + " order by last_pushed_at desc, id desc limit " + (limit + 1))
                    .execute(params)
                    .map(rows -> {
                        List<AlertView> found = new ArrayList<>();
                        rows.forEach(row -> found.add(view(row, false)));
                        return Page.of(
                                found,
                                limit,
                                a -> Cursor.encode(
                                        a.lastPushedAt()
                                                .atOffset(java.time.ZoneOffset.UTC)
                                                .toString(),
                                        a.id().toString()),
                                a -> a);
                    });
        });
    }

    /** A new incident from the alert: its observables, its time, the analyst's category and severity. */
    public Uni<IncidentView> promote(Caller caller, UUID id, AlertPromotion promotion) {
        return scopes.of(caller)
                .flatMap(scope -> newAlert(pool, scope, id))
                .flatMap(alert -> incidents
                        .draw()
                        .flatMap(ticket -> pool.withTransaction(connection -> {
                            IncidentInput input = new IncidentInput(
                                    alert.organization(),
                                    null,
                                    List.of(),
                                    promotion.title() != null
                                                    && !promotion.title().isBlank()
                                            ? promotion.title()
                                            : alert.title(),
                                    "Promoted from alert " + alert.source() + "/" + alert.sourceReference() + " ("
                                            + alert.type() + ", pushed " + alert.occurrences() + " time(s))",
                                    promotion.category(),
                                    promotion.severity(),
                                    alert.observedAt().atOffset(java.time.ZoneOffset.UTC),
                                    null,
                                    null,
                                    null,
                                    null,
                                    "AMBER",
                                    alert.observables(),
                                    List.of(),
                                    List.of());
                            return connection
                                    .preparedQuery("select path from organization_replica where code = $1")
                                    .execute(Tuple.of(alert.organization()))
                                    .flatMap(rows -> incidents.openOn(
                                            connection,
                                            caller,
                                            input,
                                            ticket,
                                            alert.organization(),
                                            rows.iterator().next().getString(0)))
                                    .call(incident -> mark(connection, id, "PROMOTED", incident.id()));
                        })));
    }

    /** Adds the alert's observables to an existing incident in scope. */
    public Uni<IncidentView> attach(Caller caller, UUID id, UUID incidentId) {
        return scopes.of(caller)
                .flatMap(scope -> newAlert(pool, scope, id))
                .flatMap(alert -> incidents.get(caller, incidentId).replaceWith(alert))
                .flatMap(alert -> pool.withTransaction(connection -> incidents
                        .addOn(
                                connection,
                                caller,
                                incidentId,
                                alert.observables(),
                                "alert " + alert.source() + "/" + alert.sourceReference() + " attached: "
                                        + alert.title())
                        .call(() -> mark(connection, id, "ATTACHED", incidentId))))
                .flatMap(ignored -> incidents.get(caller, incidentId));
    }

    private Uni<AlertView> newAlert(SqlClient client, TenantScope scope, UUID id) {
        return client.preparedQuery("select " + AlertView.COLUMNS + ", org_path from alert where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0 || !scope.covers(rows.iterator().next().getString("org_path"))) {
                        throw DomainProblem.notFound("alert", id);
                    }
                    AlertView alert = view(rows.iterator().next(), false);
                    if (!alert.status().equals("NEW")) {
                        throw DomainProblem.conflict("alert-handled", alert.status(), alert.incidentId());
                    }
                    return alert;
                });
    }

    private static Uni<Void> mark(SqlClient connection, UUID id, String status, UUID incidentId) {
        return connection
                .preparedQuery(MARK)
                .execute(Tuple.of(id, status, incidentId))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainProblem.conflict("alert-handled", status, incidentId);
                    }
                })
                .replaceWithVoid();
    }

    private AlertView view(Row row, boolean duplicate) {
        try {
            return AlertView.of(
                    row,
                    json.readValue(row.getString("observables"), new TypeReference<List<ObservableInput>>() {}),
                    duplicate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored observables are not JSON", e);
        }
    }

    private String write(List<ObservableInput> observables) {
        try {
            return json.writeValueAsString(observables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
