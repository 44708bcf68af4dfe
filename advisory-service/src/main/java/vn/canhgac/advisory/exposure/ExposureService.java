package vn.canhgac.advisory.exposure;

import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.time.Vietnam;

/**
 * Reads exposures in the caller's scope (another organisation's is 404) and moves them through their workflow,
 * one or many at a time, each step in the exposure's history and announced as {@code exposure.status-changed}.
 */
@ApplicationScoped
public class ExposureService {

    static final Duration BREAKDOWN_FRESHNESS = Duration.ofSeconds(15);
    /** A scope is a subtree: their number is bounded by the organisations, not by the callers. */
    private final Map<String, RecentBreakdown> breakdowns = new ConcurrentHashMap<>();

    private final Pool pool;
    private final ExposureStore store;
    private final TenantScopes scopes;
    private final Outbox outbox;

    public ExposureService(Pool pool, ExposureStore store, TenantScopes scopes, Outbox outbox) {
        this.pool = pool;
        this.store = store;
        this.scopes = scopes;
        this.outbox = outbox;
    }

    public Uni<Page<ExposureView>> list(Caller caller, ExposureFilter filter, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> scopePattern(scope, filter))
                .flatMap(pattern -> store.page(pool, pattern, filter, Vietnam.today(), cursor, limit))
                .map(found ->
                        Page.of(found, limit, x -> Cursor.encode(x.dueOn().toString(), x.id().toString()), x -> x));
    }

    /**
     * Every exposure the filter selects, soonest due first, as the rows of a spreadsheet sent as they are read;
     * more than {@code limit} is refused before the first row.
     */
    public Multi<String> export(Caller caller, ExposureFilter filter, long limit) {
        LocalDate today = Vietnam.today();
        return ExposureCsv.of(
                limit,
                scopes.of(caller)
                        .flatMap(scope -> scopePattern(scope, filter))
                        .flatMap(pattern -> store.ids(pool, pattern, filter, today, limit + 1)),
                ids -> store.byIds(pool, ids));
    }

    public Uni<ExposureView> get(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> inScope(pool, scope, id, false))
                .flatMap(exposure -> store.history(pool, id).map(exposure::withHistory));
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
            return store.summary(pool, code, scope.subtree(), Vietnam.today()).map(rows -> {
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

    /**
     * The breakdown of a scope, counted at most every {@link #BREAKDOWN_FRESHNESS} per scope: it counts rows (the
     * tally has no severity), and every coordinator's overview asks for it on each visit.
     */
    public Uni<ExposureBreakdown> breakdown(Caller caller, String organization) {
        return scopes.of(caller)
                .flatMap(scope -> scopePattern(scope, organization))
                .flatMap(pattern -> breakdowns
                        .compute(
                                pattern,
                                (key, known) -> known != null && known.fresh()
                                        ? known
                                        : new RecentBreakdown(
                                                store.breakdown(pool, key, Vietnam.today())
                                                        .memoize()
                                                        .indefinitely(),
                                                System.nanoTime()))
                        .counted()
                        .onFailure()
                        .invoke(failure -> breakdowns.remove(pattern)));
    }

    private record RecentBreakdown(Uni<ExposureBreakdown> counted, long at) {
        boolean fresh() {
            return System.nanoTime() - at < BREAKDOWN_FRESHNESS.toNanos();
        }
    }

    private Uni<ExposureView> move(
            SqlConnection connection, Caller caller, ExposureView exposure, StatusChange change) {
        return store.move(connection, exposure, change, caller.displayName())
                .call(row -> outbox.record(
                        OpenTransaction.on(connection), EXPOSURE_STATUS_CHANGED, List.of(ExposureRows.event(row))))
                .map(ExposureView::of);
    }

    private Uni<ExposureView> inScope(SqlClient client, TenantScope scope, UUID id, boolean lock) {
        return store.find(client, id, lock).map(row -> {
            if (row == null || !scope.covers(row.getString("org_path"))) {
                throw DomainProblem.notFound("exposure", id);
            }
            return ExposureView.of(row);
        });
    }

    /**
     * The paths a list's filter reads: the organisation's subtree, or else the parent's, either one in the caller's
     * scope (400 naming the parameter otherwise).
     */
    private Uni<String> scopePattern(TenantScope scope, ExposureFilter filter) {
        if (filter.parent() == null) {
            return scopePattern(scope, filter.organization());
        }
        Uni<String> parentSubtree = scopes.subtreePattern(
                scope,
                filter.parent(),
                () -> DomainProblem.invalidField("parent", "unknown-organization", filter.parent()));
        return filter.organization() == null || filter.organization().isBlank()
                ? parentSubtree
                : parentSubtree.flatMap(ignored -> scopePattern(scope, filter.organization()));
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
