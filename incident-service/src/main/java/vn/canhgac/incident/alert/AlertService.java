package vn.canhgac.incident.alert;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private final Pool pool;
    private final TenantScopes scopes;
    private final IncidentService incidents;
    private final AlertStore store;

    public AlertService(Pool pool, TenantScopes scopes, IncidentService incidents, AlertStore store) {
        this.pool = pool;
        this.scopes = scopes;
        this.incidents = incidents;
        this.store = store;
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
                                store.unknownOrganizations(
                                        connection,
                                        rows.stream()
                                                .map(AlertInput::organization)
                                                .distinct()
                                                .toList(),
                                        national ? "/%" : scope.likePattern()),
                                store.upsert(connection, rows, counts))
                        .asTuple()
                        .map(results -> {
                            List<Violation> outside = new ArrayList<>();
                            results.getItem1()
                                    .forEach(code ->
                                            outside.add(new Violation("organization", "unknown-organization", code)));
                            if (!outside.isEmpty()) {
                                throw DomainProblem.invalid(outside);
                            }
                            return results.getItem2();
                        })));
    }

    public Uni<Page<AlertView>> list(Caller caller, String status, String organization, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> store.page(pool, scope.likePattern(), organization, status, cursor, limit))
                .map(found -> Page.of(
                        found,
                        limit,
                        a -> Cursor.encode(
                                a.lastPushedAt().atOffset(ZoneOffset.UTC).toString(), a.id().toString()),
                        a -> a));
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
                                    alert.observedAt().atOffset(ZoneOffset.UTC),
                                    null,
                                    null,
                                    null,
                                    null,
                                    "AMBER",
                                    alert.observables(),
                                    List.of(),
                                    List.of());
                            return store.organizationPath(connection, alert.organization())
                                    .flatMap(path -> incidents.openOn(
                                            connection, caller, input, ticket, alert.organization(), path))
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
        return store.find(client, id).map(found -> {
            if (found == null || !scope.covers(found.path())) {
                throw DomainProblem.notFound("alert", id);
            }
            AlertView alert = found.alert();
            if (!alert.status().equals("NEW")) {
                throw DomainProblem.conflict("alert-handled", alert.status(), alert.incidentId());
            }
            return alert;
        });
    }

    private Uni<Void> mark(SqlClient connection, UUID id, String status, UUID incidentId) {
        return store.mark(connection, id, status, incidentId)
                .invoke(marked -> {
                    if (!marked) {
                        throw DomainProblem.conflict("alert-handled", status, incidentId);
                    }
                })
                .replaceWithVoid();
    }
}
