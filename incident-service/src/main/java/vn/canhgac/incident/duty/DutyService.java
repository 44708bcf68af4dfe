package vn.canhgac.incident.duty;

import static vn.canhgac.commons.contracts.EventContracts.DUTY_SHIFT_ADDED;
import static vn.canhgac.commons.contracts.EventContracts.DUTY_SHIFT_DELETED;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.contracts.DutyShiftEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.OrganizationPaths;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.time.Vietnam;

/**
 * Duty rosters: shifts per organisation, the gaps in 24/7 coverage of a period (across midnight and month ends
 * alike: shifts are instants), who is on duty now with the fall-back to the parent organisation's duty officer,
 * and a coordinator's view of the coverage of its whole subtree. Shifts added and deleted are announced on
 * {@code incident.duty} and recorded in the audit trail.
 */
@ApplicationScoped
public class DutyService {

    /** An organisation's coverage of a period: the gaps, and how much of the period is covered. */
    public record CoverageReport(
            String organization,
            String nameVi,
            LocalDateTime from,
            LocalDateTime to,
            List<Gap> gaps,
            double coveredPercent) {}

    /** The audit trail's name for a shift. */
    static final String AUDIT_TYPE = "duty-shift";

    public record Gap(LocalDateTime from, LocalDateTime to, long minutes) {}

    /** Who answers for an organisation now: its own duty officers, or the nearest ancestor's. */
    public record OnDuty(String organization, String onDutyFor, boolean fallback, List<ShiftView> shifts) {}

    private final Pool pool;
    private final TenantScopes scopes;
    private final DutyStore store;
    private final Outbox outbox;
    private final AuditTrail audit;

    public DutyService(Pool pool, TenantScopes scopes, DutyStore store, Outbox outbox, AuditTrail audit) {
        this.pool = pool;
        this.scopes = scopes;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
    }

    public Uni<ShiftView> addShift(Caller caller, ShiftInput input) {
        ZoneId zone = zone(input.timeZone());
        OffsetDateTime from = input.from().atZone(zone).toOffsetDateTime();
        OffsetDateTime to = input.to().atZone(zone).toOffsetDateTime();
        if (!to.isAfter(from)) {
            throw DomainProblem.invalidField("to", "shift-backwards");
        }
        UUID id = TimeOrderedIds.next();
        return organizationField(caller, input.organization())
                .flatMap(org -> pool.withTransaction(connection -> store.insert(
                                connection, id, org, input, from, to, zone, caller.displayName())
                        .call(added -> audit.record(
                                OpenTransaction.on(connection),
                                caller,
                                Change.created(AUDIT_TYPE, id.toString(), added.orgPath(), added)))
                        .flatMap(added ->
                                outbox.record(OpenTransaction.on(connection), DUTY_SHIFT_ADDED, List.of(added)))))
                .flatMap(ignored -> store.shift(pool, id));
    }

    public Uni<List<ShiftView>> shifts(Caller caller, String organization, LocalDateTime from, LocalDateTime to) {
        return organization(caller, organization).flatMap(org -> store.overlapping(pool, org.code(), at(from), at(to)));
    }

    public Uni<Void> deleteShift(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> store.pathOf(pool, id).flatMap(path -> {
                    if (path == null || !scope.covers(path)) {
                        throw DomainProblem.notFound("shift", id);
                    }
                    return pool.withTransaction(connection -> store.delete(connection, id)
                            .flatMap(deleted -> deleted == null
                                    ? Uni.createFrom().voidItem()
                                    : audit.record(OpenTransaction.on(connection), caller, removal(deleted))
                                            .call(() -> outbox.record(
                                                    OpenTransaction.on(connection),
                                                    DUTY_SHIFT_DELETED,
                                                    List.of(deleted)))));
                }));
    }

    /** The gaps of the organisation (with its whole subtree in scope when asked) over a period, Vietnam time. */
    public Uni<List<CoverageReport>> coverage(
            Caller caller, String organization, LocalDateTime from, LocalDateTime to, boolean subtree) {
        if (!to.isAfter(from)) {
            throw DomainProblem.invalidField("to", "shift-backwards");
        }
        return scopes.of(caller)
                .flatMap(scope -> organization(caller, organization)
                        .flatMap(org -> store.organizations(pool, org, subtree).flatMap(orgs -> {
                            Map<String, String> names = new LinkedHashMap<>();
                            orgs.forEach(found -> {
                                if (scope.covers(found.path())) {
                                    names.put(found.code(), found.nameVi());
                                }
                            });
                            return store.covered(pool, names.keySet(), at(from), at(to))
                                    .map(shifts -> report(names, shifts, from, to));
                        })));
    }

    public Uni<OnDuty> onDutyNow(Caller caller, String organization) {
        return organization(caller, organization).flatMap(org -> {
            List<String> chain = OrganizationPaths.upward(org.path());
            return store.onDuty(pool, chain, OffsetDateTime.now(ZoneOffset.UTC)).map(shifts -> {
                Map<String, List<ShiftView>> byOrganization = new LinkedHashMap<>();
                shifts.forEach(shift -> byOrganization
                        .computeIfAbsent(shift.organization(), k -> new ArrayList<>())
                        .add(shift));
                for (String code : chain) {
                    if (byOrganization.containsKey(code)) {
                        return new OnDuty(org.code(), code, !code.equals(org.code()), byOrganization.get(code));
                    }
                }
                return new OnDuty(org.code(), null, false, List.of());
            });
        });
    }

    /** A deleted shift's trail entry: the shift as it stood, not the event's "deleted" flag. */
    private static Change removal(DutyShiftEvent deleted) {
        DutyShiftEvent before = new DutyShiftEvent(
                deleted.id(),
                deleted.organizationCode(),
                deleted.orgPath(),
                deleted.person(),
                deleted.role(),
                deleted.phone(),
                deleted.email(),
                deleted.startsAt(),
                deleted.endsAt(),
                false);
        return Change.deleted(AUDIT_TYPE, deleted.id().toString(), deleted.orgPath(), before);
    }

    private static List<CoverageReport> report(
            Map<String, String> names,
            Map<String, List<Coverage.Interval>> shifts,
            LocalDateTime from,
            LocalDateTime to) {
        Instant start = at(from).toInstant();
        Instant end = at(to).toInstant();
        long total = Duration.between(start, end).toMinutes();
        List<CoverageReport> reports = new ArrayList<>();
        names.forEach((code, name) -> {
            List<Gap> gaps = Coverage.gaps(start, end, shifts.getOrDefault(code, List.of())).stream()
                    .map(g -> new Gap(
                            local(g.from()),
                            local(g.to()),
                            Duration.between(g.from(), g.to()).toMinutes()))
                    .toList();
            long uncovered = gaps.stream().mapToLong(Gap::minutes).sum();
            reports.add(new CoverageReport(
                    code, name, from, to, gaps, Math.round(1000.0 * (total - uncovered) / total) / 10.0));
        });
        return reports;
    }

    /** An organisation named in a body: one outside the caller's scope is a bad field (400), as for incidents. */
    private Uni<DutyStore.Organization> organizationField(Caller caller, String code) {
        return organization(caller, code)
                .onFailure(DomainProblem.class)
                .transform(failure -> ((DomainProblem) failure).status() == 404
                        ? DomainProblem.invalidField("organization", "unknown-organization", code)
                        : failure);
    }

    /** The organisation a request is about (its path or parameter): one outside the caller's scope is 404. */
    private Uni<DutyStore.Organization> organization(Caller caller, String code) {
        if (code == null || code.isBlank()) {
            throw DomainProblem.invalidField("organization", "unknown-organization", "");
        }
        return scopes.of(caller)
                .flatMap(scope -> store.organization(pool, code).map(org -> {
                    if (org == null || !covers(scope, org.path())) {
                        throw DomainProblem.notFound("organization", code);
                    }
                    return org;
                }));
    }

    private static boolean covers(TenantScope scope, String path) {
        return scope.covers(path);
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(Vietnam.ZONE).toOffsetDateTime();
    }

    private static LocalDateTime local(Instant instant) {
        return instant.atZone(Vietnam.ZONE).toLocalDateTime();
    }

    private static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return Vietnam.ZONE;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw DomainProblem.invalidField("timeZone", "bad-time-zone", text);
        }
    }
}
