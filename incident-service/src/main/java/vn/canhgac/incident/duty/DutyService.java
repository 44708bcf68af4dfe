package vn.canhgac.incident.duty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * Duty rosters: shifts per organisation, the gaps in 24/7 coverage of a period (across midnight and month ends
 * alike: shifts are instants), who is on duty now with the fall-back to the parent organisation's duty officer,
 * and a coordinator's view of the coverage of its whole subtree.
 */
@ApplicationScoped
public class DutyService {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ORGANIZATION =
            "select code, path, name_vi from organization_replica where code = $1 and not deleted";
    private static final String INSERT = """
            insert into duty_shift (id, organization_code, org_path, person, role, phone, starts_at, ends_at, time_zone,
                created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10)""";
    private static final String OVERLAPPING = """
            select * from duty_shift where organization_code = any($1) and starts_at < $3 and ends_at > $2
            order by organization_code, starts_at""";
    private static final String ON_DUTY = """
            select * from duty_shift where organization_code = any($1) and starts_at <= $2 and ends_at > $2
            order by starts_at""";

    /** An organisation's coverage of a period: the gaps, and how much of the period is covered. */
    public record CoverageReport(
            String organization,
            String nameVi,
            LocalDateTime from,
            LocalDateTime to,
            List<Gap> gaps,
            double coveredPercent) {}

    public record Gap(LocalDateTime from, LocalDateTime to, long minutes) {}

    /** Who answers for an organisation now: its own duty officers, or the nearest ancestor's. */
    public record OnDuty(String organization, String onDutyFor, boolean fallback, List<ShiftView> shifts) {}

    private final Pool pool;
    private final TenantScopes scopes;

    public DutyService(Pool pool, TenantScopes scopes) {
        this.pool = pool;
        this.scopes = scopes;
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
                .flatMap(org -> pool.preparedQuery(INSERT)
                        .execute(Tuple.tuple()
                                .addUUID(id)
                                .addString(org.getString("code"))
                                .addString(org.getString("path"))
                                .addString(input.person())
                                .addString(input.role())
                                .addString(input.phone())
                                .addOffsetDateTime(from)
                                .addOffsetDateTime(to)
                                .addString(zone.getId())
                                .addString(caller.displayName())))
                .flatMap(ignored -> pool.preparedQuery("select * from duty_shift where id = $1")
                        .execute(Tuple.of(id)))
                .map(rows -> ShiftView.of(rows.iterator().next()));
    }

    public Uni<List<ShiftView>> shifts(Caller caller, String organization, LocalDateTime from, LocalDateTime to) {
        return organization(caller, organization)
                .flatMap(org -> pool.preparedQuery(OVERLAPPING)
                        .execute(Tuple.of(new String[] {org.getString("code")}, at(from), at(to))))
                .map(rows -> {
                    List<ShiftView> shifts = new ArrayList<>();
                    rows.forEach(row -> shifts.add(ShiftView.of(row)));
                    return shifts;
                });
    }

    public Uni<Void> deleteShift(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> pool.preparedQuery("select org_path from duty_shift where id = $1")
                        .execute(Tuple.of(id))
                        .flatMap(rows -> {
                            if (rows.size() == 0
                                    || !scope.covers(rows.iterator().next().getString(0))) {
                                throw DomainProblem.notFound("shift", id);
                            }
                            return pool.preparedQuery("delete from duty_shift where id = $1")
                                    .execute(Tuple.of(id))
                                    .replaceWithVoid();
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
                        .flatMap(org -> pool.preparedQuery(
                                        "select code, name_vi, path from organization_replica where not deleted and "
                                                + (subtree ? "path like $1 || '%'" : "code = $1") + " order by path")
                                .execute(Tuple.of(subtree ? org.getString("path") : org.getString("code")))
                                .flatMap(orgs -> {
                                    Map<String, String> names = new LinkedHashMap<>();
                                    orgs.forEach(row -> {
                                        if (scope.covers(row.getString("path"))) {
                                            names.put(row.getString("code"), row.getString("name_vi"));
                                        }
                                    });
                                    return pool.preparedQuery(OVERLAPPING)
                                            .execute(Tuple.of(names.keySet().toArray(String[]::new), at(from), at(to)))
                                            .map(rows -> report(names, rows, from, to));
                                })));
    }

    public Uni<OnDuty> onDutyNow(Caller caller, String organization) {
        return organization(caller, organization).flatMap(org -> {
            String path = org.getString("path");
            List<String> chain = new ArrayList<>(
                    Arrays.asList(path.substring(1, path.length() - 1).split("/")));
            java.util.Collections.reverse(chain);
            return pool.preparedQuery(ON_DUTY)
                    .execute(Tuple.of(chain.toArray(String[]::new), OffsetDateTime.now()))
                    .map(rows -> {
                        Map<String, List<ShiftView>> byOrganization = new LinkedHashMap<>();
                        rows.forEach(row -> byOrganization
                                .computeIfAbsent(row.getString("organization_code"), k -> new ArrayList<>())
                                .add(ShiftView.of(row)));
                        for (String code : chain) {
                            if (byOrganization.containsKey(code)) {
                                return new OnDuty(
                                        org.getString("code"),
                                        code,
                                        !code.equals(org.getString("code")),
                                        byOrganization.get(code));
                            }
                        }
                        return new OnDuty(org.getString("code"), null, false, List.of());
                    });
        });
    }

    private static List<CoverageReport> report(
            Map<String, String> names, Iterable<Row> rows, LocalDateTime from, LocalDateTime to) {
        Map<String, List<Coverage.Interval>> shifts = new LinkedHashMap<>();
        rows.forEach(row -> shifts.computeIfAbsent(row.getString("organization_code"), k -> new ArrayList<>())
                .add(new Coverage.Interval(
                        row.getOffsetDateTime("starts_at").toInstant(),
                        row.getOffsetDateTime("ends_at").toInstant())));
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
    private Uni<Row> organizationField(Caller caller, String code) {
        return organization(caller, code)
                .onFailure(DomainProblem.class)
                .transform(failure -> ((DomainProblem) failure).status() == 404
                        ? DomainProblem.invalidField("organization", "unknown-organization", code)
                        : failure);
    }

    /** The organisation a request is about (its path or parameter): one outside the caller's scope is 404. */
    private Uni<Row> organization(Caller caller, String code) {
        if (code == null || code.isBlank()) {
            throw DomainProblem.invalidField("organization", "unknown-organization", "");
        }
        return scopes.of(caller)
                .flatMap(scope -> pool.preparedQuery(ORGANIZATION)
                        .execute(Tuple.of(code))
                        .map(rows -> {
                            if (rows.size() == 0
                                    || !covers(scope, rows.iterator().next().getString("path"))) {
                                throw DomainProblem.notFound("organization", code);
                            }
                            return rows.iterator().next();
                        }));
    }

    private static boolean covers(TenantScope scope, String path) {
        return scope.covers(path);
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(VIETNAM).toOffsetDateTime();
    }

    private static LocalDateTime local(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDateTime();
    }

    private static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return VIETNAM;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw DomainProblem.invalidField("timeZone", "bad-time-zone", text);
        }
    }
}
