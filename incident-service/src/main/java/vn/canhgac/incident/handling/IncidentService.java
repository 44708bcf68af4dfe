package vn.canhgac.incident.handling;

import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_ESCALATED;
import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_REPORTED;
import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_STATUS_CHANGED;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.canhgac.commons.contracts.EventContract;
import vn.canhgac.commons.contracts.IncidentEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.time.Vietnam;

/**
 * Reports incidents and moves them through their workflow, everything on the timeline. An incident is visible to
 * the reporting organisation's scope and to the scope of every organisation it affects; another is 404.
 */
@ApplicationScoped
public class IncidentService {

    private final Pool pool;
    private final TenantScopes scopes;
    private final Outbox outbox;
    private final IncidentStore store;

    public IncidentService(Pool pool, TenantScopes scopes, Outbox outbox, IncidentStore store) {
        this.pool = pool;
        this.scopes = scopes;
        this.outbox = outbox;
        this.store = store;
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
                .flatMap(incident -> pool.withTransaction(connection -> insert(connection, incident)));
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
        return draw(1).map(List::getFirst);
    }

    /** Draws as many references, in one round trip. */
    public Uni<List<Ticket>> draw(int count) {
        return count == 0 ? Uni.createFrom().item(List.of()) : store.draw(pool, Vietnam.today(), count);
    }

    /**
     * A report that did not come through the API (a botnet hit, a promoted alert), with the ticket drawn for it:
     * the reporting organisation is the affected one.
     */
    public record Opening(IncidentInput input, Ticket ticket, String organization, String path) {}

    /** Observables and a timeline line to add to an incident. */
    public record Addition(UUID incident, List<ObservableInput> observables, String line) {}

    /** Opens an incident on a connection whose transaction the caller holds. */
    public Uni<IncidentView> openOn(
            SqlConnection connection,
            Caller reporter,
            IncidentInput input,
            Ticket ticket,
            String organization,
            String path) {
        return openAllOn(connection, reporter, List.of(new Opening(input, ticket, organization, path)))
                .map(List::getFirst);
    }

    /** Opens incidents on a connection whose transaction the caller holds, all in one statement and their events. */
    public Uni<List<IncidentView>> openAllOn(SqlConnection connection, Caller reporter, List<Opening> openings) {
        return insert(
                connection,
                openings.stream()
                        .map(opening -> NewIncident.of(
                                TimeOrderedIds.next(),
                                opening.ticket(),
                                opening.organization(),
                                opening.path(),
                                opening.input(),
                                tlp(opening.input().tlp(), "tlp"),
                                new TreeMap<>(Map.of(opening.organization(), opening.path())),
                                List.of(),
                                List.of(),
                                canonical(opening.input().observables()),
                                reporter.displayName()))
                        .toList());
    }

    private Uni<IncidentView> insert(SqlConnection connection, NewIncident incident) {
        return insert(connection, List.of(incident)).map(List::getFirst);
    }

    /** The incidents and their events, sent together (pipelined) in the caller's transaction. */
    private Uni<List<IncidentView>> insert(SqlConnection connection, List<NewIncident> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.combine()
                .all()
                .unis(
                        store.insert(connection, incidents),
                        outbox.record(
                                OpenTransaction.on(connection),
                                INCIDENT_REPORTED,
                                incidents.stream().map(NewIncident::event).toList()))
                .discardItems()
                .replaceWith(() -> incidents.stream().map(NewIncident::view).toList());
    }

    /** Adds observables and a timeline line to an incident, on the caller's connection. */
    public Uni<Void> addOn(SqlConnection connection, Caller actor, UUID id, List<ObservableInput> inputs, String text) {
        return addAllOn(connection, actor, List.of(new Addition(id, inputs, text)));
    }

    /** Adds observables and a timeline line to each incident, on the caller's connection, in two statements. */
    public Uni<Void> addAllOn(SqlConnection connection, Caller actor, List<Addition> additions) {
        if (additions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, List<IncidentView.Observable>> observables = new LinkedHashMap<>();
        additions.forEach(addition -> observables.merge(
                addition.incident(),
                canonical(addition.observables()),
                (kept, more) -> Stream.concat(kept.stream(), more.stream()).toList()));
        return store.addObservables(connection, actor.displayName(), observables)
                .flatMap(ignored -> store.addLines(
                        connection,
                        actor.displayName(),
                        "ACTION",
                        additions.stream()
                                .map(addition -> new IncidentStore.Line(addition.incident(), addition.line(), null))
                                .toList()));
    }

    public Uni<IncidentView> get(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> store.visible(pool, scope, id))
                .map(incident -> found(incident, id));
    }

    public Uni<Page<IncidentView>> list(Caller caller, IncidentFilter filter, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> organizationPattern(scope, filter.organization())
                        .flatMap(pattern -> store.page(pool, scope, pattern, filter, cursor, limit)))
                .map(found -> Page.of(
                        found,
                        limit,
                        i -> Cursor.encode(
                                i.reportedAt().atOffset(ZoneOffset.UTC).toString(), i.id().toString()),
                        i -> i));
    }

    public Uni<IncidentSummary> summary(Caller caller, String organization) {
        return scopes.of(caller)
                .flatMap(scope -> organizationPattern(scope, organization)
                        .flatMap(pattern -> store.summary(pool, scope, pattern)));
    }

    /** One workflow step; 409 with the steps allowed from where the incident stands. */
    public Uni<IncidentView> changeStatus(Caller caller, UUID id, StatusChange change) {
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> lock(connection, scope, id)
                        .flatMap(from -> {
                            if (!from.next().contains(change.status())) {
                                throw DomainProblem.illegalTransition(
                                        from.name(), change.status().name(), from.nextNames());
                            }
                            return store.changeStatus(connection, id, change.status(), caller.displayName())
                                    .flatMap(ignored -> store.addToTimeline(
                                            connection,
                                            id,
                                            caller.displayName(),
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
                .flatMap(scope -> pool.withTransaction(connection -> lock(connection, scope, id)
                        .flatMap(status -> store.escalate(
                                connection, id, target, escalation.channel().name(), caller.displayName()))
                        .invoke(escalated -> {
                            if (!escalated) {
                                throw DomainProblem.invalidField("to", "unknown-organization", target);
                            }
                        })
                        .flatMap(ignored -> store.contactsOf(connection, target))
                        .flatMap(contacts -> store.addToTimeline(
                                connection,
                                id,
                                caller.displayName(),
                                "ESCALATION",
                                "→ " + target + " (" + escalation.channel() + ")"
                                        + (escalation.note() == null ? "" : ": " + escalation.note()),
                                contacts == null ? null : "{\"contacts\":" + contacts + "}"))
                        .flatMap(ignored -> store.responded(connection, id, caller.displayName()))
                        .flatMap(ignored -> announce(connection, id, INCIDENT_ESCALATED))))
                .flatMap(ignored -> get(caller, id));
    }

    /** A comment, an action taken or a piece of evidence on the timeline; the first answer stops the response clock. */
    public Uni<IncidentView> addToTimeline(Caller caller, UUID id, TimelineInput entry) {
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> lock(connection, scope, id)
                        .flatMap(status -> store.addToTimeline(
                                connection,
                                id,
                                caller.displayName(),
                                entry.kind().name(),
                                entry.text(),
                                entry.reference() == null
                                        ? null
                                        : new JsonObject()
                                                .put("reference", entry.reference())
                                                .encode()))
                        .flatMap(ignored -> store.responded(connection, id, caller.displayName()))))
                .flatMap(ignored -> get(caller, id));
    }

    public Uni<IncidentView> addObservables(Caller caller, UUID id, List<ObservableInput> inputs) {
        List<IncidentView.Observable> observables = canonical(inputs);
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> lock(connection, scope, id)
                        .flatMap(status -> store.addObservables(connection, id, caller.displayName(), observables))
                        .flatMap(ignored -> store.addToTimeline(
                                connection,
                                id,
                                caller.displayName(),
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
                        .flatMap(ignored -> pool.withTransaction(connection -> lock(connection, scope, id)
                                .flatMap(status ->
                                        store.assign(connection, id, person, organization, caller.displayName()))
                                .flatMap(ignored2 -> store.addToTimeline(
                                        connection,
                                        id,
                                        caller.displayName(),
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
        return scopes.of(caller).flatMap(scope -> store.withObservable(pool, scope, type, canonical));
    }

    private Uni<Void> announce(SqlConnection connection, UUID id, EventContract<IncidentEvent> contract) {
        return store.eventOf(connection, id)
                .map(event -> found(event, id))
                .flatMap(event -> outbox.record(OpenTransaction.on(connection), contract, event));
    }

    /** The incident visible in the scope, locked until the transaction ends: where it stands; 404 otherwise. */
    private Uni<IncidentStatus> lock(SqlConnection connection, TenantScope scope, UUID id) {
        return store.lock(connection, scope, id).map(status -> found(status, id));
    }

    /** What the store read of an incident; 404 when it read nothing, the scope not seeing it. */
    private static <T> T found(T read, UUID id) {
        if (read == null) {
            throw DomainProblem.notFound("incident", id);
        }
        return read;
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
                ids -> store.systems(pool, ids),
                input.affectedSystems(),
                "affectedSystems",
                "unknown-system",
                affected);
    }

    /** The assets named, each in the caller's scope; their organisations are affected too. */
    private Uni<ReportTargets.Named<IncidentView.AffectedAsset>> affectedAssets(
            TenantScope scope, IncidentInput input, SortedMap<String, String> affected) {
        return inScope(
                scope,
                ids -> store.assets(pool, ids),
                input.affectedAssets(),
                "affectedAssets",
                "unknown-asset",
                affected);
    }

    private <T> Uni<ReportTargets.Named<T>> inScope(
            TenantScope scope,
            Function<List<UUID>, Uni<List<IncidentStore.Owned<T>>>> known,
            List<UUID> ids,
            String field,
            String unknown,
            SortedMap<String, String> affected) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new ReportTargets.Named<>(List.of(), List.of()));
        }
        return known.apply(ids).map(owned -> {
            Map<UUID, T> found = new LinkedHashMap<>();
            owned.forEach(named -> {
                if (scope.isEverything() || scope.covers(named.path())) {
                    found.put(named.id(), named.item());
                    affected.put(named.organization(), named.path());
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
