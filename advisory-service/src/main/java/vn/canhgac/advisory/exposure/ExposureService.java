package vn.canhgac.advisory.exposure;

import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;
import static vn.canhgac.commons.sql.SqlParams.bind;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.text.SearchText;

/**
 * Reads exposures in the caller's scope (another organisation's is 404) and moves them through their workflow,
 * one or many at a time, each step in the exposure's history and announced as {@code exposure.status-changed}.
 */
@ApplicationScoped
public class ExposureService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SELECT = "select " + ExposureRows.COLUMNS + " from exposure x " + ExposureRows.JOINS;
    private static final String HISTORY = """
            select at, actor, from_status, to_status, note from exposure_history where exposure_id = $1 order by id""";
    private static final String CHANGE = """
            update exposure x set status = $2, status_changed_at = now(), status_changed_by = $3, version = version + 1,
                due_on = case when x.status = 'TO_CONFIRM' and $2 = 'OPEN'
                              then exposure_due(x.severity, (select due_on from advisory where id = x.advisory_id),
                                                current_date)
                              else x.due_on end
            where id = $1""";
    private static final String RECORD = """
            insert into exposure_history (exposure_id, at, actor, from_status, to_status, note)
            values ($1, now(), $2, $3, $4, $5)""";
    /** Per organisation of the level asked for: its whole subtree's exposures, by status. */
    private static final String SUMMARY = """
            select o.code, o.name_vi, o.path,
                   count(x.id) filter (where x.status = 'TO_CONFIRM') as to_confirm,
                   count(x.id) filter (where x.status = 'OPEN') as open,
                   count(x.id) filter (where x.status = 'ACKNOWLEDGED') as acknowledged,
                   count(x.id) filter (where x.status = 'IN_PROGRESS') as in_progress,
                   count(x.id) filter (where x.status = 'MITIGATED') as mitigated,
                   count(x.id) filter (where x.status = 'RESOLVED') as resolved,
                   count(x.id) filter (where x.status = 'RISK_ACCEPTED') as risk_accepted,
                   count(x.id) filter (where x.status = 'FALSE_POSITIVE') as false_positive,
                   count(x.id) filter (where x.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and x.due_on < $1)
                       as overdue
            from organization_replica o
            left join exposure x on x.org_path like o.path || '%%'
            where not o.deleted and %s
            group by o.code, o.name_vi, o.path
            order by length(o.path), o.code""";

    private static final String ORGANIZATION_AND_CHILDREN = "(o.code = $2 or o.parent_code = $2)";
    private static final String TOP_LEVEL = "o.parent_code is null";

    private final Pool pool;
    private final TenantScopes scopes;
    private final Outbox outbox;

    public ExposureService(Pool pool, TenantScopes scopes, Outbox outbox) {
        this.pool = pool;
        this.scopes = scopes;
        this.outbox = outbox;
    }

    public Uni<Page<ExposureView>> list(Caller caller, ExposureFilter filter, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> scopePattern(scope, filter.organization()).flatMap(pattern -> {
                    Tuple params = Tuple.tuple();
                    List<String> where = new ArrayList<>();
                    where.add("x.org_path like " + bind(params, pattern));
                    if (!filter.statuses().isEmpty()) {
                        where.add("x.status = any("
                                + bind(
                                        params,
                                        filter.statuses().stream()
                                                .map(Enum::name)
                                                .toArray(String[]::new)) + ")");
                    }
                    if (filter.sourceKind() != null) {
                        where.add("x.source_kind = " + bind(params, filter.sourceKind()));
                    }
                    if (filter.advisoryId() != null) {
                        where.add("x.advisory_id = " + bind(params, filter.advisoryId()));
                    }
                    if (filter.botnetListId() != null) {
                        where.add("x.botnet_list_id = " + bind(params, filter.botnetListId()));
                    }
                    if (filter.assetId() != null) {
                        where.add("x.asset_id = " + bind(params, filter.assetId()));
                    }
                    if (filter.severity() != null) {
                        where.add("x.severity = " + bind(params, filter.severity()));
                    }
                    if (filter.overdue()) {
                        where.add("x.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and x.due_on < "
                                + bind(params, LocalDate.now(VIETNAM)));
                    }
                    if (filter.query() != null && !filter.query().isBlank()) {
                        String words = SearchText.containsPattern(filter.query());
                        where.add("(lower(x.subject) like " + bind(params, words) + " or lower(x.matched) like "
                                + bind(params, words) + " or lower(coalesce(x.hostname, '')) like "
                                + bind(params, words) + ")");
                    }
                    if (cursor != null) {
                        where.add("(x.due_on, x.id) > (" + bind(params, cursor.date(0)) + ", "
                                + bind(params, cursor.uuid(1)) + ")");
                    }
                    String sql = SELECT + " where " + String.join(" and ", where) + " order by x.due_on, x.id limit "
                            + (limit + 1);
                    return pool.preparedQuery(sql).execute(params).map(rows -> {
                        List<ExposureView> found = new ArrayList<>();
                        rows.forEach(row -> found.add(ExposureView.of(row)));
                        return Page.of(
                                found, limit, x -> Cursor.encode(x.dueOn().toString(), x.id().toString()), x -> x);
                    });
                }));
    }

    public Uni<ExposureView> get(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> inScope(pool, scope, id, false))
                .flatMap(exposure -> pool.preparedQuery(HISTORY)
                        .execute(Tuple.of(id))
                        .map(rows -> {
                            List<ExposureView.HistoryEntry> history = new ArrayList<>();
                            rows.forEach(row -> history.add(new ExposureView.HistoryEntry(
                                    row.getOffsetDateTime("at").toInstant(),
                                    row.getString("actor"),
                                    row.getString("from_status"),
                                    row.getString("to_status"),
                                    row.getString("note"))));
                            return exposure.withHistory(history);
                        }));
    }

    /** Moves one exposure; {@code If-Match} (its version) is honoured when sent. */
    public Uni<ExposureView> changeStatus(Caller caller, UUID id, String ifMatch, StatusChange change) {
        checkNote(change);
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> inScope(connection, scope, id, true)
                        .invoke(exposure -> {
                            if (ifMatch != null) {
                                IfMatch.require(ifMatch, exposure.version());
                            }
                            if (!exposure.status().canBecome(change.status())) {
                                throw DomainProblem.illegalTransition(
                                        exposure.status().name(),
                                        change.status().name(),
                                        exposure.status().nextNames());
                            }
                        })
                        .flatMap(exposure -> move(connection, caller, exposure, change))));
    }

    /**
     * Moves many exposures at once (a patch rolled out to every server): each one in scope whose workflow allows
     * the step moves; the others are listed with the reason, and nothing else changes for them.
     */
    public Uni<BulkResult> changeStatuses(Caller caller, BulkStatusChange bulk) {
        StatusChange change = new StatusChange(bulk.status(), bulk.note());
        checkNote(change);
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> {
                    Uni<BulkResult> chain = Uni.createFrom().item(BulkResult.EMPTY);
                    for (UUID id : bulk.ids().stream().distinct().toList()) {
                        chain = chain.flatMap(result -> inScope(connection, scope, id, true)
                                .flatMap(exposure -> exposure.status().canBecome(change.status())
                                        ? move(connection, caller, exposure, change)
                                                .map(moved -> result.changed(id))
                                        : Uni.createFrom().item(result.refused(id, "illegal-transition")))
                                .onFailure(DomainProblem.class)
                                .recoverWithItem(result.refused(id, "not-found")));
                    }
                    return chain;
                }));
    }

    public Uni<List<ExposureSummary>> summary(Caller caller, String organization) {
        return scopes.of(caller).flatMap(scope -> {
            String code = organization != null && !organization.isBlank()
                    ? organization
                    : scope.isEverything() ? null : caller.orgCode();
            Tuple params = Tuple.of(LocalDate.now(VIETNAM));
            String sql = SUMMARY.formatted(code == null ? TOP_LEVEL : ORGANIZATION_AND_CHILDREN);
            if (code != null) {
                params.addString(code);
            }
            return pool.preparedQuery(sql).execute(params).map(rows -> {
                List<ExposureSummary> summaries = new ArrayList<>();
                for (Row row : rows) {
                    if (scope.covers(row.getString("path"))) {
                        summaries.add(ExposureSummary.of(row));
                    }
                }
                if (code != null
                        && summaries.stream()
                                .noneMatch(s -> s.organizationCode().equals(code))) {
                    throw DomainProblem.notFound("organization", code);
                }
                return summaries;
            });
        });
    }

    private Uni<ExposureView> move(
            SqlConnection connection, Caller caller, ExposureView exposure, StatusChange change) {
        String actor = caller.displayName();
        return connection
                .preparedQuery(CHANGE)
                .execute(Tuple.of(exposure.id(), change.status().name(), actor))
                .flatMap(ignored -> connection
                        .preparedQuery(RECORD)
                        .execute(Tuple.tuple()
                                .addUUID(exposure.id())
                                .addString(actor)
                                .addString(exposure.status().name())
                                .addString(change.status().name())
                                .addString(change.note())))
                .flatMap(ignored ->
                        connection.preparedQuery(SELECT + " where x.id = $1").execute(Tuple.of(exposure.id())))
                .map(rows -> rows.iterator().next())
                .call(row -> outbox.recordAll(connection, EXPOSURE_STATUS_CHANGED, List.of(ExposureRows.event(row))))
                .map(ExposureView::of);
    }

    private static Uni<ExposureView> inScope(
            io.vertx.mutiny.sqlclient.SqlClient client, TenantScope scope, UUID id, boolean lock) {
        return client.preparedQuery(SELECT + " where x.id = $1" + (lock ? " for update of x" : ""))
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainProblem.notFound("exposure", id);
                    }
                    Row row = rows.iterator().next();
                    if (!scope.covers(row.getString("org_path"))) {
                        throw DomainProblem.notFound("exposure", id);
                    }
                    return ExposureView.of(row);
                });
    }

    private Uni<String> scopePattern(TenantScope scope, String organization) {
        return scopes.subtreePattern(
                scope,
                organization,
                () -> DomainProblem.invalidField("organization", "unknown-organization", organization));
    }

    private static void checkNote(StatusChange change) {
        if (change.status().needsNote()
                && (change.note() == null || change.note().isBlank())) {
            throw DomainProblem.invalidField(
                    "note", "exposure-note-required", change.status().name());
        }
    }
}
